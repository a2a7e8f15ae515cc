import SluiceRuntime
import Testing

@Suite struct JSONDecodingTests {
  func scalars(_ json: String, _ options: JSONDecodingOptions = .init()) throws(JSONDecodingError) -> Sluice_Test_Scalars {
    try Sluice_Test_Scalars(jsonString: json, options: options)
  }

  func event(_ json: String, _ options: JSONDecodingOptions = .init()) throws(JSONDecodingError) -> Sluice_Test_Event {
    try Sluice_Test_Event(jsonString: json, options: options)
  }

  @Test(arguments: [
    ("1", 1), ("\"1\"", 1), ("1.0", 1), ("1e2", 100), ("\"1e2\"", 100), ("-0", 0), ("1E+1", 10),
    ("150e-1", 15), ("0.0", 0), ("-2147483648", Int32.min), ("2147483647", Int32.max),
    ("\"-2147483648\"", Int32.min), ("21474836.47e2", Int32.max), (" 7 ", 7),
  ])
  func int32Forms(_ text: String, _ expected: Int32) throws {
    #expect(try scalars(#"{"fInt32":\#(text)}"#).fInt32 == expected)
  }

  @Test(arguments: ["1.5", "\"1.5\"", "1e-1", "\"\"", "\" 1\"", "\"1 \"", "01", "+1", "1.", ".5", "0x10", "1e", "--1", "\"abc\"", "true", "-"])
  func int32RejectsNonIntegers(_ text: String) {
    #expect {
      try scalars(#"{"fInt32":\#(text)}"#)
    } throws: { error in
      switch error as? JSONDecodingError {
      case .invalidNumber, .unexpectedCharacter: return true
      default: return false
      }
    }
  }

