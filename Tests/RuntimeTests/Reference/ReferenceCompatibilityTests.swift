import SluiceRuntime
import Testing

/// Encodings produced by protobuf's reference implementation (Python protobuf 7.36.2 on
/// upb: `SerializeToString()` and `json_format.MessageToJson()` of the same messages as
/// `SampleMessages`, built from the schema in `Sluice_Test_Event.swift` and
/// `Sluice_Test_Scalars.swift`). Python orders map entries differently and spaces its
/// JSON, so the checks decode and compare messages rather than bytes.
@Suite struct ReferenceCompatibilityTests {
  static let registryOptions = JSONDecodingOptions(typeRegistry: SampleMessages.registry)

  static let eventBinary = hex(
    """
      0a186576742d31202271756f74656422205c20c3a920f09f8e891080ccbbbcdeffffffff011a01611a001a02c3bc221b
      00ffffffffffffffffff0101ffffffff0780808080f8ffffffff012a060a016b1201762a1c0a08d0bad0bbd18ed18712
      10d0b7d0bdd0b0d187d0b5d0bdd0b8d0b52a090a001205656d707479320a0a0673656e736f72100339000000000000d0
      3f40025204000102ff628002000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20212223
      2425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f404142434445464748494a4b4c4d4e4f50515253
      5455565758595a5b5c5d5e5f606162636465666768696a6b6c6d6e6f707172737475767778797a7b7c7d7e7f80818283
      8485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9fa0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3
      b4b5b6b7b8b9babbbcbdbebfc0c1c2c3c4c5c6c7c8c9cacbcccdcecfd0d1d2d3d4d5d6d7d8d9dadbdcdddedfe0e1e2e3
      e4e5e6e7e8e9eaebecedeeeff0f1f2f3f4f5f6f7f8f9fafbfcfdfeff6a0a0a06706172656e74402a720a0a0670617265
      6e74402a72007a0c0100fdffffffffffffffff0182010b0880e2cfaa0610c0a9d33a
    """)

  static let eventJSON = #"{"id": "evt-1 \"quoted\" \\ \u00e9 \ud83c\udf89", "count": "-9000000000", "tags": ["a", "", "\u00fc"], "ids": [0, -1, 1, 2147483647, -2147483648], "labels": {"": "empty", "\u043a\u043b\u044e\u0447": "\u0437\u043d\u0430\u0447\u0435\u043d\u0438\u0435", "k": "v"}, "source": {"name": "sensor", "version": 3}, "ratio": 0.25, "kind": "KIND_VIEW", "binary": "AAEC/w==", "blob": "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0+P0BBQkNERUZHSElKS0xNTk9QUVJTVFVWV1hZWltcXV5fYGFiY2RlZmdoaWprbG1ub3BxcnN0dXZ3eHl6e3x9fn+AgYKDhIWGh4iJiouMjY6PkJGSk5SVlpeYmZqbnJ2en6ChoqOkpaanqKmqq6ytrq+wsbKztLW2t7i5uru8vb6/wMHCw8TFxsfIycrLzM3Oz9DR0tPU1dbX2Nna29zd3t/g4eLj5OXm5+jp6uvs7e7v8PHy8/T19vf4+fr7/P3+/w==", "parent": {"id": "parent", "kind": 42}, "children": [{"id": "parent", "kind": 42}, {}], "kinds": ["KIND_CLICK", "KIND_UNSPECIFIED", -3], "eventTime": "2023-11-14T22:13:20.123Z"}"#

  static let scalarsBinary = hex(
    """
      0959f3f8c21f6ea50115000050c01880808080f8ffffffff01208080808080808080800128ffffffff0f30ffffffffff
      ffffffff01380d40ffffffffffffffffff014defbeadde51bebafecaefbeadde5dfbffffff61faffffffffffffff6801
      720c6c696e650a627265616b09017a02fbff8201280000000000000000000000000000e0bf000000000000f07f000000
      000000f0ff9c7500883ce4377e8a010c0102feffffffffffffffff0192011208ffffffffffffffffff0112056d696e75
      7392010908071205736576656e920108080012047a65726f9a0104080110019a010d080010ffffffffffffffffff01a2
      01360a26747970652e676f6f676c65617069732e636f6d2f736c756963652e746573742e536f75726365120c0a0a696e
      7369646520616e79aa012e322c0a0208000a091100000000000004400a031a01730a0220000a122a100a0e0a016b1209
      11000000000000f03fb20100ba010c010000000200000003000000c2010408001200c2011908ffffffffffffffffff01
      120c0a0a696e7369646520616e79ca011608ffffffffffffffffff011080b6ca91feffffffff01d2010e0a0c0a066e65
      7374656412023200da010a0a05612e625f630a0164e20103010001
    """)

  static let scalarsJSON = #"{"fDouble": 1e-300, "fFloat": -3.25, "fInt32": -2147483648, "fInt64": "-9223372036854775808", "fUint32": 4294967295, "fUint64": "18446744073709551615", "fSint32": -7, "fSint64": "-9223372036854775808", "fFixed32": 3735928559, "fFixed64": "16045690984503098046", "fSfixed32": -5, "fSfixed64": "-6", "fBool": true, "fString": "line\nbreak\t\u0001", "fBytes": "+/8=", "rDouble": [0.0, -0.5, "Infinity", "-Infinity", 1e+300], "rSint64": ["-1", "1", "9223372036854775807"], "mInt32": {"0": "zero", "7": "seven", "-1": "minus"}, "mBool": {"false": "-1", "true": "1"}, "any": {"@type": "type.googleapis.com/sluice.test.Source", "name": "inside any"}, "value": [null, 2.5, "s", false, {"k": 1.0}], "wrapped": 0, "rFixed32": [1, 2, 3], "mSource": {"18446744073709551615": {"name": "inside any"}, "0": {}}, "duration": "-1.500s", "struct": {"nested": []}, "mask": "a.bC,d", "rBool": [true, false, true]}"#

  @Test func referenceBinaryDecodes() throws {
    #expect(try Sluice_Test_Event(serializedBytes: Self.eventBinary) == SampleMessages.richEvent())
    #expect(try Sluice_Test_Scalars(serializedBytes: Self.scalarsBinary) == SampleMessages.richScalars())
  }

  @Test func referenceJSONDecodes() throws {
    #expect(try Sluice_Test_Event(jsonString: Self.eventJSON) == SampleMessages.richEvent())
    #expect(try Sluice_Test_Scalars(jsonString: Self.scalarsJSON, options: Self.registryOptions) == SampleMessages.richScalars())
  }

  @Test func encodedSizesMatchTheReference() {
    #expect(SampleMessages.richEvent().serializedSize() == Self.eventBinary.count)
    #expect(SampleMessages.richScalars().serializedSize() == Self.scalarsBinary.count)
  }
}
