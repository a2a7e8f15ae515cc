internal import SluiceRuntime
internal import SluiceTransport

/// Writes the header block that opens a gRPC call (gRPC's HTTP/2 protocol, "Requests"):
/// the pseudo-headers, `content-type`, `te: trailers`, `user-agent`,
/// `grpc-accept-encoding`, `grpc-encoding`, `grpc-timeout` and
/// `grpc-previous-rpc-attempts` when they apply, then the caller's metadata (`-bin` values in unpadded base64, keys the protocol reserves
/// skipped).
///
/// One per connection: the fields that never change are kept as strings, so writing a
/// call's headers costs one array (reserved at its final size up front).
struct GRPCRequestHead: Sendable {
  /// `http` or `https`.
  let scheme: String
  /// The `:authority`, `host:port`.
  let authority: String
  /// `application/grpc+proto` or `application/grpc+json`.
  let contentType: String
  /// This library's `user-agent` product token.
  let userAgent: String

  /// The encodings responses may use.
  static let acceptEncoding = "identity,deflate,gzip"

  /// The header block of one call to `path`.
  /// `previousAttempts`: earlier attempts of a retried call (gRFC A6); 0 sends nothing.
  func headers(
    path: String, timeout: Duration?, compressed: Bool, previousAttempts: Int = 0, metadata: Metadata
  ) -> HTTP2Headers {
    var timeoutValue: [UInt8] = []
    if let timeout { GRPCTimeout.encode(timeout, into: &timeoutValue) }
    let userAgentValue = metadata.firstString(forKey: "user-agent").map { $0 + " " + userAgent }
    let attemptsValue = previousAttempts > 0 ? String(previousAttempts) : ""
    var headers = HTTP2Headers(
      byteCapacity: fixedSize + path.utf8.count + timeoutValue.count + metadataSize(metadata)
        + (userAgentValue?.utf8.count ?? 0)
        + (attemptsValue.isEmpty ? 0 : 34 + attemptsValue.utf8.count))
    headers.append(name: ":method", value: "POST")
    headers.append(name: ":scheme", value: scheme)
    headers.append(name: ":path", value: path)
    headers.append(name: ":authority", value: authority)
    headers.append(name: "content-type", value: contentType)
    headers.append(name: "te", value: "trailers")
    headers.append(name: "user-agent", value: userAgentValue ?? userAgent)
    headers.append(name: "grpc-accept-encoding", value: Self.acceptEncoding)
    if compressed { headers.append(name: "grpc-encoding", value: "gzip") }
    if !timeoutValue.isEmpty { headers.append(name: "grpc-timeout".utf8, value: timeoutValue) }
    if !attemptsValue.isEmpty { headers.append(name: "grpc-previous-rpc-attempts", value: attemptsValue) }
    var encoded: [UInt8] = []
    for (key, value) in metadata where !Self.isReserved(key) {
      switch value {
      case .string(let string):
        headers.append(name: key, value: string)
      case .binary(let bytes):
        encoded.removeAll(keepingCapacity: true)
        Self.appendBase64(bytes, to: &encoded)
        headers.append(name: key.utf8, value: encoded)
      }
    }
    return headers
  }

  /// Bytes of the fields every call carries, with their 8-byte length prefixes and room
  /// for `grpc-encoding` and `grpc-timeout`.
  private var fixedSize: Int {
    let names = ":method:scheme:path:authoritycontent-typeteuser-agentgrpc-accept-encoding"
    return names.utf8.count + 4 + scheme.utf8.count + authority.utf8.count
      + contentType.utf8.count + 8 + userAgent.utf8.count + Self.acceptEncoding.utf8.count
      + 10 * 8 + 17 + 12
  }

  private func metadataSize(_ metadata: Metadata) -> Int {
    var size = 0
    for (key, value) in metadata {
      switch value {
      case .string(let string): size += 8 + key.utf8.count + string.utf8.count
      case .binary(let bytes): size += 8 + key.utf8.count + (bytes.count * 4 + 2) / 3
      }
    }
    return size
  }

  /// Whether a metadata key belongs to the protocol (`grpc-*`, pseudo-headers and the
  /// HTTP fields gRPC or HTTP/2 define), so user metadata under it is not sent.
  static func isReserved(_ key: String) -> Bool {
    let utf8 = key.utf8
    guard let first = utf8.first, first != UInt8(ascii: ":") else { return true }
    if utf8.starts(with: "grpc-".utf8) { return true }
    switch key {
    case "te", "host", "content-type", "content-length", "user-agent", "connection",
      "keep-alive", "proxy-connection", "transfer-encoding", "upgrade", "trailer",
      "accept-encoding", "content-encoding":
      return true
    default:
      return false
    }
  }

  private static let base64Alphabet: [UInt8] = Array(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

  /// Appends `bytes` in standard base64 without padding (gRPC's form for `-bin` values).
  static func appendBase64(_ bytes: [UInt8], to output: inout [UInt8]) {
    output.reserveCapacity(output.count + (bytes.count * 4 + 2) / 3)
    let alphabet = base64Alphabet
    var index = 0
    while index + 3 <= bytes.count {
      let chunk = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2])
      output.append(alphabet[Int(chunk >> 18 & 0x3F)])
      output.append(alphabet[Int(chunk >> 12 & 0x3F)])
      output.append(alphabet[Int(chunk >> 6 & 0x3F)])
      output.append(alphabet[Int(chunk & 0x3F)])
      index += 3
    }
    switch bytes.count - index {
    case 1:
      let chunk = UInt32(bytes[index]) << 16
      output.append(alphabet[Int(chunk >> 18 & 0x3F)])
      output.append(alphabet[Int(chunk >> 12 & 0x3F)])
    case 2:
      let chunk = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8
      output.append(alphabet[Int(chunk >> 18 & 0x3F)])
      output.append(alphabet[Int(chunk >> 12 & 0x3F)])
      output.append(alphabet[Int(chunk >> 6 & 0x3F)])
    default:
      break
    }
  }
}
