/// A key's values in a form that compares a bound parameter with the value the server
/// returns for it (text and bytes alike; signed and unsigned integers alike).
struct MariaDBKey: Hashable {
  private enum Part: Hashable {
    case null
    case integer(Int64)
    case largeUnsigned(UInt64)
    case double(UInt64)
    case bytes([UInt8])
    case timestamp(Int64)
  }

  private let parts: [Part]

  init(_ values: [MariaDBValue]) {
    parts = values.map { value in
      switch value {
      case .null: .null
      case .int(let v): .integer(v)
      case .uint(let v): Int64(exactly: v).map { .integer($0) } ?? .largeUnsigned(v)
      case .double(let v): .double(v.bitPattern)
      case .string(let v): .bytes(Array(v.utf8))
      case .bytes(let v): .bytes(v)
      case .timestamp(let v): .timestamp(v.microsecondsSinceEpoch)
      }
    }
  }
}
