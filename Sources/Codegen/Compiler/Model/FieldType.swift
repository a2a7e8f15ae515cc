/// What a field holds, after names are resolved.
public indirect enum FieldType: Hashable, Sendable {
  /// A scalar value.
  case scalar(ScalarType)
  /// A message, by fully qualified name without a leading dot (`pkg.Outer.Inner`).
  case message(String)
  /// An enum, by fully qualified name without a leading dot.
  case enumeration(String)
  /// `map<K, V>`: key is a scalar valid as a map key; value any non-map type.
  /// In descriptors this is a repeated field of a synthesized `XxxEntry` message.
  case map(key: ScalarType, value: FieldType)

  /// `FieldDescriptorProto.Type` number (11 message, 14 enum; maps are messages).
  public var descriptorTypeNumber: Int {
    switch self {
    case .scalar(let s): return s.descriptorTypeNumber
    case .message, .map: return 11
    case .enumeration: return 14
    }
  }
}
