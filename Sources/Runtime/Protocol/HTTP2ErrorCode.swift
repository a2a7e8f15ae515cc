/// An HTTP/2 error code (RFC 9113 §7), as carried by RST_STREAM and GOAWAY.
public struct HTTP2ErrorCode: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
  /// The code's number.
  public var rawValue: UInt32

  /// A code from its number (unknown numbers included).
  public init(rawValue: UInt32) {
    self.rawValue = rawValue
  }

  /// `NO_ERROR` (0x0).
  public static let noError = HTTP2ErrorCode(rawValue: 0x0)
  /// `PROTOCOL_ERROR` (0x1).
  public static let protocolError = HTTP2ErrorCode(rawValue: 0x1)
  /// `INTERNAL_ERROR` (0x2).
  public static let internalError = HTTP2ErrorCode(rawValue: 0x2)
  /// `FLOW_CONTROL_ERROR` (0x3).
  public static let flowControlError = HTTP2ErrorCode(rawValue: 0x3)
  /// `SETTINGS_TIMEOUT` (0x4).
  public static let settingsTimeout = HTTP2ErrorCode(rawValue: 0x4)
  /// `STREAM_CLOSED` (0x5).
  public static let streamClosed = HTTP2ErrorCode(rawValue: 0x5)
  /// `FRAME_SIZE_ERROR` (0x6).
  public static let frameSizeError = HTTP2ErrorCode(rawValue: 0x6)
  /// `REFUSED_STREAM` (0x7).
  public static let refusedStream = HTTP2ErrorCode(rawValue: 0x7)
  /// `CANCEL` (0x8).
  public static let cancel = HTTP2ErrorCode(rawValue: 0x8)
  /// `COMPRESSION_ERROR` (0x9).
  public static let compressionError = HTTP2ErrorCode(rawValue: 0x9)
  /// `CONNECT_ERROR` (0xa).
  public static let connectError = HTTP2ErrorCode(rawValue: 0xA)
  /// `ENHANCE_YOUR_CALM` (0xb).
  public static let enhanceYourCalm = HTTP2ErrorCode(rawValue: 0xB)
  /// `INADEQUATE_SECURITY` (0xc).
  public static let inadequateSecurity = HTTP2ErrorCode(rawValue: 0xC)
  /// `HTTP_1_1_REQUIRED` (0xd).
  public static let http11Required = HTTP2ErrorCode(rawValue: 0xD)

  /// The status a client reports when the server resets a call's stream with this code,
  /// per gRPC's HTTP/2 protocol ("Errors"): `REFUSED_STREAM` is `UNAVAILABLE`, `CANCEL`
  /// `CANCELLED`, `ENHANCE_YOUR_CALM` `RESOURCE_EXHAUSTED`, `INADEQUATE_SECURITY`
  /// `PERMISSION_DENIED`, everything else `INTERNAL`; nil for `STREAM_CLOSED`, which has
  /// no open stream to report to.
  public var grpcStatusCode: StatusCode? {
    switch self {
    case .streamClosed: nil
    case .refusedStream: .unavailable
    case .cancel: .cancelled
    case .enhanceYourCalm: .resourceExhausted
    case .inadequateSecurity: .permissionDenied
    default: .internal
    }
  }

  /// The specification's name, such as `CANCEL`, or the number in hex.
  public var description: String {
    let names = [
      "NO_ERROR", "PROTOCOL_ERROR", "INTERNAL_ERROR", "FLOW_CONTROL_ERROR", "SETTINGS_TIMEOUT",
      "STREAM_CLOSED", "FRAME_SIZE_ERROR", "REFUSED_STREAM", "CANCEL", "COMPRESSION_ERROR",
      "CONNECT_ERROR", "ENHANCE_YOUR_CALM", "INADEQUATE_SECURITY", "HTTP_1_1_REQUIRED",
    ]
    return rawValue < names.count ? names[Int(rawValue)] : "0x" + String(rawValue, radix: 16)
  }
}
