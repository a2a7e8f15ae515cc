import SluiceRuntime
import Testing

@Suite struct WrapperAnyTests {
  @Test func wrappersAreBareValues() throws {
    #expect(try Google_Protobuf_Int32Value(5).jsonString() == "5")
    #expect(try Google_Protobuf_UInt32Value(5).jsonString() == "5")
    #expect(try Google_Protobuf_Int64Value(-5).jsonString() == #""-5""#)
    #expect(try Google_Protobuf_UInt64Value(5).jsonString() == #""5""#)
    #expect(try Google_Protobuf_DoubleValue(.nan).jsonString() == #""NaN""#)
    #expect(try Google_Protobuf_FloatValue(0.5).jsonString() == "0.5")
    #expect(try Google_Protobuf_BoolValue(false).jsonString() == "false")
    #expect(try Google_Protobuf_StringValue("s").jsonString() == #""s""#)
    #expect(try Google_Protobuf_BytesValue([1, 2]).jsonString() == #""AQI=""#)
    #expect(try Google_Protobuf_Int64Value(jsonString: "7").value == 7)
    #expect(try Google_Protobuf_BytesValue(jsonString: #""AQI""#).value == [1, 2])
    #expect(throws: JSONDecodingError.self) { try Google_Protobuf_BoolValue(jsonString: #"{"value":true}"#) }
  }

  @Test func wrapperBinary() throws {
    #expect(Google_Protobuf_Int32Value(0).serializedBytes() == [])
    #expect(Google_Protobuf_Int32Value(150).serializedBytes() == hex("08 96 01"))
    #expect(Google_Protobuf_DoubleValue(1).serializedBytes() == hex("09 00 00 00 00 00 00 f0 3f"))
    #expect(Google_Protobuf_FloatValue(1).serializedBytes() == hex("0d 00 00 80 3f"))
    #expect(Google_Protobuf_StringValue("a").serializedBytes() == hex("0a 01 61"))
    #expect(Google_Protobuf_BytesValue([7]).serializedBytes() == hex("0a 01 07"))
    #expect(Google_Protobuf_BoolValue(true).serializedBytes() == hex("08 01"))
    #expect(try Google_Protobuf_UInt64Value(serializedBytes: hex("08 05 10 01")).unknownFields.bytes == hex("10 01"))
    #expect(throws: ProtoDecodingError.wireTypeMismatch(fieldNumber: 1)) { try Google_Protobuf_StringValue(serializedBytes: hex("08 01")) }
  }

  @Test func wrapperFieldHoldingDefaultIsPresent() throws {
    var s = Sluice_Test_Scalars()
    s.wrapped = Google_Protobuf_Int32Value(0)
    #expect(try s.jsonString() == #"{"wrapped":0}"#)
    #expect(s.serializedBytes() == hex("b2 01 00"))
    #expect(try Sluice_Test_Scalars(jsonString: #"{"wrapped":0}"#).wrapped == Google_Protobuf_Int32Value(0))
    #expect(try Sluice_Test_Scalars(jsonString: #"{"wrapped":null}"#).wrapped == nil)
  }

  @Test func packUnpack() throws {
    var source = Sluice_Test_Source()
    source.name = "x"
    let any = Google_Protobuf_Any(packing: source)
    #expect(any.typeUrl == "type.googleapis.com/sluice.test.Source")
    #expect(any.isA(Sluice_Test_Source.self))
    #expect(!any.isA(Sluice_Test_Event.self))
    #expect(try any.unpack(Sluice_Test_Source.self) == source)
    #expect(throws: ProtoDecodingError.anyTypeMismatch(typeURL: any.typeUrl)) { try any.unpack(Sluice_Test_Event.self) }
    #expect(Google_Protobuf_Any(packing: source, typePrefix: "example.com/x/").typeUrl == "example.com/x/sluice.test.Source")
    #expect(any.serializedBytes() == hex("0a 26") + Array(any.typeUrl.utf8) + hex("12 03 0a 01 78"))
  }

  @Test func anyJSONWithOrdinaryMessage() throws {
    var source = Sluice_Test_Source()
    source.name = "x"
    source.version = 2
    let any = Google_Protobuf_Any(packing: source)
    let encoding = JSONEncodingOptions(typeRegistry: SampleMessages.registry)
    let decoding = JSONDecodingOptions(typeRegistry: SampleMessages.registry)
    let json = try any.jsonString(options: encoding)
    #expect(json == #"{"@type":"type.googleapis.com/sluice.test.Source","name":"x","version":2}"#)
    #expect(try Google_Protobuf_Any(jsonString: json, options: decoding) == any)
    // "@type" may come anywhere.
    let reordered = #"{"name":"x","@type":"type.googleapis.com/sluice.test.Source","version":2}"#
    #expect(try Google_Protobuf_Any(jsonString: reordered, options: decoding) == any)
    // An empty packed message.
    let empty = Google_Protobuf_Any(packing: Sluice_Test_Source())
    #expect(try empty.jsonString(options: encoding) == #"{"@type":"type.googleapis.com/sluice.test.Source"}"#)
    #expect(try Google_Protobuf_Any(jsonString: #"{"@type":"type.googleapis.com/sluice.test.Source"}"#, options: decoding) == empty)
  }

