/// Settings for proto3 JSON decoding.
public struct JSONDecodingOptions: Sendable {
  /// Skip object keys that name no field (and enum names no value has) instead of
  /// failing. Default `false`.
  public var ignoreUnknownFields: Bool

  /// How deeply JSON objects and arrays may nest. Default 100.
  public var recursionLimit: Int

  /// The message types `google.protobuf.Any` may contain.
  public var typeRegistry: ProtoTypeRegistry

  /// Creates options; by default unknown fields are errors and `Any` knows only the
  /// well-known types.
  public init(
    ignoreUnknownFields: Bool = false,
    recursionLimit: Int = 100,
    typeRegistry: ProtoTypeRegistry = .wellKnownTypes
  ) {
    self.ignoreUnknownFields = ignoreUnknownFields
    self.recursionLimit = recursionLimit
    self.typeRegistry = typeRegistry
  }
}
