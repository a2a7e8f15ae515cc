/// A parsed `service`.
struct ServiceNode: Sendable {
  var name: String
  var location: SourceLocation
  var methods: [MethodNode] = []
  var options: [OptionValue] = []
  var comments = Comments()

  init(name: String, location: SourceLocation) {
    self.name = name
    self.location = location
  }
}

/// An `rpc` of a service.
struct MethodNode: Sendable {
  /// The request or response part of an rpc: `(stream pkg.Type)`.
  struct Argument: Sendable {
    var typeName: String
    var location: SourceLocation
    var streaming: Bool
  }

  var name: String
  var location: SourceLocation
  var input: Argument
  var output: Argument
  var options: [OptionValue] = []
  /// Written with a `{ ... }` body rather than `;`.
  var hasBody = false
  var comments = Comments()
}
