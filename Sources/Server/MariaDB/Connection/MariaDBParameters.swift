/// The values bound to a prepared statement's `?` placeholders, in order.
///
/// Built by appending one value per placeholder. Text and bytes are copied into one shared
/// buffer, so building parameters for a multi-row insert costs a few allocations however
/// many values it holds; call ``removeAll(keepingCapacity:)`` to reuse the storage.
public struct MariaDBParameters: Sendable, ExpressibleByArrayLiteral {
  enum Kind: UInt8 {
    case null, int, uint, double, text, bytes, timestamp
  }

  /// One parameter: its kind and either its scalar payload or where its bytes are.
  struct Slot {
    var kind: Kind
    /// The integer, the double's bit pattern, the microseconds, or the arena offset.
    var payload: Int64
    /// The byte count of text and bytes.
    var length: Int
  }

  private(set) var slots: [Slot] = []
  private(set) var arena: [UInt8] = []

  /// Creates an empty list.
  public init() {}

  /// Creates an empty list with room for `count` values and `bytes` bytes of text and bytes.
  public init(reservingCapacity count: Int, bytes: Int = 0) {
    slots.reserveCapacity(count)
    arena.reserveCapacity(bytes)
  }

  /// Creates a list holding `values`.
  public init(_ values: [MariaDBValue]) {
    slots.reserveCapacity(values.count)
    for value in values { append(value) }
  }

  /// Creates a list holding the literal's values.
  public init(arrayLiteral values: MariaDBValue...) {
    self.init(values)
  }

  /// How many values the list holds.
  public var count: Int { slots.count }

  /// Empties the list, by default keeping its storage for reuse.
  public mutating func removeAll(keepingCapacity: Bool = true) {
    slots.removeAll(keepingCapacity: keepingCapacity)
    arena.removeAll(keepingCapacity: keepingCapacity)
  }

  /// Appends SQL `NULL`.
  public mutating func appendNull() {
    slots.append(Slot(kind: .null, payload: 0, length: 0))
  }

  /// Appends a signed integer.
  public mutating func append(_ value: Int64) {
    slots.append(Slot(kind: .int, payload: value, length: 0))
  }

  /// Appends a signed integer.
  public mutating func append(_ value: Int) {
    append(Int64(value))
  }

  /// Appends an unsigned integer.
  public mutating func append(_ value: UInt64) {
    slots.append(Slot(kind: .uint, payload: Int64(bitPattern: value), length: 0))
  }

  /// Appends a boolean as the integer 1 or 0 (MariaDB's `BOOLEAN` is `TINYINT(1)`).
  public mutating func append(_ value: Bool) {
    append(Int64(value ? 1 : 0))
  }

  /// Appends a floating-point number.
  public mutating func append(_ value: Double) {
    slots.append(Slot(kind: .double, payload: Int64(bitPattern: value.bitPattern), length: 0))
  }

  /// Appends text (sent as UTF-8).
  public mutating func append(_ value: String) {
    let offset = arena.count
    arena.append(contentsOf: value.utf8)
    slots.append(Slot(kind: .text, payload: Int64(offset), length: arena.count - offset))
  }

  /// Appends text, or `NULL` for `nil`.
  public mutating func append(_ value: String?) {
    if let value { append(value) } else { appendNull() }
  }

  /// Appends raw bytes.
  public mutating func append(bytes: some Sequence<UInt8>) {
    let offset = arena.count
    arena.append(contentsOf: bytes)
    slots.append(Slot(kind: .bytes, payload: Int64(offset), length: arena.count - offset))
  }

  /// Appends raw bytes from a buffer.
  public mutating func append(bytes: UnsafeRawBufferPointer) {
    let offset = arena.count
    arena.append(contentsOf: bytes)
    slots.append(Slot(kind: .bytes, payload: Int64(offset), length: bytes.count))
  }

  /// Appends a date and time with microseconds.
  public mutating func append(_ value: MariaDBTimestamp) {
    slots.append(Slot(kind: .timestamp, payload: value.microsecondsSinceEpoch, length: 0))
  }

  /// Appends any value.
  public mutating func append(_ value: MariaDBValue) {
    switch value {
    case .null: appendNull()
    case .int(let v): append(v)
    case .uint(let v): append(v)
    case .double(let v): append(v)
    case .string(let v): append(v)
    case .bytes(let v): append(bytes: v)
    case .timestamp(let v): append(v)
    }
  }
}

extension MariaDBParameters {
  /// The value at `index`, rebuilt from its slot.
  func value(at index: Int) -> MariaDBValue {
    let slot = slots[index]
    switch slot.kind {
    case .null: return .null
    case .int: return .int(slot.payload)
    case .uint: return .uint(UInt64(bitPattern: slot.payload))
    case .double: return .double(Double(bitPattern: UInt64(bitPattern: slot.payload)))
    case .timestamp: return .timestamp(MariaDBTimestamp(microsecondsSinceEpoch: slot.payload))
    case .text, .bytes:
      let bytes = Array(arena[Int(slot.payload)..<Int(slot.payload) + slot.length])
      return .bytes(bytes)
    }
  }
}
