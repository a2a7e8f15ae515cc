@testable import SluiceCodegen

/// Renders the types of a schema file as the emitter writes them, without the file
/// header, import, services and `_ProtoFile` enum: the unit of the per-construct goldens.
enum Snippet {
  static func render(
    _ file: FileDescriptor, imports: [FileDescriptor] = [], options: GeneratorOptions = .init(visibility: .public)
  ) throws -> String {
    let set = SchemaSet(files: imports + [file], requestedFiles: [file.name])
    let context = EmitterContext(set: set, naming: try SwiftNaming(set: set), options: options)
    var writer = SwiftWriter()
    FileEmitter(file: file, context: context, options: options, descriptorBytes: []).emitTypes(into: &writer)
    return String(writer.output.dropFirst())  // the leading empty line
  }
}
