public import SluiceRuntime

/// The schema files of a server's services, indexed for gRPC server reflection: files
/// by name, the file declaring each fully-qualified name, and extensions by the message
/// they extend. Built from ``ServiceDescriptor/fileDescriptorProtos`` (such as an
/// `RPCRouter`'s `services`), it is an immutable value that the reflection services of
/// both protocol versions share.
///
/// Every lookup that finds a file answers it together with every file it imports,
/// directly or not: the file asked for first, each file once, as the encoded
/// `FileDescriptorProto` bytes the services came with.
public struct ReflectionIndex: Sendable {
  private typealias SymbolKind = FileDescriptorSummary.SymbolKind
  private typealias ExtensionKey = FileDescriptorSummary.ExtensionKey

  private struct File: Sendable {
    var summary: FileDescriptorSummary
    var bytes: [UInt8]
  }

  private struct Declaration: Sendable {
    var file: Int
    var kind: SymbolKind
  }

  /// The full names of the services, in the order given.
  public let serviceNames: [String]
  private let files: [File]
  private let filesByName: [String: Int]
  private let declarations: [String: Declaration]
  private let extensionFiles: [ExtensionKey: Int]
  private let extensionNumbersByType: [String: [Int32]]

  /// An index of the files of `services`. Services named twice count once; a file that
  /// several services bring is indexed once.
  /// - Throws: ``ReflectionIndexError`` when a descriptor does not decode, two files
  ///   share a name or a declaration, or a file's import is missing.
  public init(services: [ServiceDescriptor]) throws(ReflectionIndexError) {
    var serviceNames: [String] = []
    var files: [File] = []
    var filesByName: [String: Int] = [:]
    for service in services where !serviceNames.contains(service.fullName) {
      serviceNames.append(service.fullName)
      for bytes in service.fileDescriptorProtos {
        let summary: FileDescriptorSummary
        do {
          summary = try FileDescriptorSummary(parsing: bytes)
        } catch {
          throw .malformedDescriptor(service: service.fullName, reason: error)
        }
        guard !summary.name.isEmpty else {
          throw .malformedDescriptor(service: service.fullName, reason: nil)
        }
        if let known = filesByName[summary.name] {
          guard files[known].bytes == bytes else { throw .conflictingFile(summary.name) }
          continue
        }
        filesByName[summary.name] = files.count
        files.append(File(summary: summary, bytes: bytes))
      }
    }

    var declarations: [String: Declaration] = [:]
    var extensionFiles: [ExtensionKey: Int] = [:]
    var extensionNumbersByType: [String: [Int32]] = [:]
    for (index, file) in files.enumerated() {
      for dependency in file.summary.dependencies where filesByName[dependency] == nil {
        throw .missingDependency(file: file.summary.name, dependency: dependency)
      }
      for symbol in file.summary.symbols {
        if let earlier = declarations[symbol.name] {
          guard earlier.file == index else {
            throw .duplicateSymbol(
              symbol.name, files: [files[earlier.file].summary.name, file.summary.name])
          }
          continue
        }
        declarations[symbol.name] = Declaration(file: index, kind: symbol.kind)
      }
      for key in file.summary.extensions {
        extensionFiles[key] = index
        extensionNumbersByType[key.extendee, default: []].append(key.number)
      }
    }

    self.serviceNames = serviceNames
    self.files = files
    self.filesByName = filesByName
    self.declarations = declarations
    self.extensionFiles = extensionFiles
    self.extensionNumbersByType = extensionNumbersByType.mapValues { $0.sorted() }
  }

  /// The names of every indexed file, in the order the services brought them.
  public var fileNames: [String] { files.map(\.summary.name) }

  /// The file named `name` (such as `grpc/health/v1/health.proto`) and its imports, or
  /// nil when no service brought it.
  public func files(named name: String) -> [[UInt8]]? {
    filesByName[name].map(withDependencies)
  }

  /// The file declaring `symbol` and its imports, or nil when none does. `symbol` is a
  /// fully-qualified name without a leading dot: a service, method, message (nested
  /// ones too), field, oneof, enum, enum value (named beside its enum, as in
  /// `pkg.Color` and `pkg.RED`) or extension.
  public func files(containingSymbol symbol: String) -> [[UInt8]]? {
    declarations[symbol].map { withDependencies($0.file) }
  }

  /// The file declaring extension field `number` of `messageType` (fully qualified) and
  /// its imports, or nil when there is no such extension.
  public func files(containingExtension number: Int32, of messageType: String) -> [[UInt8]]? {
    extensionFiles[ExtensionKey(extendee: messageType, number: number)].map(withDependencies)
  }

  /// The field numbers of every extension of `messageType` (fully qualified), in
  /// ascending order (empty for a message nothing extends), or nil when `messageType`
  /// is not a message of the index.
  public func extensionNumbers(of messageType: String) -> [Int32]? {
    guard declarations[messageType]?.kind == .message else { return nil }
    return extensionNumbersByType[messageType] ?? []
  }

  /// File `index` first, then the files it imports, breadth first, each once.
  private func withDependencies(_ index: Int) -> [[UInt8]] {
    var order = [index]
    var seen: Set<Int> = [index]
    var next = 0
    while next < order.count {
      for dependency in files[order[next]].summary.dependencies {
        // Every import was checked to be indexed when the index was built.
        if let file = filesByName[dependency], seen.insert(file).inserted {
          order.append(file)
        }
      }
      next += 1
    }
    return order.map { files[$0].bytes }
  }
}
