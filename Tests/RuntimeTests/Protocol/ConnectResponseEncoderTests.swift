import SluiceRuntime
import Testing

/// "Compresses" to `Z` plus the first half of the input: shrinks, and is easy to check.
private struct HalvingCompressor: MessageCompressor {
  func compress(_ input: UnsafeRawBufferPointer, appendingTo output: inout [UInt8])
    throws(MessageFramingError)
  {
    output.append(UInt8(ascii: "Z"))
    output.append(contentsOf: input.prefix(input.count / 2))
  }
}

/// Hands compressed payloads back as they are, so tests see what the encoder wrote.
private struct PassThroughDecompressor: MessageDecompressor {
  func decompress(_ input: UnsafeRawBufferPointer, limit: Int) throws(MessageFramingError)
    -> [UInt8]
  {
    Array(input)
  }
}

@Suite struct ConnectResponseEncoderTests {
  typealias F = ProtocolFixtures

  static func halved(_ bytes: [UInt8]) -> [UInt8] {
    [UInt8(ascii: "Z")] + bytes.prefix(bytes.count / 2)
  }

  static func encoder(
    policy: ResponseCompressionPolicy = ResponseCompressionPolicy(),
    algorithm: CompressionAlgorithm = .gzip,
    compressor: (any MessageCompressor)? = HalvingCompressor()
  ) -> ConnectResponseEncoder {
    ConnectResponseEncoder(policy: policy, algorithm: algorithm, compressor: compressor)
  }

  static func unary(
    _ encoder: ConnectResponseEncoder, _ response: [UInt8],
    preference: ServerContext.ResponseCompression = .automatic
  ) -> (body: [UInt8], headers: [String]) {
    var block = HeaderBlock()
    let body = encoder.encodeUnary(
      response, codec: .json, preference: preference, acceptedCompression: [.gzip],
      headers: Metadata(), trailers: Metadata(), into: &block)
    return (body, block.lines)
  }

  @Test func unaryBodiesBelowTheMinimumGoOutAsTheyAre() {
    let response = [UInt8](repeating: 7, count: 1023)
    let (body, headers) = Self.unary(Self.encoder(), response)
    #expect(body == response)
    #expect(headers == [":status: 200", "content-type: application/json", "accept-encoding: gzip"])
  }

  @Test func unaryBodiesFromTheMinimumAreCompressed() {
    let response = [UInt8](repeating: 7, count: 1024)
    let (body, headers) = Self.unary(Self.encoder(), response)
    #expect(body == Self.halved(response))
    #expect(
      headers == [
        ":status: 200", "content-type: application/json", "content-encoding: gzip",
        "accept-encoding: gzip",
      ])
  }

  @Test func theHandlersPreferenceWins() {
    let small = [UInt8](repeating: 7, count: 10)
    let large = [UInt8](repeating: 7, count: 4096)
    #expect(Self.unary(Self.encoder(), small, preference: .enabled).body == Self.halved(small))
    #expect(Self.unary(Self.encoder(), large, preference: .disabled).body == large)
    // Asked for, compression is used even when it does not shrink the message.
    let growing = Self.encoder(compressor: ReversingCompressor())
    #expect(Self.unary(growing, small, preference: .enabled).body.count == small.count + 1)
  }

  @Test func messagesThatDoNotShrinkOrFailGoOutAsTheyAre() {
    let large = [UInt8](repeating: 7, count: 4096)
    let growing = Self.encoder(compressor: ReversingCompressor())
    let failing = Self.encoder(compressor: FailingCompressor())
    for encoder in [growing, failing] {
      let (body, headers) = Self.unary(encoder, large)
      #expect(body == large)
      #expect(!headers.contains { $0.hasPrefix("content-encoding") })
    }
  }

  @Test func noCompressionWithoutANegotiatedAlgorithmTheServerUses() {
    let large = [UInt8](repeating: 7, count: 4096)
    let identity = Self.encoder(algorithm: .identity)
    let noCompressor = Self.encoder(compressor: nil)
    let notInPolicy = Self.encoder(policy: ResponseCompressionPolicy(algorithms: [.deflate]))
    let disabled = Self.encoder(policy: .disabled)
    for encoder in [identity, noCompressor, notInPolicy, disabled] {
      #expect(Self.unary(encoder, large, preference: .enabled).body == large)
      #expect(!encoder.mayCompress(preference: .enabled))
    }
    #expect(identity.algorithm == .identity && noCompressor.algorithm == .identity)
  }

  @Test func streamingHeadersNameTheAlgorithmWhenMessagesMayBeCompressed() {
    func headers(_ encoder: ConnectResponseEncoder, _ preference: ServerContext.ResponseCompression)
      -> [String]
    {
      var block = HeaderBlock()
      encoder.writeStreamingHeaders(
        codec: .proto, preference: preference, acceptedCompression: [.gzip, .deflate],
        headers: Metadata(), into: &block)
      return block.lines
    }
    #expect(
      headers(Self.encoder(), .automatic) == [
        ":status: 200", "content-type: application/connect+proto",
        "connect-content-encoding: gzip", "connect-accept-encoding: gzip,deflate",
      ])
    #expect(
      headers(Self.encoder(), .disabled) == [
        ":status: 200", "content-type: application/connect+proto",
        "connect-accept-encoding: gzip,deflate",
      ])
  }

  @Test func envelopesCarryTheirOwnCompressedFlag() throws {
    let encoder = Self.encoder()
    let small = F.bytes("tiny")
    let large = [UInt8](repeating: 1, count: 2000)
    var body: [UInt8] = []
    try encoder.appendMessage(small, preference: .automatic, to: &body)
    try encoder.appendMessage(large, preference: .automatic, to: &body)
    encoder.appendEndStream(error: RPCError(code: .notFound, message: "gone"), trailers: Metadata(), to: &body)

    var deframer = ConnectEnvelopeDeframer(
      decompressor: PassThroughDecompressor(), allowsEndStream: true)
    var messages: [DeframedMessage] = []
    try body.withUnsafeBytes { raw in
      var input = raw
      while let message = try deframer.next(from: &input) { messages.append(message) }
    }
    #expect(messages.map(\.flags) == [0, 1, 2])
    #expect(messages[0].bytes == small)
    #expect(messages[1].bytes == Self.halved(large))
    let end = try #require(ConnectEndStream(jsonBytes: messages[2].bytes))
    #expect(end.error?.code == .notFound && end.error?.message == "gone")
  }
}
