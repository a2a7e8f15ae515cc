/// Reads a request's header fields one at a time, as an HTTP/2 library reports them, and
/// classifies the request: gRPC, Connect unary (POST or GET), Connect streaming, or a
/// rejection with the status each protocol prescribes.
///
/// Every field is interpreted as it arrives, so nothing but custom metadata (and a GET's
/// query) is copied: the path is looked up in the router straight from the header bytes.
///
/// ```swift
/// var parser = RequestHeadParser(router: router, options: options)
/// parser.add(name: nameBytes, value: valueBytes)   // for each header field
/// switch parser.classify() { ... }
/// ```
///
/// HTTP/1.1 servers pass the request line as `:method`, `:path` (with its query) and
/// `:scheme` fields and `host` as is; names are matched ignoring ASCII case.
public struct RequestHeadParser: HeaderFieldReader {
  let router: RPCRouter
  let options: ServerProtocolOptions

  enum Method { case missing, post, get, other(String) }
  enum Scheme { case missing, valid, invalid }
  enum ContentType {
    case missing
    case grpc(GRPCContentType)
    case connectUnary(WireCodec)
    case connectStreaming(WireCodec)
    /// An `application/grpc+...` or `application/connect+...` codec Sluice lacks.
    case unsupportedGRPC(String)
    case unsupportedConnect(String)
    case other(String)
  }
  /// A request's compression header.
  enum Encoding {
    case absent
    case supported(CompressionAlgorithm)
    case unsupported(String)
  }
  /// A header parsed into a value, or kept raw for the error message.
  enum Parsed<Value> {
    case absent
    case valid(Value)
    case invalid(String)
  }
  /// An accept list (`grpc-accept-encoding`, `accept-encoding`, ...): the algorithms it
  /// names (without `q=0`) that responses may use.
  struct AcceptList {
    var isPresent = false
    var accepted = CompressionAlgorithmSet()

    /// The algorithm responses use: gzip when accepted (the most widely implemented, and
    /// free of HTTP's raw-versus-zlib "deflate" ambiguity), else deflate. Accept lists
    /// carry no reliable preference order (gRPC's has none at all).
    var preferred: CompressionAlgorithm? {
      if accepted.contains(.gzip) { return .gzip }
      if accepted.contains(.deflate) { return .deflate }
      return nil
    }
  }

  var method = Method.missing
  var scheme = Scheme.missing
  var hasPath = false
  var handler: RPCHandler?
  /// The path, kept only when no handler serves it (for the error message).
  var unknownPath: String?
  /// The query after `?` in the path, if any.
  var query: [UInt8]?
  var contentType = ContentType.missing
  var hasTETrailers = false
  var grpcTimeout = Parsed<Duration>.absent
  var connectTimeout = Parsed<Duration>.absent
  var connectVersion = Parsed<Void>.absent
  var grpcEncoding = Encoding.absent
  var contentEncoding = Encoding.absent
  var connectContentEncoding = Encoding.absent
  var grpcAccept = AcceptList()
  var accept = AcceptList()
  var connectAccept = AcceptList()
  /// The key of the first `-bin` header whose value is not base64.
  var malformedBinaryKey: String?
  var metadata = Metadata()

  /// Creates a parser that finds handlers in `router`.
  public init(router: RPCRouter, options: ServerProtocolOptions = ServerProtocolOptions()) {
    self.router = router
    self.options = options
  }

  /// Reads one header field (pseudo-headers included).
  public mutating func add(name: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer) {
    guard let first = name.first else { return }
    if first == UInt8(ascii: ":") {
      addPseudoHeader(name: name, value: value)
      return
    }
    switch name.count {
    case 2 where ASCII.equalsIgnoringCase(name, "te"):
      ASCII.forEachListElement(value) { element in
        if ASCII.equalsIgnoringCase(element, "trailers") { hasTETrailers = true }
        return !hasTETrailers
      }
    case 4 where ASCII.equalsIgnoringCase(name, "host"):
      return
    case 10 where !options.surfaceUserAgent && ASCII.equalsIgnoringCase(name, "user-agent"):
      return
    case 12 where ASCII.equalsIgnoringCase(name, "content-type"):
      contentType = Self.contentType(value)
    case 12 where ASCII.equalsIgnoringCase(name, "grpc-timeout"):
      if case .absent = grpcTimeout {
        grpcTimeout = GRPCTimeout.parse(value).map { .valid($0) } ?? .invalid(Self.string(value))
      }
    case 13 where ASCII.equalsIgnoringCase(name, "grpc-encoding"):
      readEncoding(value, into: &grpcEncoding)
    case 15 where ASCII.equalsIgnoringCase(name, "accept-encoding"):
      readAcceptList(value, into: &accept)
    case 16 where ASCII.equalsIgnoringCase(name, "content-encoding"):
      readEncoding(value, into: &contentEncoding)
    case 18 where ASCII.equalsIgnoringCase(name, "connect-timeout-ms"):
      if case .absent = connectTimeout {
        connectTimeout =
          ConnectTimeout.parse(ASCII.trimmed(value)).map { .valid($0) }
          ?? .invalid(Self.string(value))
      }
    case 20 where ASCII.equalsIgnoringCase(name, "grpc-accept-encoding"):
      readAcceptList(value, into: &grpcAccept)
    case 23 where ASCII.equalsIgnoringCase(name, "connect-accept-encoding"):
      readAcceptList(value, into: &connectAccept)
    case 24 where ASCII.equalsIgnoringCase(name, "connect-protocol-version"):
      if case .absent = connectVersion {
        connectVersion =
          ASCII.equals(ASCII.trimmed(value), "1") ? .valid(()) : .invalid(Self.string(value))
      }
    case 24 where ASCII.equalsIgnoringCase(name, "connect-content-encoding"):
      readEncoding(value, into: &connectContentEncoding)
    default:
      guard !Self.isProtocolHeader(name) else { return }
      MetadataHeaders.add(
        name: name, value: value, to: &metadata, malformedBinaryKey: &malformedBinaryKey)
    }
  }

