/// A parsed `message`.
struct MessageNode: Sendable {
  var name: String
  /// Where the name was written.
  var location: SourceLocation
  /// In declaration order; oneof members carry their oneof's index.
  var fields: [FieldNode] = []
  var oneofs: [OneofNode] = []
  var messages: [MessageNode] = []
  var enums: [EnumNode] = []
  var reservedRanges: [RangeNode] = []
  var reservedNames: [Located<String>] = []
  var options: [OptionValue] = []
  var comments = Comments()

  init(name: String, location: SourceLocation) {
    self.name = name
    self.location = location
  }
}

/// A `oneof` of a message; its members are in ``MessageNode/fields``.
struct OneofNode: Sendable {
  var name: String
  var location: SourceLocation
  var options: [OptionValue] = []
  var comments = Comments()
}

/// A reserved number range as written (`5`, `5 to 10`, `5 to max`), ends inclusive.
struct RangeNode: Hashable, Sendable {
  var lowerBound: Int64
  /// nil for `max`.
  var upperBound: Int64?
  var location: SourceLocation
}
