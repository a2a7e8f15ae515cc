/// Builds compact proto3 JSON text (no insignificant whitespace).
///
/// The writer places commas itself: call `writeKey` before each member's value and
/// the value writers one after another inside arrays.
public struct JSONWriter {
  /// The options generated code consults (default values, field names, enums).
  public let options: JSONEncodingOptions

  /// The UTF-8 text written so far.
  public internal(set) var bytes: [UInt8]

  /// The first value that had no JSON form, if any (the text then holds `null` in
  /// its place).
  public private(set) var failure: JSONEncodingError?

  var needsComma: Bool

  /// How many `google.protobuf.Any` values enclose the current position; bounds the
  /// recursion of `Any`s whose packed bytes contain further `Any`s.
  var anyNesting = 0

  /// Creates an empty writer.
  public init(options: JSONEncodingOptions = .init()) {
    self.options = options
    bytes = []
    bytes.reserveCapacity(128)
    failure = nil
    needsComma = false
  }

  /// Records that a value has no JSON form (the first failure wins) and writes `null`
  /// in its place so the text stays well-formed.
  public mutating func fail(_ error: JSONEncodingError) {
    if failure == nil { failure = error }
    writeNull()
  }

  // MARK: Structure

  /// Writes the comma that separates this value from the previous one, if needed.
  @inline(__always)
  mutating func beginValue() {
    if needsComma { bytes.append(UInt8(ascii: ",")) }
    needsComma = true
  }

  /// Opens an object.
  public mutating func beginObject() {
    beginValue()
    bytes.append(UInt8(ascii: "{"))
    needsComma = false
  }

  /// Closes an object.
  public mutating func endObject() {
    bytes.append(UInt8(ascii: "}"))
    needsComma = true
  }

  /// Opens an array.
  public mutating func beginArray() {
    beginValue()
    bytes.append(UInt8(ascii: "["))
    needsComma = false
  }

  /// Closes an array.
  public mutating func endArray() {
    bytes.append(UInt8(ascii: "]"))
    needsComma = true
  }

  /// Writes a member key: `jsonName`, or `protoName` when `options.useProtoFieldNames`.
  public mutating func writeKey(_ jsonName: StaticString, protoName: StaticString) {
    let name = options.useProtoFieldNames ? protoName : jsonName
    name.withUTF8Buffer { writeKeyBytes($0) }
  }

  /// Writes a member key given at run time.
  public mutating func writeKey(_ name: String) {
    var name = name
    name.withUTF8 { writeKeyBytes($0) }
  }

  mutating func writeKeyBytes(_ utf8: UnsafeBufferPointer<UInt8>) {
    if needsComma { bytes.append(UInt8(ascii: ",")) }
    appendQuoted(utf8)
    bytes.append(UInt8(ascii: ":"))
    needsComma = false
  }

  /// Writes a string map key.
  public mutating func writeMapKey(_ key: String) { writeKey(key) }

  /// Writes an `int32` map key (as a JSON string).
  public mutating func writeMapKey(_ key: Int32) { writeIntegerKey(Int64(key)) }

  /// Writes an `int64` map key (as a JSON string).
  public mutating func writeMapKey(_ key: Int64) { writeIntegerKey(key) }

  /// Writes a `uint32` map key (as a JSON string).
  public mutating func writeMapKey(_ key: UInt32) { writeUnsignedKey(UInt64(key)) }

  /// Writes a `uint64` map key (as a JSON string).
  public mutating func writeMapKey(_ key: UInt64) { writeUnsignedKey(key) }

  /// Writes a `bool` map key (`"true"` or `"false"`).
  public mutating func writeMapKey(_ key: Bool) { writeKey(key ? "true" : "false") }

  mutating func writeIntegerKey(_ key: Int64) {
    if needsComma { bytes.append(UInt8(ascii: ",")) }
    bytes.append(UInt8(ascii: "\""))
    appendDecimal(key)
    bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
    needsComma = false
  }

  mutating func writeUnsignedKey(_ key: UInt64) {
    if needsComma { bytes.append(UInt8(ascii: ",")) }
    bytes.append(UInt8(ascii: "\""))
    appendDecimal(key)
    bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
    needsComma = false
  }

  // MARK: Values

  /// Writes a string value, escaped per RFC 8259.
  public mutating func writeString(_ value: String) {
    beginValue()
    var value = value
    value.withUTF8 { appendQuoted($0) }
  }

  /// Writes a `bytes` value as standard base64 with padding.
  public mutating func writeBytes(_ value: [UInt8]) {
    beginValue()
    bytes.append(UInt8(ascii: "\""))
    Base64.encode(value, into: &bytes)
    bytes.append(UInt8(ascii: "\""))
  }

  /// Writes an `int32` as a JSON number.
  public mutating func writeInt32(_ value: Int32) {
    beginValue()
    appendDecimal(Int64(value))
  }

  /// Writes a `uint32` as a JSON number.
  public mutating func writeUInt32(_ value: UInt32) {
    beginValue()
    appendDecimal(UInt64(value))
  }

  /// Writes an `int64` as a quoted decimal string.
  public mutating func writeInt64(_ value: Int64) {
    beginValue()
    bytes.append(UInt8(ascii: "\""))
    appendDecimal(value)
    bytes.append(UInt8(ascii: "\""))
  }

  /// Writes a `uint64` as a quoted decimal string.
  public mutating func writeUInt64(_ value: UInt64) {
    beginValue()
    bytes.append(UInt8(ascii: "\""))
    appendDecimal(value)
    bytes.append(UInt8(ascii: "\""))
  }

  /// Writes a `float` in its shortest round-trip form, or `"NaN"`, `"Infinity"`,
  /// `"-Infinity"`.
  public mutating func writeFloat(_ value: Float) {
    if value.isFinite {
      beginValue()
      appendASCII(value.description)
    } else {
      writeNonFinite(isNaN: value.isNaN, isNegative: value < 0)
    }
  }

  /// Writes a `double` in its shortest round-trip form, or `"NaN"`, `"Infinity"`,
  /// `"-Infinity"`.
  public mutating func writeDouble(_ value: Double) {
    if value.isFinite {
      beginValue()
      appendASCII(value.description)
    } else {
      writeNonFinite(isNaN: value.isNaN, isNegative: value < 0)
    }
  }

  mutating func writeNonFinite(isNaN: Bool, isNegative: Bool) {
    writeString(isNaN ? "NaN" : isNegative ? "-Infinity" : "Infinity")
  }

  /// Writes `true` or `false`.
  public mutating func writeBool(_ value: Bool) {
    beginValue()
    appendASCII(value ? "true" : "false")
  }

  /// Writes `null`.
  public mutating func writeNull() {
    beginValue()
    appendASCII("null")
  }

  /// Writes an enum value: its name, or its number when it has no name or
  /// `options.enumsAsIntegers` is set.
  @inlinable
  public mutating func writeEnum<E: ProtoEnum>(_ value: E) {
    if !options.enumsAsIntegers, let name = value.protoName {
      writeString(name)
    } else {
      writeInt32(value.rawValue)
    }
  }

  /// Appends already valid JSON text (used to splice nested output).
  mutating func appendRaw<C: Collection<UInt8>>(_ text: C) {
    bytes.append(contentsOf: text)
  }
}
