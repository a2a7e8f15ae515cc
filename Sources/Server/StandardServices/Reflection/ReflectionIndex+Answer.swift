internal import SluiceRuntime

extension ReflectionIndex {
  /// The answer to one request, as gRPC's reflection protocol defines it: the files
  /// asked for with their imports, the extension numbers, the service names, or an
  /// error (NOT_FOUND for an unknown name, INVALID_ARGUMENT for an empty request).
  func answer(_ query: ReflectionQuery) -> ReflectionAnswer {
    switch query {
    case .fileByFilename(let name):
      guard let files = files(named: name) else {
        return .error(.notFound, "file \"\(name)\" not found")
      }
      return .files(files)
    case .fileContainingSymbol(let symbol):
      guard let files = files(containingSymbol: symbol) else {
        return .error(.notFound, "symbol \"\(symbol)\" not found")
      }
      return .files(files)
    case .fileContainingExtension(let messageType, let number):
      guard let files = files(containingExtension: number, of: messageType) else {
        return .error(.notFound, "extension \(number) of \"\(messageType)\" not found")
      }
      return .files(files)
    case .allExtensionNumbersOfType(let messageType):
      guard let numbers = extensionNumbers(of: messageType) else {
        return .error(.notFound, "message type \"\(messageType)\" not found")
      }
      return .extensionNumbers(baseTypeName: messageType, numbers: numbers)
    case .listServices:
      return .services(serviceNames)
    case .empty:
      return .error(.invalidArgument, "the request asks nothing")
    }
  }
}
