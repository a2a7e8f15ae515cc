import SluiceRuntime

/// Handlers, routers and fake compression for the protocol tests.
enum ProtocolFixtures {
  static func method(
    _ name: String, kind: RPCKind, idempotency: IdempotencyLevel = .unknown
  ) -> MethodDescriptor {
    MethodDescriptor(
      service: "test.v1.Svc", method: name, kind: kind, inputType: "test.v1.Req",
      outputType: "test.v1.Res", idempotencyLevel: idempotency)
  }

  static func handler(_ method: MethodDescriptor) -> RPCHandler {
    switch method.kind {
    case .unary:
      RPCHandler(method: method, body: .unary { request, _, _ in request })
    case .clientStreaming:
      RPCHandler(method: method, body: .clientStreaming { _, _, _ in [] })
    case .serverStreaming:
      RPCHandler(method: method, body: .serverStreaming { _, _, _, _ in })
    case .bidirectionalStreaming:
      RPCHandler(method: method, body: .bidirectionalStreaming { _, _, _, _ in })
    }
  }

  /// `/test.v1.Svc/Unary`, `/Get` (unary, no side effects), `/ClientStream`,
  /// `/ServerStream`, `/Bidi`.
  static let router: RPCRouter = {
    var router = RPCRouter()
    for method in [
      method("Unary", kind: .unary), method("Get", kind: .unary, idempotency: .noSideEffects),
      method("ClientStream", kind: .clientStreaming),
      method("ServerStream", kind: .serverStreaming),
      method("Bidi", kind: .bidirectionalStreaming),
    ] {
      try! router.register(handler(method))
    }
    return router
  }()

  /// Classifies a request given as name–value pairs.
  static func classify(
    _ headers: [(String, String)], options: ServerProtocolOptions = ServerProtocolOptions()
  ) -> RequestClassification {
    var parser = RequestHeadParser(router: router, options: options)
    for (name, value) in headers { parser.add(name: name, value: value) }
    return parser.classify()
  }

  /// A valid gRPC request to `path`, with `extra` fields appended and fields named in
  /// `removing` left out.
  static func grpcHeaders(
    path: String = "/test.v1.Svc/Unary", extra: [(String, String)] = [], removing: Set<String> = []
  ) -> [(String, String)] {
    let base: [(String, String)] = [
      (":method", "POST"), (":scheme", "http"), (":path", path), (":authority", "localhost"),
      ("content-type", "application/grpc"), ("te", "trailers"),
    ]
    return base.filter { !removing.contains($0.0) } + extra
  }

  /// A valid Connect unary POST to `path`.
  static func connectHeaders(
    path: String = "/test.v1.Svc/Unary", contentType: String = "application/json",
    extra: [(String, String)] = []
  ) -> [(String, String)] {
    [(":method", "POST"), (":scheme", "http"), (":path", path), ("content-type", contentType)]
      + extra
  }

  static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }
}

extension RequestClassification {
  var accepted: RPCRequest? {
    if case .accepted(let request) = self { return request }
    return nil
  }

  var rejected: RejectedRequest? {
    if case .rejected(let rejection) = self { return rejection }
    return nil
  }
}

/// "Compresses" by reversing the bytes and prefixing `Z`: easy to check, and a payload
/// that does not start with `Z` is "corrupt".
struct ReversingCompressor: MessageCompressor, MessageDecompressor {
  func compress(_ input: UnsafeRawBufferPointer, appendingTo output: inout [UInt8])
    throws(MessageFramingError)
  {
    output.append(UInt8(ascii: "Z"))
    output.append(contentsOf: input.reversed())
  }

  func decompress(_ input: UnsafeRawBufferPointer, limit: Int) throws(MessageFramingError)
    -> [UInt8]
  {
    guard input.first == UInt8(ascii: "Z") else { throw .decompressionFailed("no Z") }
    let output = Array(input.dropFirst().reversed())
    guard output.count <= limit else { throw .messageTooLarge(size: output.count, limit: limit) }
    return output
  }
}

/// Expands every input byte into `factor` copies, ignoring the limit (a careless
/// decompressor): the deframer must still enforce it.
struct ExpandingDecompressor: MessageDecompressor {
  var factor: Int

  func decompress(_ input: UnsafeRawBufferPointer, limit: Int) throws(MessageFramingError)
    -> [UInt8]
  {
    input.flatMap { [UInt8](repeating: $0, count: factor) }
  }
}

/// A compressor that always fails.
struct FailingCompressor: MessageCompressor {
  func compress(_ input: UnsafeRawBufferPointer, appendingTo output: inout [UInt8])
    throws(MessageFramingError)
  {
    output.append(0xEE)
    throw .compressionFailed("broken")
  }
}

extension HeaderBlock {
  /// The fields as `name: value` lines, for readable comparisons.
  var lines: [String] { map { "\($0.name): \($0.value)" } }
}
