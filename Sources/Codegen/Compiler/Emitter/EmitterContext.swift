/// What every construct's emitter needs to know about the whole generation.
struct EmitterContext {
  /// The schema set being generated.
  let set: SchemaSet
  /// Swift names of every type.
  let naming: SwiftNaming
  /// Which fields are boxed.
  let recursion: RecursionAnalysis
  /// The access keyword with its trailing space (`public `), empty for internal.
  let visibility: String

  /// Creates a context.
  init(set: SchemaSet, naming: SwiftNaming, options: GeneratorOptions) {
    self.set = set
    self.naming = naming
    self.recursion = RecursionAnalysis(set: set)
    switch options.visibility {
    case .public: visibility = "public "
    case .internal: visibility = ""
    case .package: visibility = "package "
    }
  }
}