  @Test func anyJSONWithWellKnownTypes() throws {
    let duration = Google_Protobuf_Any(packing: Google_Protobuf_Duration(seconds: 1, nanos: 500_000_000))
    let json = try duration.jsonString()
    #expect(json == #"{"@type":"type.googleapis.com/google.protobuf.Duration","value":"1.500s"}"#)
    #expect(try Google_Protobuf_Any(jsonString: json) == duration)
    let nested = Google_Protobuf_Any(packing: duration)
    let nestedJSON = try nested.jsonString()
    #expect(nestedJSON == #"{"@type":"type.googleapis.com/google.protobuf.Any","value":\#(json)}"#)
    #expect(try Google_Protobuf_Any(jsonString: nestedJSON) == nested)
    let empty = Google_Protobuf_Any(packing: Google_Protobuf_Empty())
    #expect(try empty.jsonString() == #"{"@type":"type.googleapis.com/google.protobuf.Empty"}"#)
    #expect(try Google_Protobuf_Any(jsonString: #"{"@type":"type.googleapis.com/google.protobuf.Empty"}"#) == empty)
    let value = Google_Protobuf_Any(packing: Google_Protobuf_Value(kind: .nullValue(.nullValue)))
    #expect(try value.jsonString() == #"{"@type":"type.googleapis.com/google.protobuf.Value","value":null}"#)
    #expect(try Google_Protobuf_Any(jsonString: #"{"value":null,"@type":"type.googleapis.com/google.protobuf.Value"}"#) == value)
    #expect(try Google_Protobuf_Any().jsonString() == "{}")
    #expect(try Google_Protobuf_Any(jsonString: "{}") == Google_Protobuf_Any())
  }

  @Test func anyInsideMessageField() throws {
    let s = SampleMessages.richScalars()
    let options = JSONEncodingOptions(typeRegistry: SampleMessages.registry)
    let json = try s.jsonString(options: options)
    #expect(json.contains(#""any":{"@type":"type.googleapis.com/sluice.test.Source","name":"inside any"}"#))
  }

  @Test func anyErrors() throws {
    let source = Google_Protobuf_Any(packing: Sluice_Test_Source())
    #expect(throws: JSONEncodingError.unknownAnyType(source.typeUrl)) { try source.jsonString() }
    var broken = Google_Protobuf_Any(packing: Google_Protobuf_Duration(seconds: 1))
    broken.value = [0x0A]
    #expect(throws: JSONEncodingError.invalidAny(typeURL: broken.typeUrl)) { try broken.jsonString() }
    #expect(throws: JSONDecodingError.unknownAnyType("type.googleapis.com/sluice.test.Source")) {
      try Google_Protobuf_Any(jsonString: #"{"@type":"type.googleapis.com/sluice.test.Source"}"#)
    }
    #expect(throws: JSONDecodingError.invalidAny(offset: 0)) { try Google_Protobuf_Any(jsonString: #"{"name":"x"}"#) }
    #expect(throws: JSONDecodingError.invalidAny(offset: 0)) {
      try Google_Protobuf_Any(jsonString: #"{"@type":"type.googleapis.com/google.protobuf.Duration"}"#)
    }
    #expect(throws: JSONDecodingError.unknownField("extra")) {
      try Google_Protobuf_Any(jsonString: #"{"@type":"type.googleapis.com/google.protobuf.Duration","value":"1s","extra":1}"#)
    }
    #expect(throws: JSONDecodingError.duplicateField("@type")) {
      try Google_Protobuf_Any(jsonString: #"{"@type":"a/google.protobuf.Empty","@type":"a/google.protobuf.Empty"}"#)
    }
    let options = JSONDecodingOptions(typeRegistry: SampleMessages.registry)
    #expect(throws: JSONDecodingError.unknownField("zzz")) {
      try Google_Protobuf_Any(jsonString: #"{"@type":"x/sluice.test.Source","zzz":1}"#, options: options)
    }
    // A nested message of the packed type must not accept "@type".
    #expect(throws: JSONDecodingError.unknownField("@type")) {
      try Google_Protobuf_Any(jsonString: #"{"@type":"x/sluice.test.Event","source":{"@type":"y"}}"#, options: options)
    }
  }

  @Test func registry() {
    #expect(ProtoTypeRegistry.wellKnownTypes.messageType(named: "google.protobuf.Timestamp") == Google_Protobuf_Timestamp.self)
    #expect(ProtoTypeRegistry.wellKnownTypes.messageType(named: "sluice.test.Source") == nil)
    let r = ProtoTypeRegistry.wellKnownTypes.adding([Sluice_Test_Source.self])
    #expect(r.messageType(forTypeURL: "type.googleapis.com/sluice.test.Source") == Sluice_Test_Source.self)
    #expect(r.messageType(forTypeURL: "sluice.test.Source") == Sluice_Test_Source.self)
    #expect(WellKnownTypes.messageTypes.count == 17)
  }
}

@Suite struct AnyNestingTests {
  @Test func deeplyNestedAnyFailsInsteadOfOverflowingTheStack() throws {
    var any = Google_Protobuf_Any(packing: Google_Protobuf_Empty())
    for _ in 0..<5000 { any = Google_Protobuf_Any(packing: any) }
    #expect(throws: JSONEncodingError.invalidAny(typeURL: "type.googleapis.com/google.protobuf.Any")) { try any.jsonString() }
    var shallow = Google_Protobuf_Any(packing: Google_Protobuf_Empty())
    for _ in 0..<50 { shallow = Google_Protobuf_Any(packing: shallow) }
    #expect(try Google_Protobuf_Any(jsonUTF8: shallow.jsonUTF8()) == shallow)
  }
}
