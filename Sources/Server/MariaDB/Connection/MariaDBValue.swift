/// One column value, read from a result row or bound to a statement parameter.
///
/// Reading maps column types as follows: integer types (and `YEAR`) to ``int(_:)``, or
/// ``uint(_:)`` for `UNSIGNED` columns; `FLOAT`/`DOUBLE` to ``double(_:)``; `DATE`,
/// `DATETIME`, `TIMESTAMP` to ``timestamp(_:)``; binary strings (`BINARY`, `VARBINARY`,
/// `BLOB`, `BIT`) to ``bytes(_:)``; everything else (text, `DECIMAL`, `TIME`, `ENUM`,
/// `SET`, `JSON`) to ``string(_:)`` in MariaDB's text form.
public enum MariaDBValue: Sendable, Hashable {
  /// SQL `NULL`.
  case null
  /// A signed integer.
  case int(Int64)
  /// An unsigned integer.
  case uint(UInt64)
  /// A floating-point number.
  case double(Double)
  /// Text, sent and read as UTF-8 (`utf8mb4`).
  case string(String)
  /// Raw bytes.
  case bytes([UInt8])
  /// A date and time with microseconds (UTC).
  case timestamp(MariaDBTimestamp)

  /// Whether the value is `NULL`.
  public var isNull: Bool { self == .null }

  /// The value as a signed integer, when it is an integer that fits.
  public var int: Int64? {
    switch self {
    case .int(let value): value
    case .uint(let value): Int64(exactly: value)
    default: nil
    }
  }

  /// The value as an unsigned integer, when it is a non-negative integer.
  public var uint: UInt64? {
    switch self {
    case .int(let value): UInt64(exactly: value)
    case .uint(let value): value
    default: nil
    }
  }

  /// The value as a double, when it is a number.
  public var double: Double? {
    switch self {
    case .double(let value): value
    case .int(let value): Double(value)
    case .uint(let value): Double(value)
    default: nil
    }
  }

  /// The value as text: strings as they are, bytes decoded as UTF-8.
  public var string: String? {
    switch self {
    case .string(let value): value
    case .bytes(let value): String(decoding: value, as: UTF8.self)
    default: nil
    }
  }

  /// The value as bytes: bytes as they are, strings as their UTF-8.
  public var bytes: [UInt8]? {
    switch self {
    case .bytes(let value): value
    case .string(let value): Array(value.utf8)
    default: nil
    }
  }

  /// The value as a timestamp.
  public var timestamp: MariaDBTimestamp? {
    if case .timestamp(let value) = self { value } else { nil }
  }
}
