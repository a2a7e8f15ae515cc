import SluiceRuntime
import Testing

@Suite struct MessageFramingTests {
  /// Frames `messages` with gRPC's prefix.
  static func framed(_ messages: [[UInt8]], flags: UInt8 = 0) throws -> [UInt8] {
    var buffer: [UInt8] = []
    for message in messages { try MessageFramer.append(message, flags: flags, to: &buffer) }
    return buffer
  }

  /// Feeds `chunks` to a deframer, then ends the stream.
  static func deframe(
    _ chunks: [ArraySlice<UInt8>], deframer: inout GRPCMessageDeframer
  ) throws(MessageFramingError) -> [DeframedMessage] {
    var messages: [DeframedMessage] = []
    for chunk in chunks {
      let result: Result<Void, MessageFramingError> = Array(chunk).withUnsafeBytes { raw in
        var input = raw
        do throws(MessageFramingError) {
          while let message = try deframer.next(from: &input) { messages.append(message) }
          #expect(input.isEmpty)
          return .success(())
        } catch {
          return .failure(error)
        }
      }
      try result.get()
    }
    try deframer.finish()
    return messages
  }

  static let sample: [[UInt8]] = [
    Array("hello".utf8), [], Array(repeating: 0xAB, count: 300), [0x00], Array("end".utf8),
  ]

  @Test func framerWritesPrefixAndPayload() throws {
    var buffer: [UInt8] = [0xFF]
    try MessageFramer.append([1, 2, 3], to: &buffer)
    try MessageFramer.append([], flags: 1, to: &buffer)
    #expect(buffer == [0xFF, 0, 0, 0, 0, 3, 1, 2, 3, 1, 0, 0, 0, 0])
    var large: [UInt8] = []
    try MessageFramer.append([UInt8](repeating: 7, count: 0x1_0203), to: &large)
    #expect(Array(large.prefix(5)) == [0, 0, 1, 2, 3])
    var prefix = [UInt8](repeating: 0, count: 5)
    prefix.withUnsafeMutableBytes {
      MessageFramer.writePrefix(flags: 2, length: 0x0A0B_0C0D, to: $0.baseAddress!)
    }
    #expect(prefix == [2, 0x0A, 0x0B, 0x0C, 0x0D])
  }

  @Test func beginAndEndMessageFillTheReservedPrefix() throws {
    var buffer: [UInt8] = [9]
    let start = MessageFramer.beginMessage(in: &buffer)
    buffer.append(contentsOf: [4, 5])
    try MessageFramer.endMessage(in: &buffer, startingAt: start, flags: 0)
    #expect(buffer == [9, 0, 0, 0, 0, 2, 4, 5])
  }

  @Test func compressingFramerSetsTheFlagAndRoundTrips() throws {
    var buffer: [UInt8] = []
    try [UInt8]([1, 2, 3]).withUnsafeBytes {
      try MessageFramer.append($0, compressor: ReversingCompressor(), to: &buffer)
    }
    #expect(buffer == [1, 0, 0, 0, 4, UInt8(ascii: "Z"), 3, 2, 1])
    var deframer = GRPCMessageDeframer(decompressor: ReversingCompressor())
    let messages = try Self.deframe([buffer[...]], deframer: &deframer)
    #expect(messages == [DeframedMessage(flags: 1, bytes: [1, 2, 3])])
    #expect(messages[0].wasCompressed)
  }

