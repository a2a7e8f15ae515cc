public import SluiceRuntime

/// Why a ``ReflectionIndex`` could not be built from the services' descriptors: the
/// generated schema data disagrees with itself, which is a set-up mistake.
public enum ReflectionIndexError: Error, Sendable, Hashable, CustomStringConvertible {
  /// A `FileDescriptorProto` of `service` does not decode, or has no file name.
  case malformedDescriptor(service: String, reason: ProtoDecodingError?)
  /// Two services bring different descriptors under the same file name.
  case conflictingFile(String)
  /// Two files declare the same fully-qualified name.
  case duplicateSymbol(String, files: [String])
  /// A file imports one whose descriptor no service brings.
  case missingDependency(file: String, dependency: String)

  /// A one-line explanation.
  public var description: String {
    switch self {
    case .malformedDescriptor(let service, let reason?):
      "a file descriptor of \(service) does not decode: \(reason)"
    case .malformedDescriptor(let service, nil):
      "a file descriptor of \(service) has no file name"
    case .conflictingFile(let name):
      "two different descriptors of file \(name)"
    case .duplicateSymbol(let symbol, let files):
      "\(symbol) is declared in \(files.joined(separator: " and "))"
    case .missingDependency(let file, let dependency):
      "\(file) imports \(dependency), whose descriptor no service provides"
    }
  }
}
