/// Puts messages and enums, which the model keeps in separate lists, back in the order
/// they were written.
enum DeclarationOrder {
  /// The values sorted by location; ties keep their order.
  static func sorted<Value>(_ entries: [(SourceLocation, Value)]) -> [Value] {
    entries.enumerated()
      .sorted { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }
      .map(\.element.1)
  }
}