  @Test func failingCompressorLeavesTheBufferUntouched() {
    var buffer: [UInt8] = [7]
    #expect(throws: MessageFramingError.compressionFailed("broken")) {
      try [UInt8]([1]).withUnsafeBytes {
        try MessageFramer.append($0, compressor: FailingCompressor(), to: &buffer)
      }
    }
    #expect(buffer == [7])
  }

  @Test func everySplitPointYieldsTheSameMessages() throws {
    let stream = try Self.framed(Self.sample)
    let expected = Self.sample.map { DeframedMessage(flags: 0, bytes: $0) }
    for split in 0...stream.count {
      var deframer = GRPCMessageDeframer()
      let messages = try Self.deframe([stream[..<split], stream[split...]], deframer: &deframer)
      #expect(messages == expected, "split at \(split)")
    }
    for first in stride(from: 0, through: 20, by: 1) {
      for second in first...min(first + 320, stream.count) where second % 7 == 0 || second == first
      {
        var deframer = GRPCMessageDeframer()
        let chunks = [stream[..<first], stream[first..<second], stream[second...]]
        #expect(try Self.deframe(chunks, deframer: &deframer) == expected)
      }
    }
  }

  @Test func byteByByteAndWholeStreamAgree() throws {
    let stream = try Self.framed(Self.sample)
    var byByte = GRPCMessageDeframer()
    let bytes = try Self.deframe(stream.indices.map { stream[$0...$0] }, deframer: &byByte)
    var whole = GRPCMessageDeframer()
    #expect(try Self.deframe([stream[...]], deframer: &whole) == bytes)
    #expect(bytes.map(\.bytes) == Self.sample)
  }

  @Test func sizeLimitIsExactAndCheckedBeforeTheBody() throws {
    var atLimit = GRPCMessageDeframer(maxMessageSize: 4)
    #expect(
      try Self.deframe([try Self.framed([[1, 2, 3, 4]])[...]], deframer: &atLimit).count == 1)

    // Only the prefix of a 5-byte message: rejected before any body byte arrives.
    var deframer = GRPCMessageDeframer(maxMessageSize: 4)
    let prefix: [UInt8] = [0, 0, 0, 0, 5]
    #expect(throws: MessageFramingError.messageTooLarge(size: 5, limit: 4)) {
      try Self.deframe([prefix[...]], deframer: &deframer)
    }
    var huge = GRPCMessageDeframer()
    let hugePrefix: [UInt8] = [0, 0xFF, 0xFF, 0xFF, 0xFF]
    #expect(throws: MessageFramingError.messageTooLarge(size: 0xFFFF_FFFF, limit: 4 << 20)) {
      try Self.deframe([hugePrefix[..<3], hugePrefix[3...]], deframer: &huge)
    }
    #expect(MessageFramingError.messageTooLarge(size: 5, limit: 4).code == .resourceExhausted)
  }

  @Test func sizeLimitAppliesToDecompressedMessages() throws {
    var buffer: [UInt8] = []
    try MessageFramer.append([1, 2, 3], flags: 1, to: &buffer)
    var deframer = GRPCMessageDeframer(
      maxMessageSize: 10, decompressor: ExpandingDecompressor(factor: 4))
    #expect(throws: MessageFramingError.messageTooLarge(size: 12, limit: 10)) {
      try Self.deframe([buffer[...]], deframer: &deframer)
    }
    var fits = GRPCMessageDeframer(
      maxMessageSize: 12, decompressor: ExpandingDecompressor(factor: 4))
    #expect(try Self.deframe([buffer[...]], deframer: &fits)[0].bytes.count == 12)
  }

  @Test func truncatedStreamsFailAtTheEnd() throws {
    let stream = try Self.framed([[1, 2, 3]])
    for cut in 1..<stream.count {
      var deframer = GRPCMessageDeframer()
      let expected: MessageFramingError =
        cut < 5
        ? .truncatedMessage(received: cut, expected: 5)
        : .truncatedMessage(received: cut, expected: 8)
      #expect(throws: expected) { try Self.deframe([stream[..<cut]], deframer: &deframer) }
      #expect(expected.code == .internal)
    }
    var empty = GRPCMessageDeframer()
    #expect(try Self.deframe([], deframer: &empty).isEmpty)
  }

  @Test func partialMessageIsReported() throws {
    let stream = try Self.framed([[1, 2, 3]])
    var deframer = GRPCMessageDeframer()
    #expect(!deframer.hasPartialMessage)
    try Array(stream.prefix(6)).withUnsafeBytes { (raw) throws in
      var input = raw
      #expect(try deframer.next(from: &input) == nil)
    }
    #expect(deframer.hasPartialMessage)
  }

  @Test(arguments: [UInt8(2), 3, 0x80, 0xFF])
  func invalidGRPCFlagsAreRejected(flags: UInt8) {
    var deframer = GRPCMessageDeframer(decompressor: ReversingCompressor())
    let stream: [UInt8] = [flags, 0, 0, 0, 0]
    #expect(throws: MessageFramingError.invalidFlags(flags)) {
      try Self.deframe([stream[...]], deframer: &deframer)
    }
  }

  @Test func compressedFlagWithoutEncodingIsAnError() {
    var deframer = GRPCMessageDeframer()
    let stream: [UInt8] = [1, 0, 0, 0, 1, 9]
    #expect(throws: MessageFramingError.compressedWithoutEncoding) {
      try Self.deframe([stream[...]], deframer: &deframer)
    }
    #expect(MessageFramingError.compressedWithoutEncoding.rpcError.code == .internal)
  }

  @Test func corruptCompressedPayloadIsAnError() {
    var deframer = GRPCMessageDeframer(decompressor: ReversingCompressor())
    let stream: [UInt8] = [1, 0, 0, 0, 1, 9]
    #expect(throws: MessageFramingError.decompressionFailed("no Z")) {
      try Self.deframe([stream[...]], deframer: &deframer)
    }
  }

  @Test func emptyCompressedMessageIsNotDecompressed() throws {
    var deframer = GRPCMessageDeframer(decompressor: ReversingCompressor())
    let stream: [UInt8] = [1, 0, 0, 0, 0]
    #expect(
      try Self.deframe([stream[...]], deframer: &deframer) == [DeframedMessage(flags: 1, bytes: [])]
    )
  }

  @Test func connectDeframerHandlesEndStreamFlag() throws {
    var stream: [UInt8] = []
    try MessageFramer.append([1], to: &stream)
    try MessageFramer.append(Array("{}".utf8), flags: MessageFramer.endStreamFlag, to: &stream)
    for split in 0...stream.count {
      var client = ConnectEnvelopeDeframer(allowsEndStream: true)
      var messages: [DeframedMessage] = []
      for chunk in [stream[..<split], stream[split...]] {
        try Array(chunk).withUnsafeBytes { raw in
          var input = raw
          while let message = try client.next(from: &input) { messages.append(message) }
        }
      }
      try client.finish()
      #expect(messages.map(\.isEndStream) == [false, true])
      #expect(messages.last?.bytes == Array("{}".utf8))
    }
    var server = ConnectEnvelopeDeframer(allowsEndStream: false)
    #expect(throws: MessageFramingError.invalidFlags(2)) {
      try stream.withUnsafeBytes { raw in
        var input = raw
        while try server.next(from: &input) != nil {}
      }
    }
    var reserved = ConnectEnvelopeDeframer(allowsEndStream: true)
    #expect(throws: MessageFramingError.invalidFlags(0x04)) {
      try [UInt8]([4, 0, 0, 0, 0]).withUnsafeBytes { raw in
        var input = raw
        _ = try reserved.next(from: &input)
      }
    }
  }

  @Test func connectDeframerDecompressesAndTruncates() throws {
    var stream: [UInt8] = []
    try [UInt8]([5, 6]).withUnsafeBytes {
      try MessageFramer.append($0, compressor: ReversingCompressor(), to: &stream)
    }
    var deframer = ConnectEnvelopeDeframer(
      maxMessageSize: 8, decompressor: ReversingCompressor(), allowsEndStream: false)
    #expect(deframer.maxMessageSize == 8)
    try stream.withUnsafeBytes { (raw) throws in
      var input = UnsafeRawBufferPointer(rebasing: raw[..<4])
      #expect(try deframer.next(from: &input) == nil)
      #expect(deframer.hasPartialMessage)
      input = UnsafeRawBufferPointer(rebasing: raw[4...])
      #expect(try deframer.next(from: &input) == DeframedMessage(flags: 1, bytes: [5, 6]))
    }
    try deframer.finish()
    var truncated = ConnectEnvelopeDeframer(allowsEndStream: false)
    try [UInt8]([0, 0, 0, 0, 2, 1]).withUnsafeBytes { (raw) throws in
      var input = raw
      #expect(try truncated.next(from: &input) == nil)
    }
    #expect(throws: MessageFramingError.truncatedMessage(received: 6, expected: 7)) {
      try truncated.finish()
    }
  }
}
