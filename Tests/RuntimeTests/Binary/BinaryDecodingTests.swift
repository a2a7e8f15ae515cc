import SluiceRuntime
import Testing

@Suite struct BinaryDecodingTests {
  @Test func roundTripOfEveryField() throws {
    let e = SampleMessages.richEvent()
    let back = try Sluice_Test_Event(serializedBytes: e.serializedBytes())
    #expect(back == e)
    let s = SampleMessages.richScalars()
    #expect(try Sluice_Test_Scalars(serializedBytes: s.serializedBytes()) == s)
  }

  @Test func unknownFieldsArePreservedByteExactly() throws {
    // name "a", then unknown field 3 (varint 5), unknown field 100 (bytes ff) with a
    // non-canonical (overlong) tag, then unknown fixed32 and fixed64 fields.
    let input = hex("0a 01 61  18 05  a2 86 00 01 ff  25 01 02 03 04  29 01 02 03 04 05 06 07 08")
    let m = try Sluice_Test_Source(serializedBytes: input)
    #expect(m.name == "a")
    #expect(m.unknownFields.bytes == Array(input[3...]))
    #expect(m.serializedBytes() == input)
    #expect(m.serializedSize() == input.count)
  }

  @Test func unknownFieldsCanBeDiscarded() throws {
    let input = hex("0a 01 61 18 05")
    let m = try Sluice_Test_Source(serializedBytes: input, options: .init(discardUnknownFields: true))
    #expect(m.unknownFields.isEmpty)
    #expect(m.serializedBytes() == hex("0a 01 61"))
  }

  @Test func unknownFieldsTakePartInEquality() throws {
    let a = try Sluice_Test_Source(serializedBytes: hex("18 05"))
    let b = try Sluice_Test_Source(serializedBytes: hex("18 06"))
    #expect(a != b)
    #expect(a.hashValue != Sluice_Test_Source().hashValue)
  }

  @Test func lastScalarWins() throws {
    let m = try Sluice_Test_Source(serializedBytes: hex("0a 01 61 10 01 0a 01 62 10 02"))
    #expect(m.name == "b")
    #expect(m.version == 2)
  }

  @Test func embeddedMessageSeenTwiceIsMerged() throws {
    // source {name: "a"} then source {version: 7}
    let e = try Sluice_Test_Event(serializedBytes: hex("32 03 0a 01 61 32 02 10 07"))
    #expect(e.source?.name == "a")
    #expect(e.source?.version == 7)
  }

  @Test func oneofMessageSeenTwiceIsMergedAndOtherMembersReplace() throws {
    let merged = try Sluice_Test_Event(serializedBytes: hex("5a 03 0a 01 61 5a 02 10 07"))
    var expected = Sluice_Test_Source()
    expected.name = "a"
    expected.version = 7
    #expect(merged.payload == .nested(expected))
    let replaced = try Sluice_Test_Event(serializedBytes: hex("5a 03 0a 01 61 4a 01 78"))
    #expect(replaced.payload == .text("x"))
  }

  @Test func mergeSerializedBytesAppendsRepeatedAndMergesMaps() throws {
    var e = Sluice_Test_Event()
    e.tags = ["a"]
    e.labels = ["k": "1", "j": "2"]
    try e.mergeSerializedBytes(hex("1a 01 62 2a 06 0a 01 6b 12 01 33"))
    #expect(e.tags == ["a", "b"])
    #expect(e.labels == ["k": "3", "j": "2"])
  }

  @Test func packedAndUnpackedAreBothAccepted() throws {
    // ids: packed [1, 2], unpacked 3, packed [300]
    let e = try Sluice_Test_Event(serializedBytes: hex("22 02 01 02 20 03 22 02 ac 02"))
    #expect(e.ids == [1, 2, 3, 300])
    let s = try Sluice_Test_Scalars(serializedBytes: hex("81 01 00 00 00 00 00 00 f0 3f  bd 01 05 00 00 00  e0 01 01"))
    #expect(s.rDouble == [1])
    #expect(s.rFixed32 == [5])
    #expect(s.rBool == [true])
    let kinds = try Sluice_Test_Event(serializedBytes: hex("78 01 7a 02 02 07"))
    #expect(kinds.kinds == [.click, .view, .unrecognized(7)])
  }

  @Test func mapEntryMissingKeyOrValueUsesDefaults() throws {
    let e = try Sluice_Test_Event(serializedBytes: hex("2a 03 12 01 76 2a 00 2a 05 0a 01 6b 18 01"))
    #expect(e.labels == ["": "", "k": ""])
  }

  @Test func unrecognizedEnumValueIsKept() throws {
    let e = try Sluice_Test_Event(serializedBytes: hex("40 09"))
    #expect(e.kind == .unrecognized(9))
    #expect(e.serializedBytes() == hex("40 09"))
  }

  @Test func int32IsTruncatedFromSixtyFourBits() throws {
    // 2^32 + 5 as a varint decodes to 5 for int32 fields, as protoc does.
    let m = try Sluice_Test_Source(serializedBytes: hex("10 85 80 80 80 10"))
    #expect(m.version == 5)
  }

  @Test func emptyInputDecodesToDefaults() throws {
    #expect(try Sluice_Test_Event(serializedBytes: []) == Sluice_Test_Event())
    #expect(try Sluice_Test_Event(serializedBytes: UnsafeRawBufferPointer(start: nil, count: 0)) == Sluice_Test_Event())
  }

  @Test func readerOverRawBuffer() throws {
    let bytes = hex("0a 01 61")
    let m = try bytes.withUnsafeBytes { buffer in try Sluice_Test_Source(serializedBytes: buffer) }
    #expect(m.name == "a")
  }

