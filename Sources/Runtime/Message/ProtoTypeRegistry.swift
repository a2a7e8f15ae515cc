/// A set of message types looked up by their fully qualified protobuf name; it tells
/// `google.protobuf.Any`'s JSON form which type a type URL names.
public struct ProtoTypeRegistry: Sendable {
  @usableFromInline
  let types: [String: any ProtoMessage.Type]

  /// Creates a registry holding the well-known types plus `types`.
  public init(_ types: [any ProtoMessage.Type] = []) {
    var table: [String: any ProtoMessage.Type] = [:]
    for type in WellKnownTypes.messageTypes { table[type.protoMessageName] = type }
    for type in types { table[type.protoMessageName] = type }
    self.types = table
  }

  /// A registry that knows only the well-known types.
  public static let wellKnownTypes = ProtoTypeRegistry()

  /// A registry holding this registry's types plus `types`.
  public func adding(_ types: [any ProtoMessage.Type]) -> ProtoTypeRegistry {
    ProtoTypeRegistry(Array(self.types.values) + types)
  }

  /// The type whose `protoMessageName` is `name`, or nil.
  public func messageType(named name: String) -> (any ProtoMessage.Type)? {
    types[name]
  }

  /// The type a type URL names: the part after its last `/`, or nil.
  public func messageType(forTypeURL url: String) -> (any ProtoMessage.Type)? {
    types[ProtoTypeRegistry.messageName(fromTypeURL: url)]
  }

  /// The message name inside a type URL: everything after the last `/`.
  static func messageName(fromTypeURL url: String) -> String {
    guard let slash = url.utf8.lastIndex(of: UInt8(ascii: "/")) else { return url }
    return String(url[url.utf8.index(after: slash)...])
  }
}
