import SluiceRuntime
import Testing

/// Randomized round trips with a fixed seed: encode → decode must give back the message.
@Suite struct RoundTripPropertyTests {
  @Test func binaryRoundTrip() throws {
    var random = RandomMessages(rng: SplitMix64(seed: 0x5EED_0001))
    for i in 0..<2000 {
      var e = random.event()
      e.unknownFields = random.unknownFields()
      let bytes = e.serializedBytes()
      #expect(bytes.count == e.serializedSize())
      let back = try Sluice_Test_Event(serializedBytes: bytes)
      #expect(back == e, "iteration \(i)")
      var s = random.scalars()
      s.unknownFields = random.unknownFields()
      let scalarsBack = try Sluice_Test_Scalars(serializedBytes: s.serializedBytes())
      #expect(scalarsBack == s, "iteration \(i)")
    }
  }

  @Test func jsonRoundTrip() throws {
    var random = RandomMessages(rng: SplitMix64(seed: 0x5EED_0002))
    let encoding = JSONEncodingOptions(typeRegistry: SampleMessages.registry)
    let decoding = JSONDecodingOptions(typeRegistry: SampleMessages.registry)
    for i in 0..<2000 {
      let e = random.event()
      let json = try e.jsonUTF8()
      let back = try Sluice_Test_Event(jsonUTF8: json)
      #expect(back == e, "iteration \(i): \(String(decoding: json, as: UTF8.self))")
      let s = random.scalars()
      let scalarsJSON = try s.jsonUTF8(options: encoding)
      let scalarsBack = try Sluice_Test_Scalars(jsonUTF8: scalarsJSON, options: decoding)
      #expect(scalarsBack == s, "iteration \(i): \(String(decoding: scalarsJSON, as: UTF8.self))")
    }
  }

  @Test func jsonOptionsRoundTrip() throws {
    var random = RandomMessages(rng: SplitMix64(seed: 0x5EED_0003))
    let encoding = JSONEncodingOptions(emitDefaultValues: true, useProtoFieldNames: true, enumsAsIntegers: true, typeRegistry: SampleMessages.registry)
    let decoding = JSONDecodingOptions(typeRegistry: SampleMessages.registry)
    for i in 0..<500 {
      let s = random.scalars()
      let json = try s.jsonUTF8(options: encoding)
      #expect(try Sluice_Test_Scalars(jsonUTF8: json, options: decoding) == s, "iteration \(i)")
      let e = random.event()
      #expect(try Sluice_Test_Event(jsonUTF8: e.jsonUTF8(options: encoding)) == e, "iteration \(i)")
    }
  }
}
