/// RPC metadata (headers and trailers): an ordered list of key–value pairs in which a key
/// may repeat.
///
/// Keys are lowercase ASCII letters, digits, `-`, `_` and `.` (gRPC's `Header-Name`);
/// uppercase letters are lowercased on the way in. Keys ending in `-bin` hold binary
/// values (base64 on the wire, the transport's job), every other key holds strings of
/// printable ASCII (0x20–0x7E) without leading or trailing spaces. The adding methods
/// check these rules and throw ``MetadataError``; a dictionary literal of invalid entries
/// is a programming error and traps.
///
/// Keys starting with `grpc-` and HTTP/2 pseudo-headers belong to the transport, which
/// drops them from user metadata when it writes headers.
public struct Metadata: Sendable, Hashable {
  /// One metadata value.
  public enum Value: Sendable, Hashable, ExpressibleByStringLiteral {
    /// A string value (for keys not ending in `-bin`).
    case string(String)
    /// A binary value (for keys ending in `-bin`).
    case binary([UInt8])

    /// A string value from a literal.
    public init(stringLiteral value: String) {
      self = .string(value)
    }
  }

  @usableFromInline
  struct Entry: Sendable, Hashable {
    @usableFromInline var key: String
    @usableFromInline var value: Value

    @inlinable
    init(key: String, value: Value) {
      self.key = key
      self.value = value
    }
  }

  @usableFromInline
  var entries: [Entry]

  /// Creates empty metadata.
  @inlinable
  public init() {
    entries = []
  }

  /// Adds a string value under `key`, after any values the key already has.
  public mutating func addString(_ value: String, forKey key: String) throws(MetadataError) {
    try add(.string(value), forKey: key)
  }

  /// Adds a binary value under `key`, which must end in `-bin`.
  public mutating func addBinary(_ value: [UInt8], forKey key: String) throws(MetadataError) {
    try add(.binary(value), forKey: key)
  }

  /// Adds a value under `key` after checking the key and the value.
  public mutating func add(_ value: Value, forKey key: String) throws(MetadataError) {
    let key = try Self.checked(value, forKey: key)
    entries.append(Entry(key: key, value: value))
  }

  /// Replaces every value of `key` with one string value.
  public mutating func setString(_ value: String, forKey key: String) throws(MetadataError) {
    try set(.string(value), forKey: key)
  }

  /// Replaces every value of `key` with one binary value.
  public mutating func setBinary(_ value: [UInt8], forKey key: String) throws(MetadataError) {
    try set(.binary(value), forKey: key)
  }

  /// Replaces every value of `key` with `value`, keeping the position of the first one.
  public mutating func set(_ value: Value, forKey key: String) throws(MetadataError) {
    let key = try Self.checked(value, forKey: key)
    if let first = entries.firstIndex(where: { $0.key == key }) {
      entries[first].value = value
      var isFirst = true
      entries.removeAll { entry in
        guard entry.key == key else { return false }
        defer { isFirst = false }
        return !isFirst
      }
    } else {
      entries.append(Entry(key: key, value: value))
    }
  }

  /// Appends a pair a transport received from the wire and its protocol library already
  /// checked (nghttp2 checks header names and values), without checking it again.
  /// `key` must be lowercase.
  @inlinable
  public mutating func addUnchecked(_ value: Value, forKey key: String) {
    entries.append(Entry(key: key, value: value))
  }

  /// Appends every pair of `other`, in order.
  @inlinable
  public mutating func add(contentsOf other: Metadata) {
    entries.append(contentsOf: other.entries)
  }

  /// Removes every value of `key` (compared ignoring ASCII case).
  public mutating func removeAll(forKey key: String) {
    let key = Self.lowercased(key)
    entries.removeAll { $0.key == key }
  }

  /// Reserves room for `count` pairs.
  @inlinable
  public mutating func reserveCapacity(_ count: Int) {
    entries.reserveCapacity(count)
  }
}
