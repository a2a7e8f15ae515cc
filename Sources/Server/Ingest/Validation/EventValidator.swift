public import SluiceGenerated

/// Checks one event against CloudEvents' attribute rules and the service's limits,
/// collecting every problem rather than stopping at the first, so a producer can fix an
/// event in one round trip.
///
/// Pure: the current time is an argument. Server-set fields (`ingest_time`, `sequence`)
/// are not checked; the service overwrites them.
public struct EventValidator: Sendable {
  /// The limits applied.
  public let limits: IngestLimits

  /// Most characters of a stream name.
  public static let maxStreamLength = 128
  /// Most bytes of an id, a type, a content type or a partition key.
  public static let maxShortAttributeBytes = 256
  /// Most bytes of a source, a subject or a data schema.
  public static let maxLongAttributeBytes = 1_024
  /// Most characters of an extension attribute name (CloudEvents: 20).
  public static let maxExtensionNameLength = 20
  /// Most extension attributes on one event.
  public static let maxExtensions = 64
  /// Most bytes of one extension attribute value.
  public static let maxExtensionValueBytes = 1_024

  /// Attribute names CloudEvents reserves, which extensions may not reuse.
  static let reservedNames: Set<String> = [
    "id", "source", "specversion", "type", "datacontenttype", "dataschema", "subject",
    "time", "data", "data_base64",
  ]

  /// A validator applying `limits`.
  public init(limits: IngestLimits) {
    self.limits = limits
  }

  /// Every problem with `event`, empty when it may be stored. `now` is seconds since
  /// the Unix epoch, for the future-time check.
  public func violations(of event: Sluice_V1_Event, now: Int64) -> [Sluice_V1_FieldViolation] {
    var found = ViolationList()
    checkStream(event.stream, into: &found)
    checkRequired(event.id, field: "id", maxBytes: Self.maxShortAttributeBytes, into: &found)
    checkRequired(event.source, field: "source", maxBytes: Self.maxLongAttributeBytes, into: &found)
    checkRequired(event.type, field: "type", maxBytes: Self.maxShortAttributeBytes, into: &found)
    checkOptional(event.subject, field: "subject", maxBytes: Self.maxLongAttributeBytes, into: &found)
    checkOptional(
      event.dataContentType, field: "data_content_type", maxBytes: Self.maxShortAttributeBytes,
      into: &found)
    checkOptional(
      event.dataSchema, field: "data_schema", maxBytes: Self.maxLongAttributeBytes, into: &found)
    checkOptional(
      event.partitionKey, field: "partition_key", maxBytes: Self.maxShortAttributeBytes,
      into: &found)
    if let time = event.time {
      checkTime(time, now: now, into: &found)
    }
    checkExtensions(event.extensions, into: &found)
    checkData(event.data, into: &found)
    if found.items.isEmpty {
      let size = event.serializedSize()
      if size > limits.maxEventBytes {
        found.add("", "the event is \(size) bytes encoded; the limit is \(limits.maxEventBytes)")
      }
    }
    return found.items
  }

  private func checkStream(_ stream: String, into found: inout ViolationList) {
    guard !stream.isEmpty else {
      return found.add("stream", "required")
    }
    let utf8 = stream.utf8
    guard utf8.count <= Self.maxStreamLength else {
      return found.add("stream", "longer than \(Self.maxStreamLength) characters")
    }
    guard utf8.allSatisfy(Self.isStreamNameByte) else {
      return found.add("stream", "may hold only letters, digits, '.', '_' and '-'")
    }
    if let declared = limits.declaredStreams, !declared.contains(stream) {
      found.add("stream", "unknown stream \"\(stream)\"; this server accepts only declared streams")
    }
  }

  private static func isStreamNameByte(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"),
      UInt8(ascii: "-"):
      true
    default: false
    }
  }

  private func checkRequired(
    _ value: String, field: String, maxBytes: Int, into found: inout ViolationList
  ) {
    guard !value.isEmpty else {
      return found.add(field, "required")
    }
    checkOptional(value, field: field, maxBytes: maxBytes, into: &found)
  }

  private func checkOptional(
    _ value: String, field: String, maxBytes: Int, into found: inout ViolationList
  ) {
    let utf8 = value.utf8
    if utf8.count > maxBytes {
      found.add(field, "longer than \(maxBytes) bytes")
    } else if utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) {
      found.add(field, "contains control characters")
    }
  }

  private func checkTime(
    _ time: Google_Protobuf_Timestamp, now: Int64, into found: inout ViolationList
  ) {
    guard time.isValid else {
      return found.add(
        "time", "not a valid timestamp (years 0001 to 9999, nanos 0 to 999,999,999)")
    }
    let skew = limits.maxFutureSkew.components.seconds
    if time.seconds > now &+ skew {
      found.add("time", "more than \(skew) seconds in the future")
    }
  }

  private func checkExtensions(
    _ extensions: [String: Sluice_V1_AttributeValue], into found: inout ViolationList
  ) {
    if extensions.count > Self.maxExtensions {
      found.add("extensions", "more than \(Self.maxExtensions) extension attributes")
    }
    for name in extensions.keys.sorted() {
      let field = "extensions.\(name)"
      let utf8 = name.utf8
      if utf8.isEmpty || utf8.count > Self.maxExtensionNameLength
        || !utf8.allSatisfy({ (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) })
      {
        found.add(
          field,
          "extension names are 1 to \(Self.maxExtensionNameLength) lower-case letters or digits")
      } else if Self.reservedNames.contains(name) {
        found.add(field, "\"\(name)\" is a CloudEvents attribute, not an extension")
      }
      guard let value = extensions[name]?.attr else {
        found.add(field, "has no value")
        continue
      }
      checkExtensionValue(value, field: field, into: &found)
    }
  }

  private func checkExtensionValue(
    _ value: Sluice_V1_AttributeValue.OneOf_Attr, field: String, into found: inout ViolationList
  ) {
    switch value {
    case .ceBoolean, .ceInteger: break
    case .ceString(let text), .ceUri(let text), .ceUriRef(let text):
      checkOptional(text, field: field, maxBytes: Self.maxExtensionValueBytes, into: &found)
    case .ceBytes(let bytes):
      if bytes.count > Self.maxExtensionValueBytes {
        found.add(field, "longer than \(Self.maxExtensionValueBytes) bytes")
      }
    case .ceTimestamp(let time):
      if !time.isValid {
        found.add(field, "not a valid timestamp")
      }
    }
  }

  private func checkData(_ data: Sluice_V1_Event.OneOf_Data?, into found: inout ViolationList) {
    let size: Int
    switch data {
    case nil: return
    case .binaryData(let bytes): size = bytes.count
    case .textData(let text): size = text.utf8.count
    case .jsonData(let value):
      guard let json = try? value.jsonUTF8() else {
        return found.add("json_data", "has no JSON form (a number that is not finite?)")
      }
      size = json.count
    }
    if size > limits.maxDataBytes {
      found.add("data", "\(size) bytes; the limit is \(limits.maxDataBytes)")
    }
  }
}

/// Violations gathered while checking one event.
private struct ViolationList {
  var items: [Sluice_V1_FieldViolation] = []

  mutating func add(_ field: String, _ description: String) {
    var violation = Sluice_V1_FieldViolation()
    violation.field = field
    violation.description_ = description
    items.append(violation)
  }
}
