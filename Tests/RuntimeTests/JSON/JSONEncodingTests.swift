import SluiceRuntime
import Testing

@Suite struct JSONEncodingTests {
  @Test func compactObjectInFieldOrder() throws {
    var e = Sluice_Test_Event()
    e.id = "x"
    e.count = 5
    e.tags = ["a", "b"]
    e.ids = [1, -2]
    e.labels = ["k": "v"]
    var source = Sluice_Test_Source()
    source.name = "s"
    e.source = source
    e.ratio = 0.5
    e.kind = .click
    e.payload = .text("hi")
    e.blob = [0xFB, 0xFF]
    e.kinds = [.view, .unrecognized(9)]
    e.eventTime = Google_Protobuf_Timestamp(seconds: 0)
    #expect(
      try e.jsonString()
        == #"{"id":"x","count":"5","tags":["a","b"],"ids":[1,-2],"labels":{"k":"v"},"source":{"name":"s"},"#
        + #""ratio":0.5,"kind":"KIND_CLICK","text":"hi","blob":"+/8=","kinds":["KIND_VIEW",9],"#
        + #""eventTime":"1970-01-01T00:00:00Z"}"#)
  }

  @Test func emptyMessageIsEmptyObject() throws {
    #expect(try Sluice_Test_Event().jsonString() == "{}")
  }

  @Test func optionalAndMessagePresenceIsKept() throws {
    var e = Sluice_Test_Event()
    e.ratio = 0
    e.source = Sluice_Test_Source()
    e.payload = .text("")
    #expect(try e.jsonString() == #"{"source":{},"ratio":0.0,"text":""}"#)
  }

  @Test func stringEscapes() throws {
    var s = Sluice_Test_Source()
    s.name = "\"\\/\n\r\t\u{8}\u{C}\u{1}\u{1F}\u{7F}é🎉\u{2028}"
    #expect(try s.jsonString() == "{\"name\":\"\\\"\\\\/\\n\\r\\t\\b\\f\\u0001\\u001f\u{7F}é🎉\u{2028}\"}")
  }

  @Test func everyScalarForm() throws {
    var s = Sluice_Test_Scalars()
    s.fDouble = 1e300
    s.fFloat = 1.1
    s.fInt32 = -5
    s.fInt64 = Int64.min
    s.fUint32 = UInt32.max
    s.fUint64 = UInt64.max
    s.fSint32 = -1
    s.fSint64 = 1
    s.fFixed32 = 2
    s.fFixed64 = 3
    s.fSfixed32 = -4
    s.fSfixed64 = -5
    s.fBool = true
    s.fString = "s"
    s.fBytes = Array("hello".utf8)
    s.rDouble = [.nan, .infinity, -.infinity, 1, 0.1, -0.0, .leastNonzeroMagnitude]
    s.mInt32 = [-1: "m"]
    s.mBool = [true: 7]
    s.mSource = [18_446_744_073_709_551_615: Sluice_Test_Source()]
    #expect(
      try s.jsonString()
        == #"{"fDouble":1e+300,"fFloat":1.1,"fInt32":-5,"fInt64":"-9223372036854775808","#
        + #""fUint32":4294967295,"fUint64":"18446744073709551615","fSint32":-1,"fSint64":"1","#
        + #""fFixed32":2,"fFixed64":"3","fSfixed32":-4,"fSfixed64":"-5","fBool":true,"fString":"s","#
        + #""fBytes":"aGVsbG8=","rDouble":["NaN","Infinity","-Infinity",1.0,0.1,-0.0,5e-324],"#
        + #""mInt32":{"-1":"m"},"mBool":{"true":"7"},"mSource":{"18446744073709551615":{}}}"#)
  }

  @Test func base64PaddingVariants() throws {
    for (bytes, text) in [([UInt8](), ""), ([0x66], "Zg=="), ([0x66, 0x6F], "Zm8="), ([0x66, 0x6F, 0x6F], "Zm9v")] {
      var s = Sluice_Test_Scalars()
      s.fBytes = bytes
      let json = try s.jsonString(options: .init(emitDefaultValues: true))
      #expect(json.contains(#""fBytes":"\#(text)""#))
    }
  }

  @Test func options() throws {
    var e = Sluice_Test_Event()
    e.kind = .view
    e.eventTime = Google_Protobuf_Timestamp(seconds: 1)
    #expect(try e.jsonString(options: .init(enumsAsIntegers: true)) == #"{"kind":2,"eventTime":"1970-01-01T00:00:01Z"}"#)
    #expect(try e.jsonString(options: .init(useProtoFieldNames: true)) == #"{"kind":"KIND_VIEW","event_time":"1970-01-01T00:00:01Z"}"#)
    let defaults = try Sluice_Test_Source().jsonString(options: .init(emitDefaultValues: true))
    #expect(defaults == #"{"name":"","version":0}"#)
  }

  @Test func outputParsesBack() throws {
    let e = SampleMessages.richEvent()
    let json = try e.jsonUTF8()
    #expect(try Sluice_Test_Event(jsonUTF8: json) == e)
    let s = SampleMessages.richScalars()
    let scalarsJSON = try s.jsonUTF8(options: .init(typeRegistry: SampleMessages.registry))
    #expect(try Sluice_Test_Scalars(jsonUTF8: scalarsJSON, options: .init(typeRegistry: SampleMessages.registry)) == s)
  }

  @Test func writerPlacesCommas() {
    var w = JSONWriter()
    w.beginArray()
    w.beginObject()
    w.endObject()
    w.beginArray()
    w.endArray()
    w.writeNull()
    w.beginObject()
    w.writeKey("a")
    w.beginArray()
    w.writeInt32(1)
    w.writeInt32(2)
    w.endArray()
    w.writeMapKey(Int64(-3))
    w.writeBool(false)
    w.writeMapKey(UInt32(4))
    w.writeUInt64(5)
    w.endObject()
    w.endArray()
    #expect(String(decoding: w.bytes, as: UTF8.self) == #"[{},[],null,{"a":[1,2],"-3":false,"4":"5"}]"#)
  }
}
