internal import SluiceRuntime
internal import SluiceTransport

/// Reads one gRPC response as the client receives it (gRPC's HTTP/2 protocol,
/// "Responses"): the response headers, the length-prefixed messages and the trailers, or
/// a `Trailers-Only` response. Pure: no I/O, so it is tested with header lists and bytes.
///
/// Responses that are not gRPC get the status gRPC's `http-grpc-status-mapping.md`
/// prescribes: a `:status` other than 200 maps through ``StatusCode/init(httpStatus:)``,
/// a 200 without an `application/grpc` content type is `UNKNOWN`.
struct GRPCResponseReader {
  /// What the first header block said.
  enum Head {
    /// Response headers: messages and trailers follow.
    case headers(Metadata)
    /// The call ended with its headers (`Trailers-Only`): its trailers' metadata or error.
    case trailersOnly(Result<Metadata, RPCError>)
  }

  private var deframer: GRPCMessageDeframer
  private let maxMessageSize: Int

  /// A reader accepting messages of up to `maxMessageSize` bytes (after decompression).
  init(maxMessageSize: Int) {
    self.maxMessageSize = maxMessageSize
    deframer = GRPCMessageDeframer(maxMessageSize: maxMessageSize)
  }

  /// Reads the first header block. `decompressor` supplies the decompressor for the
  /// response's `grpc-encoding`; nil means the encoding is not supported.
  mutating func readHead(
    _ headers: HTTP2Headers, endStream: Bool,
    decompressor: (CompressionAlgorithm) -> (any MessageDecompressor)?
  ) -> Result<Head, RPCError> {
    if endStream {
      return .success(.trailersOnly(Self.status(headers)))
    }
    var status = GRPCStatusReader()
    var httpStatus: Int?
    var isGRPC = false
    var encoding: CompressionAlgorithm? = .identity
    var encodingName = ""
    for field in headers {
      field.name.withUnsafeBytes { name in
        field.value.withUnsafeBytes { value in
          if Self.equals(name, ":status") {
            httpStatus = Self.decimal(value)
          } else if Self.equals(name, "content-type") {
            isGRPC = Self.isGRPCContentType(value)
          } else if Self.equals(name, "grpc-encoding") {
            encodingName = String(decoding: value, as: UTF8.self)
            encoding = CompressionAlgorithm(name: value)
          } else {
            // The status reader collects the custom metadata.
            status.add(name: name, value: value)
          }
        }
      }
    }
    if httpStatus != 200 {
      let code = httpStatus.map { StatusCode(httpStatus: $0) } ?? .internal
      let described = httpStatus.map { "HTTP status \($0)" } ?? "a response without :status"
      return .failure(RPCError(code: code, message: "the server sent \(described)"))
    }
    guard isGRPC else {
      return .failure(
        RPCError(
          code: .unknown,
          message: "the server answered with content type "
            + "\(headers.firstString(name: "content-type") ?? "(none)"), not application/grpc"))
    }
    if let algorithm = encoding, algorithm != .identity, let decompressor = decompressor(algorithm) {
      deframer = GRPCMessageDeframer(maxMessageSize: maxMessageSize, decompressor: decompressor)
    } else if encoding != .identity {
      return .failure(
        RPCError(code: .internal, message: "the server used unsupported grpc-encoding \(encodingName)"))
    }
    return .success(.headers(status.metadata))
  }

  /// The next complete message in `input` (consuming bytes up to its end), or nil once
  /// `input` is used up; a partial message is kept for the next call.
  mutating func nextMessage(from input: inout UnsafeRawBufferPointer) throws(RPCError) -> [UInt8]? {
    do {
      return try deframer.next(from: &input)?.bytes
    } catch {
      throw error.rpcError
    }
  }

  /// Reads the trailers that end the response: the call's outcome.
  func readTrailers(_ headers: HTTP2Headers) -> Result<Metadata, RPCError> {
    do {
      try deframer.finish()
    } catch {
      return .failure(error.rpcError)
    }
    return Self.status(headers)
  }

  /// The error for a response that ended (DATA with END_STREAM) without trailers.
  static let missingTrailers = RPCError(
    code: .internal, message: "the server ended the response without trailers")

  /// The error for a stream the server reset before the call ended, per gRPC's mapping of
  /// HTTP/2 error codes.
  static func resetError(_ code: HTTP2ErrorCode) -> RPCError {
    switch code {
    case .noError:
      RPCError(code: .internal, message: "the server closed the stream without a status")
    case .refusedStream:
      RPCError(code: .unavailable, message: "the server refused the stream (REFUSED_STREAM)")
    default:
      RPCError(
        code: code.grpcStatusCode ?? .internal, message: "the server reset the stream (\(code))")
    }
  }

  /// The outcome a `Trailers-Only` response or trailers carry. A failure keeps the
  /// server's `grpc-retry-pushback-ms` in its metadata, for the retry policy (gRFC A6).
  private static func status(_ headers: HTTP2Headers) -> Result<Metadata, RPCError> {
    var reader = GRPCStatusReader()
    for field in headers {
      field.name.withUnsafeBytes { name in
        field.value.withUnsafeBytes { value in reader.add(name: name, value: value) }
      }
    }
    guard var error = reader.error else { return .success(reader.metadata) }
    if let pushback = headers.firstString(name: RetryPushback.metadataKey) {
      error.metadata.addUnchecked(.string(pushback), forKey: RetryPushback.metadataKey)
    }
    return .failure(error)
  }

  private static func equals(_ bytes: UnsafeRawBufferPointer, _ text: StaticString) -> Bool {
    guard bytes.count == text.utf8CodeUnitCount else { return false }
    var index = 0
    while index < bytes.count {
      guard bytes[index] == text.utf8Start[index] else { return false }
      index += 1
    }
    return true
  }

  /// A decimal number of at most 3 digits (an HTTP status); nil otherwise.
  private static func decimal(_ bytes: UnsafeRawBufferPointer) -> Int? {
    guard !bytes.isEmpty, bytes.count <= 3 else { return nil }
    var value = 0
    var index = 0
    while index < bytes.count {
      let digit = bytes[index]
      guard digit >= UInt8(ascii: "0") && digit <= UInt8(ascii: "9") else { return nil }
      value = value * 10 + Int(digit - UInt8(ascii: "0"))
      index += 1
    }
    return value
  }

  /// `application/grpc`, alone or followed by `+` or `;` (ASCII case ignored).
  private static func isGRPCContentType(_ value: UnsafeRawBufferPointer) -> Bool {
    let prefix: StaticString = "application/grpc"
    let count = prefix.utf8CodeUnitCount
    guard value.count >= count else { return false }
    var index = 0
    while index < count {
      let byte = value[index]
      let lowered = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
      guard lowered == prefix.utf8Start[index] else { return false }
      index += 1
    }
    guard value.count > count else { return true }
    return value[count] == UInt8(ascii: "+") || value[count] == UInt8(ascii: ";")
  }
}
