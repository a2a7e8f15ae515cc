// The nine wrapper well-known types; the codec lives in `ProtoWrapperMessage`.

/// `google.protobuf.DoubleValue`: a double that can be absent. JSON form: the bare value.
public struct Google_Protobuf_DoubleValue: ProtoWrapperMessage {
  /// `google.protobuf.DoubleValue`.
  public static let protoMessageName = "google.protobuf.DoubleValue"
  /// Field 1's tag.
  public static let valueTag: UInt32 = 9
  /// The wrapped value.
  public var value: Double = 0
  /// Fields of a newer schema version, kept verbatim.
  public var unknownFields = UnknownFields()
  /// A wrapper holding the default value.
  public init() {}
  /// Bytes the value takes, tag excluded.
  public static func encodedSize(of value: Double) -> Int { 8 }
  /// Writes the value.
  public static func write(_ value: Double, to writer: inout ProtoWriter) { writer.writeDouble(value) }
  /// Reads the value.
  public static func read(from reader: inout ProtoReader) throws(ProtoDecodingError) -> Double { try reader.readDouble() }
  /// Writes the JSON value.
  public static func writeJSON(_ value: Double, to writer: inout JSONWriter) { writer.writeDouble(value) }
  /// Reads the JSON value.
  public static func readJSON(from reader: inout JSONReader) throws(JSONDecodingError) -> Double { try reader.readDouble() }
}

/// `google.protobuf.FloatValue`: a float that can be absent. JSON form: the bare value.
public struct Google_Protobuf_FloatValue: ProtoWrapperMessage {
  /// `google.protobuf.FloatValue`.
  public static let protoMessageName = "google.protobuf.FloatValue"
  /// Field 1's tag.
  public static let valueTag: UInt32 = 13
  /// The wrapped value.
  public var value: Float = 0
  /// Fields of a newer schema version, kept verbatim.
  public var unknownFields = UnknownFields()
  /// A wrapper holding the default value.
  public init() {}
  /// Bytes the value takes, tag excluded.
  public static func encodedSize(of value: Float) -> Int { 4 }
  /// Writes the value.
  public static func write(_ value: Float, to writer: inout ProtoWriter) { writer.writeFloat(value) }
  /// Reads the value.
  public static func read(from reader: inout ProtoReader) throws(ProtoDecodingError) -> Float { try reader.readFloat() }
  /// Writes the JSON value.
  public static func writeJSON(_ value: Float, to writer: inout JSONWriter) { writer.writeFloat(value) }
  /// Reads the JSON value.
  public static func readJSON(from reader: inout JSONReader) throws(JSONDecodingError) -> Float { try reader.readFloat() }
}

/// `google.protobuf.Int64Value`: a int64 that can be absent. JSON form: the bare value.
public struct Google_Protobuf_Int64Value: ProtoWrapperMessage {
  /// `google.protobuf.Int64Value`.
  public static let protoMessageName = "google.protobuf.Int64Value"
  /// Field 1's tag.
  public static let valueTag: UInt32 = 8
  /// The wrapped value.
  public var value: Int64 = 0
  /// Fields of a newer schema version, kept verbatim.
  public var unknownFields = UnknownFields()
  /// A wrapper holding the default value.
  public init() {}
  /// Bytes the value takes, tag excluded.
  public static func encodedSize(of value: Int64) -> Int { ProtoSize.int64(value) }
  /// Writes the value.
  public static func write(_ value: Int64, to writer: inout ProtoWriter) { writer.writeInt64(value) }
  /// Reads the value.
  public static func read(from reader: inout ProtoReader) throws(ProtoDecodingError) -> Int64 { try reader.readInt64() }
  /// Writes the JSON value.
  public static func writeJSON(_ value: Int64, to writer: inout JSONWriter) { writer.writeInt64(value) }
  /// Reads the JSON value.
  public static func readJSON(from reader: inout JSONReader) throws(JSONDecodingError) -> Int64 { try reader.readInt64() }
}

