/// How dark it is.
public enum Sluice_Test_Shade: ProtoEnum {
  /// No shade.
  case unspecified  // SHADE_UNSPECIFIED = 0
  /// Very dark.
  case dark  // SHADE_DARK = 1
  /// A number the schema does not name (proto3 enums are open).
  case unrecognized(Int32)

  public static let protoEnumName = "sluice.test.Shade"
  public static let knownCases: [Self] = [.unspecified, .dark]

  public init() { self = .unspecified }

  public init(rawValue: Int32) {
    switch rawValue {
    case 0: self = .unspecified
    case 1: self = .dark
    default: self = .unrecognized(rawValue)
    }
  }

  public var rawValue: Int32 {
    switch self {
    case .unspecified: 0
    case .dark: 1
    case .unrecognized(let number): number
    }
  }

  public var protoName: String? {
    switch self {
    case .unspecified: "SHADE_UNSPECIFIED"
    case .dark: "SHADE_DARK"
    case .unrecognized: nil
    }
  }

  public init?(protoName: String) {
    switch protoName {
    case "SHADE_UNSPECIFIED": self = .unspecified
    case "SHADE_DARK": self = .dark
    default: return nil
    }
  }
}

/// A message.
/// Second line without a space.
public struct Sluice_Test_Commented: ProtoMessage {
  public static let protoMessageName = "sluice.test.Commented"

  /// The id.
  ///
  /// Unique per source.
  public var id: String = ""

  /// How many.
  public var count: Int64 = 0

  /// Leading.
  ///
  /// Trailing.
  public var both: Bool = false

  /// The body.
  ///   Indented line.
  public var body: OneOf_Body? = nil

  public var plain: Int32 = 0

  public var unknownFields = UnknownFields()

  public init() {}

  /// The body.
  ///   Indented line.
  public enum OneOf_Body: Hashable, Sendable {
    /// As text.
    case text(String)
  }
}

extension Sluice_Test_Commented {
  public func serializedSize() -> Int {
    var size = 0
    if !self.id.isEmpty { size += 1 + ProtoSize.string(self.id) }
    if self.count != 0 { size += 1 + ProtoSize.int64(self.count) }
    if self.both { size += 2 }
    switch self.body {
    case .text(let v)?: size += 1 + ProtoSize.string(v)
    case nil: break
    }
    if self.plain != 0 { size += 1 + ProtoSize.int32(self.plain) }
    size += self.unknownFields.byteCount
    return size
  }

  public func encode(to writer: inout ProtoWriter) {
    if !self.id.isEmpty { writer.writeTag(10); writer.writeString(self.id) }
    if self.count != 0 { writer.writeTag(16); writer.writeInt64(self.count) }
    if self.both { writer.writeTag(24); writer.writeBool(self.both) }
    if case .text(let v)? = self.body { writer.writeTag(34); writer.writeString(v) }
    if self.plain != 0 { writer.writeTag(40); writer.writeInt32(self.plain) }
    writer.writeUnknownFields(self.unknownFields)
  }

  public mutating func decodeMerging(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.readTag() {
      switch tag {
      case 10: self.id = try reader.readString()
      case 16: self.count = try reader.readInt64()
      case 24: self.both = try reader.readBool()
      case 34: self.body = .text(try reader.readString())
      case 40: self.plain = try reader.readInt32()
      default:
        switch tag >> 3 {
        case 1...5: throw ProtoDecodingError.wireTypeMismatch(fieldNumber: Int32(tag >> 3))
        default: try reader.skipField(tag: tag, into: &self.unknownFields)
        }
      }
    }
  }

  public func encodeJSON(to writer: inout JSONWriter) {
    writer.beginObject()
    if !self.id.isEmpty || writer.options.emitDefaultValues {
      writer.writeKey("id", protoName: "id")
      writer.writeString(self.id)
    }
    if self.count != 0 || writer.options.emitDefaultValues {
      writer.writeKey("count", protoName: "count")
      writer.writeInt64(self.count)
    }
    if self.both || writer.options.emitDefaultValues {
      writer.writeKey("both", protoName: "both")
      writer.writeBool(self.both)
    }
    if case .text(let v)? = self.body {
      writer.writeKey("text", protoName: "text")
      writer.writeString(v)
    }
    if self.plain != 0 || writer.options.emitDefaultValues {
      writer.writeKey("plain", protoName: "plain")
      writer.writeInt32(self.plain)
    }
    writer.endObject()
  }

  public mutating func decodeJSONMerging(from reader: inout JSONReader) throws(JSONDecodingError) {
    try reader.beginObject()
    var bodySeen = false
    while let key = try reader.nextKey() {
      switch key {
      case "id":
        if reader.consumeNull() { self.id = "" } else { self.id = try reader.readString() }
      case "count":
        if reader.consumeNull() { self.count = 0 } else { self.count = try reader.readInt64() }
      case "both":
        if reader.consumeNull() { self.both = false } else { self.both = try reader.readBool() }
      case "text":
        if !reader.consumeNull() {
          if bodySeen { throw JSONDecodingError.duplicateField(key) }
          bodySeen = true
          self.body = .text(try reader.readString())
        }
      case "plain":
        if reader.consumeNull() { self.plain = 0 } else { self.plain = try reader.readInt32() }
      default: try reader.skipUnknownField(key)
      }
    }
  }
}
