/// A TLS failure: what went wrong, in OpenSSL's own words.
///
/// Every error the TLS layer throws is a `TLSError`. `code` says which kind of failure
/// it is, so callers can react (a verification failure is reported differently from a
/// peer speaking garbage); `message` carries the strings OpenSSL queued for the failing
/// call (drained with `ERR_get_error`), plus the certificate verification result where
/// there is one.
public struct TLSError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The kind of TLS failure.
  public struct Code: Hashable, Sendable, CustomStringConvertible {
    private enum Value: Hashable, Sendable {
      case invalidConfiguration
      case handshakeFailed
      case certificateVerificationFailed
      case noApplicationProtocol
      case connectionFailed
      case closed
    }

    private let value: Value

    private init(_ value: Value) {
      self.value = value
    }

    /// A configuration could not be turned into a context: a missing or unreadable
    /// certificate, key or CA file, a key that does not match its certificate, an
    /// unusable ALPN list or cipher string.
    public static let invalidConfiguration = Code(.invalidConfiguration)
    /// The handshake failed for a reason other than certificate verification: the peer
    /// sent something that is not TLS, offered no common version or cipher, sent a
    /// fatal alert, or (server with `requireClientCertificate`) sent no certificate.
    public static let handshakeFailed = Code(.handshakeFailed)
    /// The peer's certificate did not verify: unknown issuer, expired, self-signed,
    /// or (client) issued for another host name.
    public static let certificateVerificationFailed = Code(.certificateVerificationFailed)
    /// The client required an application protocol and the server selected none.
    public static let noApplicationProtocol = Code(.noApplicationProtocol)
    /// After the handshake the connection failed: the peer sent a fatal alert (under
    /// TLS 1.3 a client learns that the server refused its certificate only here, as
    /// its own handshake already completed) or records that do not decrypt or parse.
    public static let connectionFailed = Code(.connectionFailed)
    /// Plaintext was written after the connection was shut down or failed.
    public static let closed = Code(.closed)

    /// A short name of the code, as in `handshakeFailed`.
    public var description: String {
      switch self.value {
      case .invalidConfiguration: "invalidConfiguration"
      case .handshakeFailed: "handshakeFailed"
      case .certificateVerificationFailed: "certificateVerificationFailed"
      case .noApplicationProtocol: "noApplicationProtocol"
      case .connectionFailed: "connectionFailed"
      case .closed: "closed"
      }
    }
  }

  /// The kind of failure.
  public var code: Code
  /// OpenSSL's error strings for the failing call, joined by `"; "`, or a description
  /// of the condition where OpenSSL reported none.
  public var message: String

  /// Creates an error from its code and message.
  public init(code: Code, message: String) {
    self.code = code
    self.message = message
  }

  /// `code: message`.
  public var description: String {
    "TLSError.\(self.code): \(self.message)"
  }
}