  @Test func recursionLimit() throws {
    func chain(_ depth: Int) -> Sluice_Test_Event {
      var e = Sluice_Test_Event()
      for _ in 0..<depth {
        var outer = Sluice_Test_Event()
        outer.parent = e
        e = outer
      }
      return e
    }
    let ok = chain(100).serializedBytes()
    #expect(try Sluice_Test_Event(serializedBytes: ok) == chain(100))
    #expect(throws: ProtoDecodingError.recursionLimitExceeded) {
      try Sluice_Test_Event(serializedBytes: chain(101).serializedBytes())
    }
    #expect(throws: ProtoDecodingError.recursionLimitExceeded) {
      try Sluice_Test_Event(serializedBytes: chain(3).serializedBytes(), options: .init(recursionLimit: 2))
    }
    // Map entries count as a level too.
    #expect(throws: ProtoDecodingError.recursionLimitExceeded) {
      try Sluice_Test_Event(serializedBytes: hex("2a 00"), options: .init(recursionLimit: 0))
    }
  }

  static let malformed: [(String, String, ProtoDecodingError)] = [
    ("tag without value", "0a", .truncated),
    ("truncated varint value", "10 96", .truncated),
    ("truncated tag", "82", .truncated),
    ("length past end", "0a 05 61", .lengthOutOfRange),
    ("2 GB length on a tiny buffer", "0a ff ff ff ff 07 00 00 00 00", .lengthOutOfRange),
    ("length of 2^63", "0a 80 80 80 80 80 80 80 80 80 01", .lengthOutOfRange),
    ("11-byte varint", "10 ff ff ff ff ff ff ff ff ff ff 01", .malformedVarint),
    ("10th byte overflows", "10 ff ff ff ff ff ff ff ff ff 02", .malformedVarint),
    ("overlong length varint", "0a ff ff ff ff ff ff ff ff ff 7f", .malformedVarint),
    ("field number 0", "00", .invalidFieldNumber),
    ("field number 0, length-delimited", "02 00", .invalidFieldNumber),
    ("tag beyond 32 bits", "80 80 80 80 10 00", .invalidFieldNumber),
    ("start group", "0b", .groupsNotSupported),
    ("end group", "0c", .groupsNotSupported),
    ("wire type 6", "0e", .invalidWireType(6)),
    ("wire type 7", "0f", .invalidWireType(7)),
    ("wire type 6 on unknown field", "fe 07 00", .invalidWireType(6)),
    ("invalid UTF-8 byte", "0a 01 ff", .invalidUTF8(fieldNumber: 1)),
    ("overlong UTF-8", "0a 02 c0 80", .invalidUTF8(fieldNumber: 1)),
    ("UTF-8 surrogate", "0a 03 ed a0 80", .invalidUTF8(fieldNumber: 1)),
    ("truncated UTF-8", "1a 02 61 e2", .invalidUTF8(fieldNumber: 3)),
    ("string field as varint", "08 01", .wireTypeMismatch(fieldNumber: 1)),
    ("message field as fixed32", "35 00 00 00 00", .wireTypeMismatch(fieldNumber: 6)),
    ("double truncated", "39 00 00 00", .truncated),
    ("unknown fixed64 truncated", "f9 07 00", .truncated),
    ("unknown fixed32 truncated", "fd 07 00 00 00", .truncated),
    ("unknown length past end", "fa 07 02 00", .lengthOutOfRange),
    ("packed varint truncated", "22 02 01 ff", .truncated),
    ("packed length past end", "22 05 01", .lengthOutOfRange),
    ("nested field past its message", "32 03 0a 05 61 62 63 64 65", .lengthOutOfRange),
    ("nested message truncated tag", "32 01 80", .truncated),
    ("map entry with bad key", "2a 03 0a 01 ff", .invalidUTF8(fieldNumber: 1)),
    ("map entry with group", "2a 01 0b", .groupsNotSupported),
    ("invalid UTF-8 in nested message", "32 03 0a 01 c3", .invalidUTF8(fieldNumber: 1)),
  ]

  @Test(arguments: malformed)
  func malformedInputIsRejected(_ testCase: (String, String, ProtoDecodingError)) {
    let (name, bytes, expected) = testCase
    #expect(throws: expected, "\(name)") { try Sluice_Test_Event(serializedBytes: hex(bytes)) }
  }

  @Test func largestFieldNumberIsAccepted() throws {
    // Field 2^29 - 1 with wire type 0: the largest tag that fits 32 bits.
    let input = hex("f8 ff ff ff 0f 00")
    let m = try Sluice_Test_Source(serializedBytes: input)
    #expect(m.unknownFields.bytes == input)
  }

  @Test func malformedPackedFixedWidth() {
    #expect(throws: ProtoDecodingError.truncated) {
      try Sluice_Test_Scalars(serializedBytes: hex("ba 01 05 01 00 00 00 02"))
    }
    #expect(throws: ProtoDecodingError.truncated) {
      try Sluice_Test_Scalars(serializedBytes: hex("82 01 04 00 00 00 00"))
    }
  }

  @Test func hugePackedLengthDoesNotReserve() {
    // A packed field claiming 2^31 elements on a 12-byte input fails before allocating.
    #expect(throws: ProtoDecodingError.lengthOutOfRange) {
      try Sluice_Test_Event(serializedBytes: hex("22 80 80 80 80 08 01 02 03 04 05 06"))
    }
  }

  @Test func manySmallPackedRunsStayLinear() throws {
    // 200k runs of one element each: must finish quickly (geometric growth).
    var input: [UInt8] = []
    for _ in 0..<200_000 { input += [0x22, 0x01, 0x01] }
    let e = try Sluice_Test_Event(serializedBytes: input)
    #expect(e.ids.count == 200_000)
  }
}
