import SluiceRuntime
import Testing

/// Random and mutated input into both decoders: they may only throw their typed errors,
/// never crash or hang, and whatever they accept must encode and decode again.
@Suite struct FuzzTests {
  static let jsonAlphabet: [UInt8] = Array(#"{}[]":,0123456789-+.eEtrufalsn\ u"#.utf8) + [0xC3, 0xA9, 0xFF, 0x0A, 0x01]
  static let jsonKeys = [#""id""#, #""parent""#, #""labels""#, #""fInt32""#, #""any""#, #""@type""#, #""value""#, #""struct""#, #""mask""#]

  func checkBinary(_ input: [UInt8]) {
    if let e = try? Sluice_Test_Event(serializedBytes: input) {
      let again = try? Sluice_Test_Event(serializedBytes: e.serializedBytes())
      #expect(again?.serializedSize() == e.serializedSize())
    }
    if let s = try? Sluice_Test_Scalars(serializedBytes: input) {
      let again = try? Sluice_Test_Scalars(serializedBytes: s.serializedBytes())
      #expect(again?.serializedSize() == s.serializedSize())
    }
  }

  func checkJSON(_ input: [UInt8]) {
    let options = JSONDecodingOptions(typeRegistry: SampleMessages.registry)
    if let e = try? Sluice_Test_Event(jsonUTF8: input, options: options), let json = try? e.jsonUTF8() {
      #expect((try? Sluice_Test_Event(jsonUTF8: json)) != nil)
    }
    if let s = try? Sluice_Test_Scalars(jsonUTF8: input, options: options),
      let json = try? s.jsonUTF8(options: .init(typeRegistry: SampleMessages.registry))
    {
      #expect((try? Sluice_Test_Scalars(jsonUTF8: json, options: options)) != nil)
    }
    _ = try? Sluice_Test_Event(jsonUTF8: input, options: .init(ignoreUnknownFields: true))
    _ = try? Google_Protobuf_Value(jsonUTF8: input)
    _ = try? Google_Protobuf_Any(jsonUTF8: input, options: options)
  }

  static func mutate(_ input: [UInt8], using rng: inout SplitMix64, alphabet: [UInt8]? = nil) -> [UInt8] {
    var bytes = input
    for _ in 0..<Int.random(in: 1...4, using: &rng) {
      let byte = alphabet?.randomElement(using: &rng) ?? UInt8.random(in: 0...255, using: &rng)
      switch Int.random(in: 0...4, using: &rng) {
      case 0 where !bytes.isEmpty: bytes[Int.random(in: 0..<bytes.count, using: &rng)] = byte
      case 1 where !bytes.isEmpty: bytes.removeLast(Int.random(in: 0...bytes.count, using: &rng))
      case 2: bytes.insert(byte, at: Int.random(in: 0...bytes.count, using: &rng))
      case 3 where !bytes.isEmpty: bytes.remove(at: Int.random(in: 0..<bytes.count, using: &rng))
      default:
        if bytes.count > 2 {
          let a = Int.random(in: 0..<bytes.count, using: &rng)
          let b = Int.random(in: a..<bytes.count, using: &rng)
          bytes.insert(contentsOf: bytes[a..<b], at: Int.random(in: 0...bytes.count, using: &rng))
        }
      }
    }
    return bytes
  }

  @Test func randomBytesIntoBothDecoders() {
    var rng = SplitMix64(seed: 0xF0CC_0001)
    let start = ContinuousClock.now
    for _ in 0..<20_000 {
      let input = (0..<Int.random(in: 0...48, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
      checkBinary(input)
      checkJSON(input)
    }
    #expect(ContinuousClock.now - start < .seconds(120))
  }

  @Test func mutatedBinaryEncodings() {
    var rng = SplitMix64(seed: 0xF0CC_0002)
    var random = RandomMessages(rng: SplitMix64(seed: 0xF0CC_0003))
    let seeds = [SampleMessages.richEvent().serializedBytes(), SampleMessages.richScalars().serializedBytes()]
      + (0..<20).map { _ in random.event().serializedBytes() } + (0..<20).map { _ in random.scalars().serializedBytes() }
    for _ in 0..<20_000 {
      checkBinary(Self.mutate(seeds.randomElement(using: &rng)!, using: &rng))
    }
  }

  @Test func mutatedAndRandomJSON() throws {
    var rng = SplitMix64(seed: 0xF0CC_0004)
    var random = RandomMessages(rng: SplitMix64(seed: 0xF0CC_0005))
    let options = JSONEncodingOptions(typeRegistry: SampleMessages.registry)
    var seeds = [try SampleMessages.richEvent().jsonUTF8(), try SampleMessages.richScalars().jsonUTF8(options: options)]
    for _ in 0..<20 {
      seeds.append(try random.event().jsonUTF8())
      seeds.append(try random.scalars().jsonUTF8(options: options))
    }
    for _ in 0..<10_000 {
      checkJSON(Self.mutate(seeds.randomElement(using: &rng)!, using: &rng, alphabet: Self.jsonAlphabet))
    }
    for _ in 0..<10_000 {
      var text = Array("{".utf8)
      for _ in 0..<Int.random(in: 0...30, using: &rng) {
        if Int.random(in: 0...3, using: &rng) == 0 {
          text += Array(Self.jsonKeys.randomElement(using: &rng)!.utf8)
        } else {
          text.append(Self.jsonAlphabet.randomElement(using: &rng)!)
        }
      }
      checkJSON(text)
    }
  }
}
