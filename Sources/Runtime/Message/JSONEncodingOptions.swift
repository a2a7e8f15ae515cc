/// Settings for proto3 JSON encoding.
public struct JSONEncodingOptions: Sendable {
  /// Write implicit-presence fields even when they hold their default value.
  public var emitDefaultValues: Bool

  /// Use the schema's field names (`event_id`) as keys instead of JSON names (`eventId`).
  public var useProtoFieldNames: Bool

  /// Write enum values as numbers instead of names.
  public var enumsAsIntegers: Bool

  /// The message types `google.protobuf.Any` may contain.
  public var typeRegistry: ProtoTypeRegistry

  /// Creates options; by default output is canonical proto3 JSON.
  public init(
    emitDefaultValues: Bool = false,
    useProtoFieldNames: Bool = false,
    enumsAsIntegers: Bool = false,
    typeRegistry: ProtoTypeRegistry = .wellKnownTypes
  ) {
    self.emitDefaultValues = emitDefaultValues
    self.useProtoFieldNames = useProtoFieldNames
    self.enumsAsIntegers = enumsAsIntegers
    self.typeRegistry = typeRegistry
  }
}
