/// A parsed `enum`.
struct EnumNode: Sendable {
  var name: String
  var location: SourceLocation
  var values: [EnumValueNode] = []
  var reservedRanges: [RangeNode] = []
  var reservedNames: [Located<String>] = []
  var options: [OptionValue] = []
  var comments = Comments()

  init(name: String, location: SourceLocation) {
    self.name = name
    self.location = location
  }
}

/// A value of an enum.
struct EnumValueNode: Sendable {
  var name: String
  var location: SourceLocation
  var number: Int64
  var numberLocation: SourceLocation
  var options: [OptionValue] = []
  var comments = Comments()
}
