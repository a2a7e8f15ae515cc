/// A list of HTTP header fields whose names and values live in one contiguous byte
/// buffer: what the protocol writers fill and a transport hands to its HTTP/2 library.
///
/// Keep one block per connection (or per thread) and ``removeAll()`` it before each
/// use: once its buffers have grown, writing a response's headers allocates nothing.
/// Names are lowercase as written. A transport reads the fields with
/// ``withUnsafeFields(_:)`` (pointers into the buffer, valid during the call), for
/// example to fill an `nghttp2_nv` array; the `:status` pseudo-header, when present, is
/// the first field.
public struct HeaderBlock: Sendable {
  /// Where one field's name and value lie in ``bytes``.
  public struct Field: Sendable, Hashable {
    /// Offset of the name.
    public var nameOffset: Int
    /// Length of the name.
    public var nameCount: Int
    /// Offset of the value.
    public var valueOffset: Int
    /// Length of the value.
    public var valueCount: Int
  }

  /// Every name and value, back to back.
  public private(set) var bytes: [UInt8]
  /// The fields, in order.
  public private(set) var fields: [Field]

  /// An empty block.
  public init() {
    bytes = []
    fields = []
  }

  /// Removes every field, keeping the buffers' capacity.
  public mutating func removeAll() {
    bytes.removeAll(keepingCapacity: true)
    fields.removeAll(keepingCapacity: true)
  }

  /// Appends a field.
  public mutating func append(name: StaticString, value: StaticString) {
    let nameOffset = appendBytes(name)
    let valueOffset = appendBytes(value)
    record(nameOffset: nameOffset, valueOffset: valueOffset)
  }

  /// Appends a field.
  public mutating func append(name: StaticString, value: String) {
    let nameOffset = appendBytes(name)
    let valueOffset = bytes.count
    bytes.append(contentsOf: value.utf8)
    record(nameOffset: nameOffset, valueOffset: valueOffset)
  }

  /// Appends a field.
  public mutating func append(name: String, value: String) {
    let nameOffset = bytes.count
    bytes.append(contentsOf: name.utf8)
    let valueOffset = bytes.count
    bytes.append(contentsOf: value.utf8)
    record(nameOffset: nameOffset, valueOffset: valueOffset)
  }

  /// Appends a field whose value `writeValue` appends to the buffer it is given.
  public mutating func append(name: StaticString, writingValue writeValue: (inout [UInt8]) -> Void)
  {
    let nameOffset = appendBytes(name)
    let valueOffset = bytes.count
    writeValue(&bytes)
    record(nameOffset: nameOffset, valueOffset: valueOffset)
  }

  /// Appends a field named `prefix` + `name` whose value `writeValue` appends.
  public mutating func append(
    namePrefix prefix: StaticString, name: String, writingValue writeValue: (inout [UInt8]) -> Void
  ) {
    let nameOffset = appendBytes(prefix)
    bytes.append(contentsOf: name.utf8)
    let valueOffset = bytes.count
    writeValue(&bytes)
    record(nameOffset: nameOffset, valueOffset: valueOffset)
  }

  /// Calls `body` with the buffer and the fields; pointers into the buffer are valid only
  /// during the call.
  public func withUnsafeFields<R>(
    _ body: (_ bytes: UnsafeRawBufferPointer, _ fields: [Field]) throws -> R
  ) rethrows -> R {
    try bytes.withUnsafeBytes { try body($0, fields) }
  }

  /// The first value of `name` (a lowercase name), as a string.
  public func value(forName name: String) -> String? {
    let name = Array(name.utf8)
    for field in fields
    where bytes[field.nameOffset..<(field.nameOffset + field.nameCount)].elementsEqual(name) {
      return String(
        decoding: bytes[field.valueOffset..<(field.valueOffset + field.valueCount)], as: UTF8.self)
    }
    return nil
  }

  private mutating func appendBytes(_ text: StaticString) -> Int {
    let offset = bytes.count
    bytes.append(
      contentsOf: UnsafeRawBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    return offset
  }

  private mutating func record(nameOffset: Int, valueOffset: Int) {
    fields.append(
      Field(
        nameOffset: nameOffset, nameCount: valueOffset - nameOffset, valueOffset: valueOffset,
        valueCount: bytes.count - valueOffset))
  }
}

extension HeaderBlock: RandomAccessCollection {
  /// A field as strings (allocates; transports on the hot path use
  /// ``withUnsafeFields(_:)``).
  public typealias Element = (name: String, value: String)

  /// Position of the first field.
  public var startIndex: Int { 0 }

  /// Position after the last field.
  public var endIndex: Int { fields.count }

  /// The field at `position`.
  public subscript(position: Int) -> Element {
    let field = fields[position]
    return (
      String(
        decoding: bytes[field.nameOffset..<(field.nameOffset + field.nameCount)], as: UTF8.self),
      String(
        decoding: bytes[field.valueOffset..<(field.valueOffset + field.valueCount)], as: UTF8.self)
    )
  }
}
