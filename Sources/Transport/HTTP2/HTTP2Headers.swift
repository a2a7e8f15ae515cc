/// An ordered list of HTTP/2 header fields, names and values kept as bytes.
///
/// All fields live in one contiguous byte array (each field is a 4-byte name
/// length, a 4-byte value length, then the name and value bytes), so a decoded
/// header block costs a single allocation and reading a field allocates
/// nothing: `name` and `value` are slices of that storage. Names are sent as
/// given; HTTP/2 requires them in lowercase.
public struct HTTP2Headers: Sendable, Hashable {
  /// The encoded fields.
  private(set) var storage: [UInt8]

  /// The number of fields.
  public private(set) var count: Int

  /// An empty list.
  public init() {
    self.storage = []
    self.count = 0
  }

  /// An empty list with room for `byteCapacity` bytes of names and values.
  public init(byteCapacity: Int) {
    self.storage = []
    self.storage.reserveCapacity(byteCapacity)
    self.count = 0
  }

  /// A list of `(name, value)` string pairs, in order.
  public init(_ fields: [(String, String)]) {
    self.init()
    for (name, value) in fields {
      self.append(name: name, value: value)
    }
  }

  init(storage: [UInt8], count: Int) {
    self.storage = storage
    self.count = count
  }

  /// Whether the list has no fields.
  public var isEmpty: Bool { self.count == 0 }

  /// Appends a field given as bytes.
  public mutating func append(name: some Collection<UInt8>, value: some Collection<UInt8>) {
    Self.appendField(to: &self.storage, nameCount: name.count, valueCount: value.count)
    self.storage.append(contentsOf: name)
    self.storage.append(contentsOf: value)
    self.count += 1
  }

  /// Appends a field given as strings (their UTF-8 bytes are stored).
  public mutating func append(name: String, value: String) {
    self.append(name: name.utf8, value: value.utf8)
  }

  /// The value of the first field named `name` (compared byte for byte).
  public func first(name: String) -> ArraySlice<UInt8>? {
    var name = name
    return name.withUTF8 { wanted in
      for field in self where Self.equal(field.name, wanted) {
        return field.value
      }
      return nil
    }
  }

  /// Byte equality without generic iteration (which allocates in debug builds).
  private static func equal(_ slice: ArraySlice<UInt8>, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard slice.count == bytes.count else { return false }
    return slice.withUnsafeBufferPointer { candidate in
      var index = 0
      while index < bytes.count {
        guard candidate[index] == bytes[index] else { return false }
        index += 1
      }
      return true
    }
  }

  /// The value of the first field named `name`, decoded as UTF-8.
  public func firstString(name: String) -> String? {
    self.first(name: name).map { String(decoding: $0, as: UTF8.self) }
  }

  /// Appends one field's length prefix to an encoded storage array.
  static func appendField(to storage: inout [UInt8], nameCount: Int, valueCount: Int) {
    let name = UInt32(truncatingIfNeeded: nameCount)
    let value = UInt32(truncatingIfNeeded: valueCount)
    storage.append(UInt8(truncatingIfNeeded: name))
    storage.append(UInt8(truncatingIfNeeded: name >> 8))
    storage.append(UInt8(truncatingIfNeeded: name >> 16))
    storage.append(UInt8(truncatingIfNeeded: name >> 24))
    storage.append(UInt8(truncatingIfNeeded: value))
    storage.append(UInt8(truncatingIfNeeded: value >> 8))
    storage.append(UInt8(truncatingIfNeeded: value >> 16))
    storage.append(UInt8(truncatingIfNeeded: value >> 24))
  }

  /// Reads the little-endian length at `offset` of the storage.
  static func readLength(_ storage: [UInt8], at offset: Int) -> Int {
    Int(storage[offset]) | Int(storage[offset + 1]) << 8 | Int(storage[offset + 2]) << 16
      | Int(storage[offset + 3]) << 24
  }
}

/// One header field: slices of its list's storage.
public struct HTTP2HeaderField: Sendable {
  /// The field name bytes.
  public var name: ArraySlice<UInt8>
  /// The field value bytes.
  public var value: ArraySlice<UInt8>

  /// The name decoded as UTF-8.
  public var nameString: String { String(decoding: self.name, as: UTF8.self) }
  /// The value decoded as UTF-8.
  public var valueString: String { String(decoding: self.value, as: UTF8.self) }
}

extension HTTP2Headers: Sequence {
  /// Iterates the fields in order without allocating.
  public struct Iterator: IteratorProtocol {
    let storage: [UInt8]
    var offset: Int

    /// The next field, or `nil` after the last one.
    public mutating func next() -> HTTP2HeaderField? {
      guard self.offset < self.storage.count else { return nil }
      let nameCount = HTTP2Headers.readLength(self.storage, at: self.offset)
      let valueCount = HTTP2Headers.readLength(self.storage, at: self.offset + 4)
      let nameStart = self.offset + 8
      let valueStart = nameStart + nameCount
      self.offset = valueStart + valueCount
      return HTTP2HeaderField(
        name: self.storage[nameStart..<valueStart],
        value: self.storage[valueStart..<self.offset]
      )
    }
  }

  /// An iterator over the fields in order.
  public func makeIterator() -> Iterator {
    Iterator(storage: self.storage, offset: 0)
  }

  /// The number of fields.
  public var underestimatedCount: Int { self.count }
}

extension HTTP2Headers: CustomStringConvertible {
  /// The fields as `name: value` lines, for debugging.
  public var description: String {
    self.map { "\($0.nameString): \($0.valueString)" }.joined(separator: "\n")
  }
}
