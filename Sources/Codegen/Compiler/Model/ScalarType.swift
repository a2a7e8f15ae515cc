/// The proto3 scalar types, named as in a schema.
public enum ScalarType: String, Hashable, Sendable, CaseIterable {
  case double, float
  case int32, int64, uint32, uint64, sint32, sint64
  case fixed32, fixed64, sfixed32, sfixed64
  case bool, string, bytes

  /// The wire type used for a single (unpacked) value.
  public var wireType: WireType {
    switch self {
    case .double, .fixed64, .sfixed64: return .fixed64
    case .float, .fixed32, .sfixed32: return .fixed32
    case .string, .bytes: return .lengthDelimited
    case .int32, .int64, .uint32, .uint64, .sint32, .sint64, .bool: return .varint
    }
  }

  /// Whether repeated fields of this type can be packed (every numeric type and bool).
  public var isPackable: Bool { wireType != .lengthDelimited }

  /// Whether this type may be a map key (integral types, bool and string).
  public var isValidMapKey: Bool {
    switch self {
    case .double, .float, .bytes: return false
    default: return true
    }
  }

  /// `FieldDescriptorProto.Type` number.
  public var descriptorTypeNumber: Int {
    switch self {
    case .double: return 1
    case .float: return 2
    case .int64: return 3
    case .uint64: return 4
    case .int32: return 5
    case .fixed64: return 6
    case .fixed32: return 7
    case .bool: return 8
    case .string: return 9
    case .bytes: return 12
    case .uint32: return 13
    case .sfixed32: return 15
    case .sfixed64: return 16
    case .sint32: return 17
    case .sint64: return 18
    }
  }
}

/// Protobuf wire types (groups are not part of proto3 and are not listed).
public enum WireType: Int, Hashable, Sendable {
  case varint = 0
  case fixed64 = 1
  case lengthDelimited = 2
  case fixed32 = 5
}