/// `google.protobuf.UInt64Value`: a uint64 that can be absent. JSON form: the bare value.
public struct Google_Protobuf_UInt64Value: ProtoWrapperMessage {
  /// `google.protobuf.UInt64Value`.
  public static let protoMessageName = "google.protobuf.UInt64Value"
  /// Field 1's tag.
  public static let valueTag: UInt32 = 8
  /// The wrapped value.
  public var value: UInt64 = 0
  /// Fields of a newer schema version, kept verbatim.
  public var unknownFields = UnknownFields()
  /// A wrapper holding the default value.
  public init() {}
  /// Bytes the value takes, tag excluded.
  public static func encodedSize(of value: UInt64) -> Int { ProtoSize.uint64(value) }
  /// Writes the value.
  public static func write(_ value: UInt64, to writer: inout ProtoWriter) { writer.writeUInt64(value) }
  /// Reads the value.
  public static func read(from reader: inout ProtoReader) throws(ProtoDecodingError) -> UInt64 { try reader.readUInt64() }
  /// Writes the JSON value.
  public static func writeJSON(_ value: UInt64, to writer: inout JSONWriter) { writer.writeUInt64(value) }
  /// Reads the JSON value.
  public static func readJSON(from reader: inout JSONReader) throws(JSONDecodingError) -> UInt64 { try reader.readUInt64() }
}

/// `google.protobuf.Int32Value`: a int32 that can be absent. JSON form: the bare value.
public struct Google_Protobuf_Int32Value: ProtoWrapperMessage {
  /// `google.protobuf.Int32Value`.
  public static let protoMessageName = "google.protobuf.Int32Value"
  /// Field 1's tag.
  public static let valueTag: UInt32 = 8
  /// The wrapped value.
  public var value: Int32 = 0
  /// Fields of a newer schema version, kept verbatim.
  public var unknownFields = UnknownFields()
  /// A wrapper holding the default value.
  public init() {}
  /// Bytes the value takes, tag excluded.
  public static func encodedSize(of value: Int32) -> Int { ProtoSize.int32(value) }
  /// Writes the value.
  public static func write(_ value: Int32, to writer: inout ProtoWriter) { writer.writeInt32(value) }
  /// Reads the value.
  public static func read(from reader: inout ProtoReader) throws(ProtoDecodingError) -> Int32 { try reader.readInt32() }
  /// Writes the JSON value.
  public static func writeJSON(_ value: Int32, to writer: inout JSONWriter) { writer.writeInt32(value) }
  /// Reads the JSON value.
  public static func readJSON(from reader: inout JSONReader) throws(JSONDecodingError) -> Int32 { try reader.readInt32() }
}

/// `google.protobuf.UInt32Value`: a uint32 that can be absent. JSON form: the bare value.
public struct Google_Protobuf_UInt32Value: ProtoWrapperMessage {
  /// `google.protobuf.UInt32Value`.
  public static let protoMessageName = "google.protobuf.UInt32Value"
  /// Field 1's tag.
  public static let valueTag: UInt32 = 8
  /// The wrapped value.
  public var value: UInt32 = 0
  /// Fields of a newer schema version, kept verbatim.
  public var unknownFields = UnknownFields()
  /// A wrapper holding the default value.
  public init() {}
  /// Bytes the value takes, tag excluded.
  public static func encodedSize(of value: UInt32) -> Int { ProtoSize.uint32(value) }
  /// Writes the value.
  public static func write(_ value: UInt32, to writer: inout ProtoWriter) { writer.writeUInt32(value) }
  /// Reads the value.
  public static func read(from reader: inout ProtoReader) throws(ProtoDecodingError) -> UInt32 { try reader.readUInt32() }
  /// Writes the JSON value.
  public static func writeJSON(_ value: UInt32, to writer: inout JSONWriter) { writer.writeUInt32(value) }
  /// Reads the JSON value.
  public static func readJSON(from reader: inout JSONReader) throws(JSONDecodingError) -> UInt32 { try reader.readUInt32() }
}

