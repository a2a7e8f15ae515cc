import SluiceGenerated
import SluiceIngest
import Testing

@Suite("EventValidator")
struct EventValidatorTests {
  let now: Int64 = 1_800_000_000
  let validator = EventValidator(limits: IngestLimits())

  /// A minimal valid event.
  func event(_ edit: (inout Sluice_V1_Event) -> Void = { _ in }) -> Sluice_V1_Event {
    var event = Sluice_V1_Event()
    event.stream = "orders"
    event.id = "e-1"
    event.source = "/shop/checkout"
    event.type = "com.example.order.created"
    edit(&event)
    return event
  }

  func attribute(_ value: Sluice_V1_AttributeValue.OneOf_Attr) -> Sluice_V1_AttributeValue {
    var attribute = Sluice_V1_AttributeValue()
    attribute.attr = value
    return attribute
  }

  func fields(_ event: Sluice_V1_Event, validator: EventValidator? = nil) -> [String] {
    (validator ?? self.validator).violations(of: event, now: now).map(\.field)
  }

  @Test func minimalEventIsValid() {
    #expect(fields(event()).isEmpty)
  }

  @Test func everyMissingRequiredAttributeIsReportedAtOnce() {
    let violations = validator.violations(of: Sluice_V1_Event(), now: now)
    #expect(violations.map(\.field) == ["stream", "id", "source", "type"])
    #expect(violations.allSatisfy { $0.description_ == "required" })
  }

  @Test func streamNamesAreRestricted() {
    #expect(fields(event { $0.stream = "a b" }) == ["stream"])
    #expect(fields(event { $0.stream = "orders/eu" }) == ["stream"])
    #expect(fields(event { $0.stream = String(repeating: "s", count: 129) }) == ["stream"])
    #expect(fields(event { $0.stream = "Orders.v2_eu-1" }).isEmpty)
  }

  @Test func declaredStreamsRejectOthers() {
    let strict = EventValidator(limits: IngestLimits(declaredStreams: ["orders"]))
    #expect(fields(event(), validator: strict).isEmpty)
    let violations = strict.violations(of: event { $0.stream = "payments" }, now: now)
    #expect(violations.map(\.field) == ["stream"])
    #expect(violations.first?.description_.contains("unknown stream") == true)
  }

  @Test func lengthsAndControlCharacters() {
    #expect(fields(event { $0.id = String(repeating: "x", count: 257) }) == ["id"])
    #expect(fields(event { $0.id = String(repeating: "x", count: 256) }).isEmpty)
    #expect(fields(event { $0.type = "a\nb" }) == ["type"])
    #expect(fields(event { $0.subject = String(repeating: "s", count: 1_025) }) == ["subject"])
    #expect(fields(event { $0.partitionKey = "k\u{7F}" }) == ["partition_key"])
  }

  @Test func timeMustBeValidAndNotFarAhead() {
    #expect(fields(event { $0.time = .init(seconds: now, nanos: 1_000_000_000) }) == ["time"])
    #expect(fields(event { $0.time = .init(seconds: 253_402_300_800) }) == ["time"])
    #expect(fields(event { $0.time = .init(seconds: now + 86_401) }) == ["time"])
    #expect(fields(event { $0.time = .init(seconds: now + 86_400) }).isEmpty)
    #expect(fields(event { $0.time = .init(seconds: 0) }).isEmpty)
  }

  @Test func extensionNamesFollowCloudEvents() {
    func with(_ name: String) -> Sluice_V1_Event {
      event { $0.extensions[name] = attribute(.ceString("v")) }
    }
    #expect(fields(with("traceparent")).isEmpty)
    #expect(fields(with("Trace")) == ["extensions.Trace"])
    #expect(fields(with("trace_id")) == ["extensions.trace_id"])
    #expect(fields(with(String(repeating: "a", count: 21))).count == 1)
    #expect(fields(with("subject")) == ["extensions.subject"])
    #expect(fields(event { $0.extensions["empty"] = Sluice_V1_AttributeValue() })
      == ["extensions.empty"])
  }

  @Test func dataSizeIsLimited() {
    let small = EventValidator(limits: IngestLimits(maxDataBytes: 4))
    #expect(fields(event { $0.data = .binaryData([1, 2, 3, 4]) }, validator: small).isEmpty)
    #expect(fields(event { $0.data = .binaryData([1, 2, 3, 4, 5]) }, validator: small) == ["data"])
    #expect(fields(event { $0.data = .textData("héllo") }, validator: small) == ["data"])
    let json = Google_Protobuf_Value(kind: .stringValue("abc"))  // "abc" is 5 bytes of JSON
    #expect(fields(event { $0.data = .jsonData(json) }, validator: small) == ["data"])
    let nan = Google_Protobuf_Value(kind: .numberValue(.nan))
    #expect(fields(event { $0.data = .jsonData(nan) }) == ["json_data"])
  }

  @Test func wholeEventSizeIsLimited() {
    let tight = EventValidator(limits: IngestLimits(maxEventBytes: 64))
    #expect(fields(event { $0.subject = String(repeating: "s", count: 100) }, validator: tight)
      == [""])
  }
}