  @Test(arguments: [
    #"{"fInt32":2147483648}"#, #"{"fInt32":-2147483649}"#, #"{"fUint32":-1}"#, #"{"fUint32":4294967296}"#,
    #"{"fInt64":"9223372036854775808"}"#, #"{"fInt64":-9223372036854775809}"#, #"{"fUint64":"18446744073709551616"}"#,
    #"{"fUint64":"-1"}"#, #"{"fInt64":1e20}"#, #"{"fInt32":1e999999999999}"#, #"{"fDouble":1e400}"#,
    #"{"fDouble":"-1e400"}"#, #"{"fFloat":3.5e38}"#, #"{"fFloat":-1e39}"#,
  ])
  func outOfRange(_ json: String) {
    #expect {
      try scalars(json)
    } throws: { error in
      if case .numberOutOfRange = error as? JSONDecodingError { return true }
      return false
    }
  }

  @Test func sixtyFourBitForms() throws {
    let s = try scalars(#"{"fInt64":"-9223372036854775808","fUint64":"18446744073709551615","fSint64":123,"fFixed64":1e3,"fSfixed64":"-1"}"#)
    #expect(s.fInt64 == Int64.min)
    #expect(s.fUint64 == UInt64.max)
    #expect(s.fSint64 == 123)
    #expect(s.fFixed64 == 1000)
    #expect(s.fSfixed64 == -1)
    #expect(try scalars(#"{"fUint32":"-0"}"#).fUint32 == 0)
  }

  @Test func floatingPointForms() throws {
    let s = try scalars(#"{"rDouble":["NaN","Infinity","-Infinity",1,"2.5",-0,1e-400,1.7976931348623157e308],"fFloat":"-Infinity"}"#)
    #expect(s.rDouble[0].isNaN)
    #expect(s.rDouble[1] == .infinity)
    #expect(s.rDouble[2] == -.infinity)
    #expect(Array(s.rDouble[3...]) == [1, 2.5, 0, 0, .greatestFiniteMagnitude])
    #expect(s.rDouble[5].sign == .minus)
    #expect(s.fFloat == -.infinity)
    #expect(try scalars(#"{"fFloat":3.4028235e38}"#).fFloat == .greatestFiniteMagnitude)
    for bad in [#""nan""#, #""inf""#, #""-NaN""#, "NaN", "Infinity", #""1.5 ""#, "1.5.5", "0x1p3"] {
      #expect(throws: JSONDecodingError.self) { try scalars(#"{"fDouble":\#(bad)}"#) }
    }
  }

  @Test func boolsAreLiteralsOnly() throws {
    #expect(try scalars(#"{"fBool":true}"#).fBool)
    #expect(try !scalars(#"{"fBool":false}"#).fBool)
    for bad in [#""true""#, "1", "tru", "True"] {
      #expect(throws: JSONDecodingError.self) { try scalars(#"{"fBool":\#(bad)}"#) }
    }
  }

  @Test func stringEscapes() throws {
    let json = #"{"name":"\"\\\/\b\f\n\r\t\u0041\u00e9\u20AC\ud83c\udf89é"}"#
    let s = try Sluice_Test_Source(jsonString: json)
    #expect(s.name == "\"\\/\u{8}\u{C}\n\r\tAé€🎉é")
  }

  @Test(arguments: [
    #"{"name":"\ud83c"}"#, #"{"name":"\udf89"}"#, #"{"name":"\ud83c\u0041"}"#, #"{"name":"\ud83cx"}"#,
    #"{"name":"\x"}"#, #"{"name":"\u12"}"#, #"{"name":"\u12g4"}"#, "{\"name\":\"a\u{1}\"}", "{\"name\":\"\t\"}",
  ])
  func badStrings(_ json: String) {
    #expect {
      try Sluice_Test_Source(jsonString: json)
    } throws: { error in
      if case .invalidString = error as? JSONDecodingError { return true }
      return false
    }
  }

  @Test func invalidUTF8InStringIsRejected() {
    for raw: [UInt8] in [[0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xE2, 0x82]] {
      let json = Array(#"{"name":""#.utf8) + raw + Array(#""}"#.utf8)
      #expect(throws: JSONDecodingError.invalidString(offset: 8)) { try Sluice_Test_Source(jsonUTF8: json) }
    }
  }

  @Test func bytesAcceptEveryBase64Variant() throws {
    for text in ["+/8=", "+/8", "-_8=", "-_8", "+/8"] {
      #expect(try scalars(#"{"fBytes":"\#(text)"}"#).fBytes == [0xFB, 0xFF])
    }
    #expect(try scalars(#"{"fBytes":"aGVsbG8"}"#).fBytes == Array("hello".utf8))
    #expect(try scalars(#"{"fBytes":"Zg="}"#).fBytes == [0x66])
    #expect(try scalars(#"{"fBytes":""}"#).fBytes == [])
    #expect(try scalars(#"{"fBytes":"\u0061GVsbG8="}"#).fBytes == Array("hello".utf8))
    for bad in ["A", "A===", "====", "Zm9v=", "Zg==Zg==", "Zm9v!", "Zm 9v", "Zg===", "Zm8=="] {
      #expect(throws: JSONDecodingError.invalidBase64(offset: 10), "\(bad)") { try scalars(#"{"fBytes":"\#(bad)"}"#) }
    }
  }

  @Test func nullMeansDefault() throws {
    var start = SampleMessages.richEvent()
    start.payload = .text("t")
    let json = #"{"id":null,"count":null,"tags":null,"ids":null,"source":null,"ratio":null,"kind":null,"text":null,"blob":null,"parent":null,"children":null,"kinds":null,"eventTime":null}"#
    var reader = Array(json.utf8)
    let merged = try reader.withUnsafeMutableBytes { buffer throws(JSONDecodingError) -> Sluice_Test_Event in
      var r = JSONReader(buffer: UnsafeRawBufferPointer(buffer))
      var e = start
      try e.decodeJSONMerging(from: &r)
      try r.finish()
      return e
    }
    var expected = Sluice_Test_Event()
    expected.labels = start.labels
    #expect(merged == expected)
  }

  @Test func valueFieldTakesNullAsValue() throws {
    let s = try scalars(#"{"value":null}"#)
    #expect(s.value == Google_Protobuf_Value(kind: .nullValue(.nullValue)))
    #expect(try s.jsonString() == #"{"value":null}"#)
  }

  @Test func enumForms() throws {
    #expect(try event(#"{"kind":"KIND_VIEW"}"#).kind == .view)
    #expect(try event(#"{"kind":2}"#).kind == .view)
    #expect(try event(#"{"kind":"2"}"#).kind == .view)
    #expect(try event(#"{"kind":99}"#).kind == .unrecognized(99))
    #expect(try event(#"{"kind":-1}"#).kind == .unrecognized(-1))
    #expect(throws: JSONDecodingError.unknownEnumValue("KIND_NOPE")) { try event(#"{"kind":"KIND_NOPE"}"#) }
    #expect(try event(#"{"kind":"KIND_NOPE"}"#, .init(ignoreUnknownFields: true)).kind == .unspecified)
    #expect(try event(#"{"kinds":["KIND_NOPE","KIND_CLICK"]}"#, .init(ignoreUnknownFields: true)).kinds == [.click])
    #expect(throws: JSONDecodingError.self) { try event(#"{"kind":1.5}"#) }
    #expect(throws: JSONDecodingError.self) { try event(#"{"kind":true}"#) }
  }

  @Test func bothFieldNamesAreAccepted() throws {
    #expect(try event(#"{"eventTime":"1970-01-01T00:00:01Z"}"#).eventTime?.seconds == 1)
    #expect(try event(#"{"event_time":"1970-01-01T00:00:01Z"}"#).eventTime?.seconds == 1)
  }

  @Test func unknownFields() throws {
    #expect(throws: JSONDecodingError.unknownField("zzz")) { try event(#"{"zzz":1}"#) }
    let ignored = try event(#"{"zzz":{"a":[1,{"b":null}],"c":"\u00e9"},"id":"x","y":[true,false,null,-1.5e3]}"#, .init(ignoreUnknownFields: true))
    #expect(ignored.id == "x")
    #expect(throws: JSONDecodingError.self) { try event(#"{"zzz":{"a":[1,}]},"id":"x"}"#, .init(ignoreUnknownFields: true)) }
  }

  @Test func duplicateKeys() throws {
    #expect(throws: JSONDecodingError.duplicateField("id")) { try event(#"{"id":"a","id":"b"}"#) }
    #expect(throws: JSONDecodingError.duplicateField("k")) { try event(#"{"labels":{"k":"a","k":"b"}}"#) }
    #expect(throws: JSONDecodingError.duplicateField("id")) { try event(#"{"id":"a","\u0069d":"b"}"#) }
    // The same key in different objects is fine.
    #expect(try event(#"{"id":"a","source":{"name":"n"},"parent":{"id":"b","source":{"name":"m"}}}"#).parent?.id == "b")
    // Many keys: no false positives, and a late duplicate is still found.
    let keys = (0..<500).map { #""k\#($0)":"v""# }.joined(separator: ",")
    #expect(try event(#"{"labels":{\#(keys)}}"#).labels.count == 500)
    #expect(throws: JSONDecodingError.duplicateField("k3")) { try event(#"{"labels":{\#(keys),"k3":"again"}}"#) }
  }

  @Test func mapKeys() throws {
    let s = try scalars(#"{"mInt32":{"1":"a","-2":"b","3e1":"c"},"mBool":{"true":"1","false":0},"mSource":{"18446744073709551615":{"name":"x"}}}"#)
    #expect(s.mInt32 == [1: "a", -2: "b", 30: "c"])
    #expect(s.mBool == [true: 1, false: 0])
    #expect(s.mSource[.max]?.name == "x")
    for bad in [#"{"mInt32":{"x":"a"}}"#, #"{"mInt32":{"1.5":"a"}}"#, #"{"mInt32":{" 1":"a"}}"#, #"{"mInt32":{"2147483648":"a"}}"#,
                #"{"mInt32":{"01":"a"}}"#, #"{"mBool":{"yes":1}}"#, #"{"mSource":{"-1":{}}}"#] {
      #expect(throws: JSONDecodingError.self, "\(bad)") { try scalars(bad) }
    }
  }

  @Test(arguments: [
    ("", JSONDecodingError.unexpectedEnd), ("   ", .unexpectedEnd), ("{", .unexpectedEnd),
    (#"{"id""#, .unexpectedEnd), (#"{"id":"a""#, .unexpectedEnd), (#"{"id":"abc"#, .unexpectedEnd),
    ("[]", .unexpectedCharacter(offset: 0)), ("null", .unexpectedCharacter(offset: 0)),
    (#"{"id":"a",}"#, .unexpectedCharacter(offset: 10)), (#"{,}"#, .unexpectedCharacter(offset: 1)),
    (#"{"id" "a"}"#, .unexpectedCharacter(offset: 6)), (#"{"id":"a" "count":1}"#, .unexpectedCharacter(offset: 10)),
    (#"{"tags":["a",]}"#, .unexpectedCharacter(offset: 13)), (#"{"tags":["a" "b"]}"#, .unexpectedCharacter(offset: 13)),
    (#"{} x"#, .trailingGarbage(offset: 3)), (#"{}{}"#, .trailingGarbage(offset: 2)),
    (#"{id:"a"}"#, .unexpectedCharacter(offset: 1)), (#"{'id':'a'}"#, .unexpectedCharacter(offset: 1)),
    (#"{"tags":[nul]}"#, .unexpectedCharacter(offset: 9)),
  ])
  func grammarErrors(_ json: String, _ expected: JSONDecodingError) {
    #expect(throws: expected, "\(json)") { try event(json) }
  }

  @Test func whitespaceIsAllowedBetweenTokens() throws {
    let e = try event(" \n\t{ \"id\" : \"a\" , \"tags\" : [ \"x\" , \"y\" ] , \"labels\" : { } }\r\n ")
    #expect(e.id == "a")
    #expect(e.tags == ["x", "y"])
  }

  @Test func recursionLimit() throws {
    func nested(_ parents: Int) -> String {
      String(repeating: #"{"parent":"#, count: parents) + "{}" + String(repeating: "}", count: parents)
    }
    // 100 objects deep is the default limit, as in protobuf's Python implementation.
    #expect(try event(nested(99)).parent != nil)
    #expect(throws: JSONDecodingError.recursionLimitExceeded) { try event(nested(100)) }
    #expect(throws: JSONDecodingError.recursionLimitExceeded) { try event(nested(10), .init(recursionLimit: 10)) }
    let deepArrays = #"{"zzz":"# + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000) + "}"
    #expect(throws: JSONDecodingError.recursionLimitExceeded) { try event(deepArrays, .init(ignoreUnknownFields: true)) }
  }
}
