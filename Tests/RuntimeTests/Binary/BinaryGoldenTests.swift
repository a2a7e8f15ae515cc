import SluiceRuntime
import Testing

/// Encodings derived by hand from protobuf's encoding specification.
@Suite struct BinaryGoldenTests {
  @Test func varint150IsTheSpecExample() {
    var m = Sluice_Test_Source()
    m.version = 150
    #expect(m.serializedBytes() == hex("10 96 01"))
    var e = Sluice_Test_Event()
    e.count = 150
    #expect(e.serializedBytes() == hex("10 96 01"))
  }

  @Test func negativeInt32TakesTenBytes() throws {
    var m = Sluice_Test_Source()
    m.version = -1
    let bytes = m.serializedBytes()
    #expect(bytes == hex("10 ff ff ff ff ff ff ff ff ff 01"))
    #expect(try Sluice_Test_Source(serializedBytes: bytes).version == -1)
  }

  @Test func negativeEnumTakesTenBytes() {
    var e = Sluice_Test_Event()
    e.kind = .unrecognized(-2)
    #expect(e.serializedBytes() == hex("40 fe ff ff ff ff ff ff ff ff 01"))
  }

  @Test func stringField() {
    var m = Sluice_Test_Source()
    m.name = "testing"
    #expect(m.serializedBytes() == hex("0a 07 74 65 73 74 69 6e 67"))
  }

  @Test func fieldsInNumberOrder() {
    var e = Sluice_Test_Event()
    e.id = "x"
    e.count = 1
    e.tags = ["a", "b"]
    e.ids = [1, 2, 300]
    e.labels = ["k": "v"]
    e.source = Sluice_Test_Source()
    e.source?.name = "s"
    e.ratio = 1.0
    e.kind = .click
    e.payload = .text("hi")
    e.blob = [0xFF]
    e.kinds = [.click, .view]
    e.eventTime = Google_Protobuf_Timestamp(seconds: 1)
    let expected = hex(
      """
      0a 01 78  10 01  1a 01 61  1a 01 62  22 04 01 02 ac 02
      2a 06 0a 01 6b 12 01 76  32 03 0a 01 73
      39 00 00 00 00 00 00 f0 3f  40 01  4a 02 68 69  62 01 ff
      7a 02 01 02  82 01 02 08 01
      """)
    #expect(e.serializedBytes() == expected)
    #expect(e.serializedSize() == expected.count)
  }

  @Test func defaultsAreOmittedButPresenceIsKept() {
    var e = Sluice_Test_Event()
    #expect(e.serializedBytes() == [])
    e.ratio = 0
    e.source = Sluice_Test_Source()
    e.payload = .text("")
    #expect(e.serializedBytes() == hex("32 00 39 00 00 00 00 00 00 00 00 4a 00"))
  }

  @Test func mapEntriesAlwaysWriteKeyAndValue() {
    var e = Sluice_Test_Event()
    e.labels = ["": ""]
    #expect(e.serializedBytes() == hex("2a 04 0a 00 12 00"))
  }

  @Test func everyScalarEncoding() {
    var s = Sluice_Test_Scalars()
    s.fDouble = -2.5
    s.fFloat = 1.5
    s.fInt32 = -1
    s.fInt64 = -1
    s.fUint32 = UInt32.max
    s.fUint64 = UInt64.max
    s.fSint32 = -1
    s.fSint64 = -2
    s.fFixed32 = 1
    s.fFixed64 = 2
    s.fSfixed32 = -1
    s.fSfixed64 = -2
    s.fBool = true
    s.fString = "é"
    s.fBytes = [0, 1]
    let expected = hex(
      """
      09 00 00 00 00 00 00 04 c0
      15 00 00 c0 3f
      18 ff ff ff ff ff ff ff ff ff 01
      20 ff ff ff ff ff ff ff ff ff 01
      28 ff ff ff ff 0f
      30 ff ff ff ff ff ff ff ff ff 01
      38 01
      40 03
      4d 01 00 00 00
      51 02 00 00 00 00 00 00 00
      5d ff ff ff ff
      61 fe ff ff ff ff ff ff ff
      68 01
      72 02 c3 a9
      7a 02 00 01
      """)
    #expect(hexString(s.serializedBytes()) == hexString(expected))
  }

  @Test func negativeZeroDoubleIsWritten() {
    var s = Sluice_Test_Scalars()
    s.fDouble = -0.0
    #expect(s.serializedBytes() == hex("09 00 00 00 00 00 00 00 80"))
  }

  @Test func zigzagExtremes() throws {
    var s = Sluice_Test_Scalars()
    s.fSint32 = Int32.min
    s.fSint64 = Int64.max
    #expect(s.serializedBytes() == hex("38 ff ff ff ff 0f 40 fe ff ff ff ff ff ff ff ff 01"))
    let back = try Sluice_Test_Scalars(serializedBytes: s.serializedBytes())
    #expect(back == s)
  }

  @Test func packedNonVarintAndTwoByteTags() {
    var s = Sluice_Test_Scalars()
    s.rDouble = [1]
    s.rFixed32 = [1, 2]
    s.rBool = [true, false]
    #expect(
      s.serializedBytes()
        == hex("82 01 08 00 00 00 00 00 00 f0 3f  ba 01 08 01 00 00 00 02 00 00 00  e2 01 02 01 00"))
  }

  @Test func selfRecursiveMessage() throws {
    var inner = Sluice_Test_Event()
    inner.id = "p"
    var e = Sluice_Test_Event()
    e.parent = inner
    #expect(e.serializedBytes() == hex("6a 03 0a 01 70"))
    let back = try Sluice_Test_Event(serializedBytes: e.serializedBytes())
    #expect(back.parent?.id == "p")
    #expect(back == e)
  }

  @Test func sizesMatchVarintLengths() {
    #expect(ProtoSize.varint(0) == 1)
    for bits in 1...64 {
      let v: UInt64 = bits == 64 ? .max : (1 << UInt64(bits)) - 1
      #expect(ProtoSize.varint(v) == (bits + 6) / 7, "bits \(bits)")
    }
    #expect(ProtoSize.int32(-1) == 10)
    #expect(ProtoSize.sint32(-1) == 1)
    #expect(ProtoSize.tag(fieldNumber: 16) == 2)
    #expect(ProtoSize.tag(fieldNumber: 536_870_911) == 5)
  }
}
