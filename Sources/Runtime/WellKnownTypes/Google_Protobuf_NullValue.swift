/// `google.protobuf.NullValue`: the single-valued enum behind JSON `null` in
/// `google.protobuf.Value`. JSON form: `null`.
public enum Google_Protobuf_NullValue: ProtoEnum {
  /// `NULL_VALUE = 0`.
  case nullValue
  /// A number this enum does not declare.
  case unrecognized(Int32)

  /// `google.protobuf.NullValue`.
  public static let protoEnumName = "google.protobuf.NullValue"
  /// The declared cases.
  public static let knownCases: [Self] = [.nullValue]

  /// The case for `rawValue`.
  public init(rawValue: Int32) {
    self = rawValue == 0 ? .nullValue : .unrecognized(rawValue)
  }

  /// The wire number.
  public var rawValue: Int32 {
    switch self {
    case .nullValue: 0
    case .unrecognized(let v): v
    }
  }

  /// `NULL_VALUE`, or nil when unrecognized.
  public var protoName: String? {
    switch self {
    case .nullValue: "NULL_VALUE"
    case .unrecognized: nil
    }
  }

  /// The case named `protoName`.
  public init?(protoName: String) {
    guard protoName == "NULL_VALUE" else { return nil }
    self = .nullValue
  }

  /// `.nullValue`.
  public init() { self = .nullValue }
}
