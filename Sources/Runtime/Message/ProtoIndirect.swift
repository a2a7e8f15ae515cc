/// Boxes an optional message field so that a message type may contain itself.
///
/// Generated code uses it only on singular message fields that close a cycle:
/// `@ProtoIndirect public var parent: Sluice_V1_Event? = nil`. The box is immutable;
/// assigning a new value replaces it, so copies never observe each other's changes.
@propertyWrapper
public struct ProtoIndirect<Wrapped: Hashable & Sendable>: Hashable, Sendable {
  /// Heap storage for one value.
  @usableFromInline
  final class Box: Sendable {
    @usableFromInline
    let value: Wrapped

    @inlinable
    init(_ value: Wrapped) { self.value = value }
  }

  @usableFromInline
  var box: Box?

  /// Creates the wrapper holding `wrappedValue` (no allocation for `nil`).
  @inlinable
  public init(wrappedValue: Wrapped?) {
    box = wrappedValue.map(Box.init)
  }

  /// The boxed value.
  @inlinable
  public var wrappedValue: Wrapped? {
    get { box?.value }
    set { box = newValue.map(Box.init) }
  }

  /// Compares the boxed values.
  @inlinable
  public static func == (lhs: Self, rhs: Self) -> Bool {
    lhs.box === rhs.box || lhs.wrappedValue == rhs.wrappedValue
  }

  /// Hashes the boxed value.
  @inlinable
  public func hash(into hasher: inout Hasher) {
    hasher.combine(wrappedValue)
  }
}