/// `google.protobuf.BoolValue`: a bool that can be absent. JSON form: the bare value.
public struct Google_Protobuf_BoolValue: ProtoWrapperMessage {
  /// `google.protobuf.BoolValue`.
  public static let protoMessageName = "google.protobuf.BoolValue"
  /// Field 1's tag.
  public static let valueTag: UInt32 = 8
  /// The wrapped value.
  public var value: Bool = false
  /// Fields of a newer schema version, kept verbatim.
  public var unknownFields = UnknownFields()
  /// A wrapper holding the default value.
  public init() {}
  /// Bytes the value takes, tag excluded.
  public static func encodedSize(of value: Bool) -> Int { 1 }
  /// Writes the value.
  public static func write(_ value: Bool, to writer: inout ProtoWriter) { writer.writeBool(value) }
  /// Reads the value.
  public static func read(from reader: inout ProtoReader) throws(ProtoDecodingError) -> Bool { try reader.readBool() }
  /// Writes the JSON value.
  public static func writeJSON(_ value: Bool, to writer: inout JSONWriter) { writer.writeBool(value) }
  /// Reads the JSON value.
  public static func readJSON(from reader: inout JSONReader) throws(JSONDecodingError) -> Bool { try reader.readBool() }
}

/// `google.protobuf.StringValue`: a string that can be absent. JSON form: the bare value.
public struct Google_Protobuf_StringValue: ProtoWrapperMessage {
  /// `google.protobuf.StringValue`.
  public static let protoMessageName = "google.protobuf.StringValue"
  /// Field 1's tag.
  public static let valueTag: UInt32 = 10
  /// The wrapped value.
  public var value: String = ""
  /// Fields of a newer schema version, kept verbatim.
  public var unknownFields = UnknownFields()
  /// A wrapper holding the default value.
  public init() {}
  /// Bytes the value takes, tag excluded.
  public static func encodedSize(of value: String) -> Int { ProtoSize.string(value) }
  /// Writes the value.
  public static func write(_ value: String, to writer: inout ProtoWriter) { writer.writeString(value) }
  /// Reads the value.
  public static func read(from reader: inout ProtoReader) throws(ProtoDecodingError) -> String { try reader.readString() }
  /// Writes the JSON value.
  public static func writeJSON(_ value: String, to writer: inout JSONWriter) { writer.writeString(value) }
  /// Reads the JSON value.
  public static func readJSON(from reader: inout JSONReader) throws(JSONDecodingError) -> String { try reader.readString() }
}

/// `google.protobuf.BytesValue`: a bytes that can be absent. JSON form: the bare value.
public struct Google_Protobuf_BytesValue: ProtoWrapperMessage {
  /// `google.protobuf.BytesValue`.
  public static let protoMessageName = "google.protobuf.BytesValue"
  /// Field 1's tag.
  public static let valueTag: UInt32 = 10
  /// The wrapped value.
  public var value: [UInt8] = []
  /// Fields of a newer schema version, kept verbatim.
  public var unknownFields = UnknownFields()
  /// A wrapper holding the default value.
  public init() {}
  /// Bytes the value takes, tag excluded.
  public static func encodedSize(of value: [UInt8]) -> Int { ProtoSize.bytes(value) }
  /// Writes the value.
  public static func write(_ value: [UInt8], to writer: inout ProtoWriter) { writer.writeBytes(value) }
  /// Reads the value.
  public static func read(from reader: inout ProtoReader) throws(ProtoDecodingError) -> [UInt8] { try reader.readBytes() }
  /// Writes the JSON value.
  public static func writeJSON(_ value: [UInt8], to writer: inout JSONWriter) { writer.writeBytes(value) }
  /// Reads the JSON value.
  public static func readJSON(from reader: inout JSONReader) throws(JSONDecodingError) -> [UInt8] { try reader.readBytes() }
}
