extension Checker {
  /// The outcome of looking up a name.
  enum Lookup {
    /// Found: the full name (no leading dot) and its symbol.
    case found(String, SymbolTable.Symbol)
    /// Not found; the diagnostic text explains why.
    case failed(String)
  }

  /// Looks `name` up as protoc does from a declaration inside `scope`: a leading
  /// `.` means fully qualified; otherwise the first component is searched from the
  /// innermost scope outwards, and once found the rest must exist inside it. With
  /// `typesOnly`, a simple name skips symbols that are not messages or enums.
  /// Only files visible from `context` are searched.
  func lookUp(_ name: String, scope: String, typesOnly: Bool, context: FileContext) -> Lookup {
    var hidden: (name: String, file: String)?
    if name.hasPrefix(".") {
      let fullName = String(name.dropFirst())
      if let symbol = find(fullName, context: context, hidden: &hidden) { return .found(fullName, symbol) }
      return .failed(notFound(name, hidden: hidden, resolvedTo: nil))
    }
    let firstPart = name.split(separator: ".", maxSplits: 1).first.map(String.init) ?? name
    let isCompound = firstPart.count < name.count
    var scopeParts = scope.split(separator: ".").map(String.init)
    while !scopeParts.isEmpty {
      let outer = scopeParts.joined(separator: ".")
      if let symbol = find(outer + "." + firstPart, context: context, hidden: &hidden) {
        if isCompound {
          if symbol.kind.isAggregate {
            let fullName = outer + "." + name
            if let resolved = find(fullName, context: context, hidden: &hidden) {
              return .found(fullName, resolved)
            }
            return .failed(notFound(name, hidden: hidden, resolvedTo: fullName))
          }
        } else if !typesOnly || symbol.kind.isType {
          return .found(outer + "." + firstPart, symbol)
        }
      }
      scopeParts.removeLast()
    }
    if let symbol = find(name, context: context, hidden: &hidden) { return .found(name, symbol) }
    return .failed(notFound(name, hidden: hidden, resolvedTo: nil))
  }

  /// The symbol named `fullName` if the file may see it; records a hit in a file
  /// it does not import in `hidden`.
  private func find(
    _ fullName: String, context: FileContext, hidden: inout (name: String, file: String)?
  ) -> SymbolTable.Symbol? {
    guard let symbol = symbols[fullName] else { return nil }
    if context.visibleFiles.contains(symbol.file) { return symbol }
    if symbol.kind == .package
      && context.visibleFiles.contains(where: { symbols.file($0, declaresPackage: fullName) })
    {
      return symbol
    }
    hidden = (fullName, symbol.file)
    return nil
  }

  private func notFound(_ name: String, hidden: (name: String, file: String)?, resolvedTo: String?) -> String {
    if let hidden {
      return "\"\(hidden.name)\" is defined in \"\(hidden.file)\", which is not imported here; add 'import \"\(hidden.file)\";'"
    }
    if let resolvedTo {
      return "\"\(name)\" resolves to \"\(resolvedTo)\", which is not defined (the innermost scope is searched first; write \".\(name)\" to start from the outermost scope)"
    }
    return "unknown type \"\(name)\""
  }

  /// Resolves a field's message or enum type.
  mutating func resolveFieldType(
    _ name: String, at location: SourceLocation, scope: String, context: FileContext
  ) -> FieldType? {
    switch lookUp(name, scope: scope, typesOnly: true, context: context) {
    case .failed(let message):
      report(message, at: location)
      return nil
    case .found(let fullName, let symbol):
      switch symbol.kind {
      case .message: return .message(fullName)
      case .enumeration: return .enumeration(fullName)
      case .mapEntry:
        report("\"\(name)\" is the entry type of a map field and cannot be used directly", at: location)
      default:
        report("\"\(name)\" is not a message or enum type (it is \(article(symbol.kind)))", at: location)
      }
      return nil
    }
  }

  /// Resolves a method's input or output type, which must be a message.
  mutating func resolveMessageType(
    _ name: String, at location: SourceLocation, scope: String, context: FileContext
  ) -> String? {
    if ScalarType(rawValue: name) != nil {
      report("\"\(name)\" is not a message type", at: location)
      return nil
    }
    switch lookUp(name, scope: scope, typesOnly: false, context: context) {
    case .failed(let message):
      report(message, at: location)
    case .found(let fullName, let symbol):
      if symbol.kind == .message { return fullName }
      report("\"\(name)\" is not a message type (it is \(article(symbol.kind)))", at: location)
    }
    return nil
  }

  private func article(_ kind: SymbolTable.Symbol.Kind) -> String {
    let name = kind.displayName
    return (name.first.map { "aeiou".contains($0) } ?? false ? "an " : "a ") + name
  }
}
