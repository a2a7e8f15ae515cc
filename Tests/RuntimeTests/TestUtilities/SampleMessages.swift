import SluiceRuntime

/// Fully populated messages for round-trip tests.
enum SampleMessages {
  /// A registry that also knows the test messages (for `Any`).
  static let registry = ProtoTypeRegistry([Sluice_Test_Source.self, Sluice_Test_Event.self, Sluice_Test_Scalars.self])

  static func richEvent() -> Sluice_Test_Event {
    var e = Sluice_Test_Event()
    e.id = "evt-1 \"quoted\" \\ é 🎉"
    e.count = -9_000_000_000
    e.tags = ["a", "", "ü"]
    e.ids = [0, -1, 1, Int32.max, Int32.min]
    e.labels = ["k": "v", "": "empty", "ключ": "значение"]
    var source = Sluice_Test_Source()
    source.name = "sensor"
    source.version = 3
    e.source = source
    e.ratio = 0.25
    e.kind = .view
    e.payload = .binary([0, 1, 2, 255])
    e.blob = Array(0...255)
    var parent = Sluice_Test_Event()
    parent.id = "parent"
    parent.kind = .unrecognized(42)
    e.parent = parent
    e.children = [parent, Sluice_Test_Event()]
    e.kinds = [.click, .unspecified, .unrecognized(-3)]
    e.eventTime = Google_Protobuf_Timestamp(seconds: 1_700_000_000, nanos: 123_000_000)
    return e
  }

  static func richScalars() -> Sluice_Test_Scalars {
    var s = Sluice_Test_Scalars()
    s.fDouble = 1.0e-300
    s.fFloat = -3.25
    s.fInt32 = Int32.min
    s.fInt64 = Int64.min
    s.fUint32 = UInt32.max
    s.fUint64 = UInt64.max
    s.fSint32 = -7
    s.fSint64 = Int64.min
    s.fFixed32 = 0xDEAD_BEEF
    s.fFixed64 = 0xDEAD_BEEF_CAFE_BABE
    s.fSfixed32 = -5
    s.fSfixed64 = -6
    s.fBool = true
    s.fString = "line\nbreak\t\u{1}"
    s.fBytes = [0xFB, 0xFF]
    s.rDouble = [0, -0.5, .infinity, -.infinity, 1e300]
    s.rSint64 = [-1, 1, Int64.max]
    s.mInt32 = [-1: "minus", 0: "zero", 7: "seven"]
    s.mBool = [true: 1, false: -1]
    var source = Sluice_Test_Source()
    source.name = "inside any"
    s.any = Google_Protobuf_Any(packing: source)
    s.value = Google_Protobuf_Value(kind: .listValue(.init(values: [
      .init(kind: .nullValue(.nullValue)), .init(kind: .numberValue(2.5)),
      .init(kind: .stringValue("s")), .init(kind: .boolValue(false)),
      .init(kind: .structValue(.init(fields: ["k": .init(kind: .numberValue(1))]))),
    ])))
    s.wrapped = Google_Protobuf_Int32Value(0)
    s.rFixed32 = [1, 2, 3]
    s.mSource = [UInt64.max: source, 0: Sluice_Test_Source()]
    s.duration = Google_Protobuf_Duration(seconds: -1, nanos: -500_000_000)
    s.struct = Google_Protobuf_Struct(fields: ["nested": .init(kind: .listValue(.init(values: [])))])
    s.mask = Google_Protobuf_FieldMask(paths: ["a.b_c", "d"])
    s.rBool = [true, false, true]
    return s
  }
}
