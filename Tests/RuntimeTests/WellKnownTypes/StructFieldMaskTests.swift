import SluiceRuntime
import Testing

@Suite struct StructFieldMaskTests {
  @Test func fieldMaskJSON() throws {
    let m = Google_Protobuf_FieldMask(paths: ["user.display_name", "photo", "a_b.c_d_e"])
    #expect(try m.jsonString() == #""user.displayName,photo,aB.cDE""#)
    #expect(try Google_Protobuf_FieldMask(jsonString: #""user.displayName,photo,aB.cDE""#) == m)
    #expect(try Google_Protobuf_FieldMask().jsonString() == #""""#)
    #expect(try Google_Protobuf_FieldMask(jsonString: #""""#).paths == [])
  }

  @Test func fieldMaskPathsThatCannotRoundTrip() {
    for path in ["fooBar", "foo__bar", "foo_1", "foo_", "foo_.bar"] {
      #expect(throws: JSONEncodingError.invalidFieldMask(path), "\(path)") {
        try Google_Protobuf_FieldMask(paths: [path]).jsonString()
      }
    }
    #expect(throws: JSONDecodingError.invalidFieldMask(offset: 0)) { try Google_Protobuf_FieldMask(jsonString: #""foo_bar""#) }
  }

  @Test func fieldMaskBinary() throws {
    let m = Google_Protobuf_FieldMask(paths: ["a", "b"])
    #expect(m.serializedBytes() == hex("0a 01 61 0a 01 62"))
    #expect(try Google_Protobuf_FieldMask(serializedBytes: m.serializedBytes()) == m)
  }

  @Test func structRoundTrip() throws {
    let json = #"{"a":1.5,"b":[true,null,"x",{"c":{}}],"d":"e"}"#
    let s = try Google_Protobuf_Struct(jsonString: json)
    #expect(s.fields["a"] == .init(kind: .numberValue(1.5)))
    #expect(s.fields["d"] == .init(kind: .stringValue("e")))
    guard case .listValue(let list)? = s.fields["b"]?.kind else {
      Issue.record("b is not a list")
      return
    }
    #expect(list.values.count == 4)
    #expect(list.values[1] == .init(kind: .nullValue(.nullValue)))
    #expect(try Google_Protobuf_Struct(jsonUTF8: s.jsonUTF8()) == s)
    #expect(try Google_Protobuf_Struct(serializedBytes: s.serializedBytes()) == s)
  }

  @Test func valueForms() throws {
    #expect(try Google_Protobuf_Value(jsonString: "null") == .init(kind: .nullValue(.nullValue)))
    #expect(try Google_Protobuf_Value(jsonString: "-2e3") == .init(kind: .numberValue(-2000)))
    #expect(try Google_Protobuf_Value(jsonString: #""NaN""#) == .init(kind: .stringValue("NaN")))
    #expect(try Google_Protobuf_Value(jsonString: "[]") == .init(kind: .listValue(.init())))
    #expect(try Google_Protobuf_Value(jsonString: "{}") == .init(kind: .structValue(.init())))
    #expect(try Google_Protobuf_Value().jsonString() == "null")
    #expect(try Google_Protobuf_Value(kind: .numberValue(3)).jsonString() == "3.0")
    #expect(throws: JSONDecodingError.numberOutOfRange(offset: 0)) { try Google_Protobuf_Value(jsonString: "1e400") }
    #expect(throws: JSONDecodingError.unexpectedCharacter(offset: 0)) { try Google_Protobuf_Value(jsonString: "nul") }
    #expect(throws: JSONDecodingError.self) { try Google_Protobuf_Value(jsonString: "") }
    #expect(Google_Protobuf_Value.acceptsJSONNull)
    #expect(!Google_Protobuf_Struct.acceptsJSONNull)
  }

  @Test func nonFiniteNumberValueHasNoJSON() {
    for v in [Double.nan, .infinity, -.infinity] {
      let s = Google_Protobuf_Struct(fields: ["n": .init(kind: .numberValue(v))])
      #expect(throws: JSONEncodingError.nonFiniteValue) { try s.jsonString() }
    }
  }

  @Test func valueBinaryLayout() throws {
    #expect(Google_Protobuf_Value(kind: .nullValue(.nullValue)).serializedBytes() == hex("08 00"))
    #expect(Google_Protobuf_Value(kind: .boolValue(true)).serializedBytes() == hex("20 01"))
    #expect(Google_Protobuf_Value(kind: .stringValue("a")).serializedBytes() == hex("1a 01 61"))
    #expect(Google_Protobuf_Value(kind: .numberValue(1)).serializedBytes() == hex("11 00 00 00 00 00 00 f0 3f"))
    let s = Google_Protobuf_Struct(fields: ["k": .init(kind: .boolValue(true))])
    #expect(s.serializedBytes() == hex("0a 07 0a 01 6b 12 02 20 01"))
    let l = Google_Protobuf_ListValue(values: [.init(kind: .boolValue(false))])
    #expect(l.serializedBytes() == hex("0a 02 20 00"))
    #expect(try Google_Protobuf_ListValue(serializedBytes: l.serializedBytes()) == l)
  }

  @Test func emptyMessage() throws {
    #expect(try Google_Protobuf_Empty().jsonString() == "{}")
    #expect(try Google_Protobuf_Empty(jsonString: " { } ") == Google_Protobuf_Empty())
    #expect(throws: JSONDecodingError.unknownField("x")) { try Google_Protobuf_Empty(jsonString: #"{"x":1}"#) }
    #expect(try Google_Protobuf_Empty(serializedBytes: hex("08 01")).serializedBytes() == hex("08 01"))
  }

  @Test func nullValueEnum() throws {
    #expect(Google_Protobuf_NullValue(protoName: "NULL_VALUE") == .nullValue)
    #expect(Google_Protobuf_NullValue(rawValue: 3) == .unrecognized(3))
    var bytes = Array("null".utf8)
    let value = try bytes.withUnsafeMutableBytes { buffer throws(JSONDecodingError) -> Google_Protobuf_NullValue? in
      var reader = JSONReader(buffer: UnsafeRawBufferPointer(buffer))
      return try reader.readEnum()
    }
    #expect(value == .nullValue)
  }
}
