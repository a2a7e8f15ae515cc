/// Settings for binary decoding.
public struct ProtoDecodingOptions: Sendable {
  /// How many levels of nested messages (map entries and packed fields count as one
  /// level) may be entered below the top-level message. Default 100.
  public var recursionLimit: Int

  /// Drop unknown fields instead of keeping them in `unknownFields`. Default `false`.
  public var discardUnknownFields: Bool

  /// Creates options; the defaults match protobuf's reference implementations.
  @inlinable
  public init(recursionLimit: Int = 100, discardUnknownFields: Bool = false) {
    self.recursionLimit = recursionLimit
    self.discardUnknownFields = discardUnknownFields
  }
}
