public struct Sluice_Test_Job: ProtoMessage {
  public static let protoMessageName = "sluice.test.Job"

  public var state: Sluice_Test_Job.State = .idle

  public var unknownFields = UnknownFields()

  public init() {}

  public enum State: ProtoEnum {
    case idle  // STATE_IDLE = 0
    case running  // STATE_RUNNING = 1
    /// A number the schema does not name (proto3 enums are open).
    case unrecognized(Int32)

    public static let protoEnumName = "sluice.test.Job.State"
    public static let knownCases: [Self] = [.idle, .running]

    public init() { self = .idle }

    public init(rawValue: Int32) {
      switch rawValue {
      case 0: self = .idle
      case 1: self = .running
      default: self = .unrecognized(rawValue)
      }
    }

    public var rawValue: Int32 {
      switch self {
      case .idle: 0
      case .running: 1
      case .unrecognized(let number): number
      }
    }

    public var protoName: String? {
      switch self {
      case .idle: "STATE_IDLE"
      case .running: "STATE_RUNNING"
      case .unrecognized: nil
      }
    }

    public init?(protoName: String) {
      switch protoName {
      case "STATE_IDLE": self = .idle
      case "STATE_RUNNING": self = .running
      default: return nil
      }
    }
  }
}

extension Sluice_Test_Job {
  public func serializedSize() -> Int {
    var size = 0
    if self.state.rawValue != 0 { size += 1 + ProtoSize.enumValue(self.state) }
    size += self.unknownFields.byteCount
    return size
  }

  public func encode(to writer: inout ProtoWriter) {
    if self.state.rawValue != 0 { writer.writeTag(8); writer.writeEnum(self.state) }
    writer.writeUnknownFields(self.unknownFields)
  }

  public mutating func decodeMerging(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.readTag() {
      switch tag {
      case 8: self.state = try reader.readEnum()
      default:
        switch tag >> 3 {
        case 1: throw ProtoDecodingError.wireTypeMismatch(fieldNumber: Int32(tag >> 3))
        default: try reader.skipField(tag: tag, into: &self.unknownFields)
        }
      }
    }
  }

  public func encodeJSON(to writer: inout JSONWriter) {
    writer.beginObject()
    if self.state.rawValue != 0 || writer.options.emitDefaultValues {
      writer.writeKey("state", protoName: "state")
      writer.writeEnum(self.state)
    }
    writer.endObject()
  }

  public mutating func decodeJSONMerging(from reader: inout JSONReader) throws(JSONDecodingError) {
    try reader.beginObject()
    while let key = try reader.nextKey() {
      switch key {
      case "state":
        if reader.consumeNull() {
          self.state = .idle
        } else if let e: Sluice_Test_Job.State = try reader.readEnum() {
          self.state = e
        }
      default: try reader.skipUnknownField(key)
      }
    }
  }
}
