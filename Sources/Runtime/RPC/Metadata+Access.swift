extension Metadata: RandomAccessCollection {
  /// A key and one of its values.
  public typealias Element = (key: String, value: Value)

  /// Position of the first pair.
  @inlinable
  public var startIndex: Int { entries.startIndex }

  /// Position after the last pair.
  @inlinable
  public var endIndex: Int { entries.endIndex }

  /// The pair at `position`, in insertion order.
  @inlinable
  public subscript(position: Int) -> Element {
    let entry = entries[position]
    return (entry.key, entry.value)
  }
}

extension Metadata: ExpressibleByDictionaryLiteral {
  /// Metadata from a literal such as `["x-request-id": "abc"]`, pairs in literal order.
  /// Invalid keys or values in a literal are programming errors and trap.
  public init(dictionaryLiteral elements: (String, Value)...) {
    self.init()
    for (key, value) in elements {
      do {
        try add(value, forKey: key)
      } catch {
        preconditionFailure("invalid metadata literal: \(error)")
      }
    }
  }
}

extension Metadata {
  /// Every value of `key` (compared ignoring ASCII case), in order.
  public func values(forKey key: String) -> [Value] {
    let key = Self.lowercased(key)
    return entries.compactMap { $0.key == key ? $0.value : nil }
  }

  /// The first value of `key`.
  public func first(forKey key: String) -> Value? {
    let key = Self.lowercased(key)
    return entries.first { $0.key == key }?.value
  }

  /// The first string value of `key`.
  public func firstString(forKey key: String) -> String? {
    let key = Self.lowercased(key)
    for entry in entries where entry.key == key {
      if case .string(let string) = entry.value { return string }
    }
    return nil
  }

  /// The first binary value of `key`.
  public func firstBinary(forKey key: String) -> [UInt8]? {
    let key = Self.lowercased(key)
    for entry in entries where entry.key == key {
      if case .binary(let bytes) = entry.value { return bytes }
    }
    return nil
  }

  /// Whether `key` has at least one value.
  public func contains(key: String) -> Bool {
    let key = Self.lowercased(key)
    return entries.contains { $0.key == key }
  }
}

extension Metadata: CustomStringConvertible {
  /// `[key: value, ...]` with binary values shown as byte counts.
  public var description: String {
    let pairs = entries.map { entry in
      switch entry.value {
      case .string(let string): "\(entry.key): \"\(string)\""
      case .binary(let bytes): "\(entry.key): <\(bytes.count) bytes>"
      }
    }
    return "[" + pairs.joined(separator: ", ") + "]"
  }
}
