/// A proto3 (open) enum: every `Int32` is representable, values without a case are
/// kept as `unrecognized`.
public protocol ProtoEnum: Sendable, Hashable {
  /// The value whose number is 0 (proto3's default).
  init()

  /// The case for `rawValue`, or `unrecognized(rawValue)` when no case has that number.
  init(rawValue: Int32)

  /// The number of this value on the wire.
  var rawValue: Int32 { get }

  /// The fully qualified protobuf name, such as `sluice.v1.Kind`.
  static var protoEnumName: String { get }

  /// Every declared case in declaration order (aliases excluded).
  static var knownCases: [Self] { get }

  /// The value's name as written in the schema (used by JSON), or nil when unrecognized.
  var protoName: String? { get }

  /// The value with the schema name `protoName` (aliases included), or nil.
  init?(protoName: String)
}