  private mutating func addPseudoHeader(name: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer)
  {
    if ASCII.equals(name, ":method") {
      if ASCII.equals(value, "POST") {
        method = .post
      } else if ASCII.equals(value, "GET") {
        method = .get
      } else {
        method = .other(Self.string(value))
      }
    } else if ASCII.equals(name, ":path") {
      hasPath = true
      let end = value.firstIndex(of: UInt8(ascii: "?")) ?? value.count
      let path = UnsafeRawBufferPointer(rebasing: value[..<end])
      handler = router.handler(forPath: path)
      if handler == nil { unknownPath = Self.string(path) }
      query = end < value.count ? [UInt8](value[(end + 1)...]) : nil
    } else if ASCII.equals(name, ":scheme") {
      scheme = ASCII.equals(value, "http") || ASCII.equals(value, "https") ? .valid : .invalid
    }
  }

  private func readEncoding(_ value: UnsafeRawBufferPointer, into encoding: inout Encoding) {
    guard case .absent = encoding else { return }
    if let algorithm = CompressionAlgorithm(name: value), options.supports(algorithm) {
      encoding = .supported(algorithm)
    } else {
      encoding = .unsupported(Self.string(ASCII.trimmed(value)))
    }
  }

  private func readAcceptList(_ value: UnsafeRawBufferPointer, into list: inout AcceptList) {
    list.isPresent = true
    let algorithms = options.responseAlgorithms
    ASCII.forEachListElement(value) { element in
      // Drop any `;q=...` weight; `q=0` means "not acceptable".
      var token = element
      if let semicolon = element.firstIndex(of: UInt8(ascii: ";")) {
        token = ASCII.trimmed(UnsafeRawBufferPointer(rebasing: element[..<semicolon]))
        let parameters = ASCII.trimmed(
          UnsafeRawBufferPointer(rebasing: element[(semicolon + 1)...]))
        if Self.isZeroWeight(parameters) { return true }
      }
      if let algorithm = CompressionAlgorithm(name: token), algorithms.contains(algorithm) {
        list.accepted.insert(CompressionAlgorithmSet(algorithm))
      }
      return true
    }
  }

  static func isZeroWeight(_ parameters: UnsafeRawBufferPointer) -> Bool {
    guard parameters.count >= 3, ASCII.hasPrefixIgnoringCase(parameters, "q=") else { return false }
    return UnsafeRawBufferPointer(rebasing: parameters[2...]).allSatisfy {
      $0 == UInt8(ascii: "0") || $0 == UInt8(ascii: ".")
    }
  }

  /// Content types by their media type (parameters after `;` ignored, case ignored).
  static func contentType(_ value: UnsafeRawBufferPointer) -> ContentType {
    let end = value.firstIndex(of: UInt8(ascii: ";")) ?? value.count
    let media = ASCII.trimmed(UnsafeRawBufferPointer(rebasing: value[..<end]))
    if ASCII.hasPrefixIgnoringCase(media, "application/grpc") {
      if media.count == 16 { return .grpc(.grpc) }
      if ASCII.equalsIgnoringCase(media, "application/grpc+proto") { return .grpc(.grpcProto) }
      if ASCII.equalsIgnoringCase(media, "application/grpc+json") { return .grpc(.grpcJSON) }
      if media[16] == UInt8(ascii: "+") { return .unsupportedGRPC(string(value)) }
      return .other(string(value))
    }
    if ASCII.hasPrefixIgnoringCase(media, "application/connect+") {
      if ASCII.equalsIgnoringCase(media, "application/connect+proto") {
        return .connectStreaming(.proto)
      }
      if ASCII.equalsIgnoringCase(media, "application/connect+json") {
        return .connectStreaming(.json)
      }
      return .unsupportedConnect(string(value))
    }
    if ASCII.equalsIgnoringCase(media, "application/proto") { return .connectUnary(.proto) }
    if ASCII.equalsIgnoringCase(media, "application/json") { return .connectUnary(.json) }
    return .other(string(value))
  }

  /// Headers of the transport and the protocols, which are never user metadata.
  static func isProtocolHeader(_ name: UnsafeRawBufferPointer) -> Bool {
    if ASCII.hasPrefixIgnoringCase(name, "grpc-") {
      // Reserved gRPC headers; other `grpc-*` ones (grpc-trace-bin, grpc-tags-bin,
      // grpc-previous-rpc-attempts ...) pass through to the application.
      return ASCII.equalsIgnoringCase(name, "grpc-message-type")
        || ASCII.equalsIgnoringCase(name, "grpc-status")
        || ASCII.equalsIgnoringCase(name, "grpc-message")
        || ASCII.equalsIgnoringCase(name, "grpc-status-details-bin")
    }
    return ASCII.equalsIgnoringCase(name, "content-length")
      || ASCII.equalsIgnoringCase(name, "connection")
      || ASCII.equalsIgnoringCase(name, "keep-alive")
      || ASCII.equalsIgnoringCase(name, "proxy-connection")
      || ASCII.equalsIgnoringCase(name, "transfer-encoding")
      || ASCII.equalsIgnoringCase(name, "upgrade")
      || ASCII.equalsIgnoringCase(name, "expect")
  }

  static func string(_ bytes: UnsafeRawBufferPointer) -> String {
    String(decoding: bytes, as: UTF8.self)
  }
}
