extension FieldType {
  /// Whether a repeated field of this type can be packed (numeric, bool, enum).
  var isPackable: Bool {
    switch self {
    case .scalar(let scalar): return scalar.isPackable
    case .enumeration: return true
    case .message, .map: return false
    }
  }

  /// int64, uint64, sint64, fixed64 or sfixed64.
  var is64BitInteger: Bool {
    switch self {
    case .scalar(.int64), .scalar(.uint64), .scalar(.sint64), .scalar(.fixed64), .scalar(.sfixed64): return true
    default: return false
    }
  }
}
