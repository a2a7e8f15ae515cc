extension Checker {
  /// A name declared directly in one scope, for registration in source order.
  private struct Declaration {
    var name: String
    var kind: SymbolTable.Symbol.Kind
    var location: SourceLocation
    /// For map entries: the map field's name.
    var mapField: String? = nil
  }

  /// Registers every name `file` declares, reporting names declared twice.
  mutating func register(_ file: SchemaLoader.LoadedFile) {
    let node = file.node
    let package = node.package?.value ?? ""
    if let declared = node.package,
      let conflict = symbols.addPackage(declared.value, file: file.name)
    {
      report(
        "package \"\(declared.value)\" conflicts with \(conflict.existing.kind.displayName) \"\(conflict.name)\" in \"\(conflict.existing.file)\"",
        at: declared.location)
    }
    var declarations: [Declaration] = []
    declarations += node.messages.map { Declaration(name: $0.name, kind: .message, location: $0.location) }
    declarations += node.enums.flatMap(enumDeclarations)
    declarations += node.services.map { Declaration(name: $0.name, kind: .service, location: $0.location) }
    add(declarations, scope: package, file: file.name)
    for service in node.services {
      add(
        service.methods.map { Declaration(name: $0.name, kind: .method, location: $0.location) },
        scope: Checker.qualify(service.name, in: package), file: file.name)
    }
    for message in node.messages { register(message, scope: package, file: file.name) }
  }

  private mutating func register(_ message: MessageNode, scope: String, file: String) {
    let fullName = Checker.qualify(message.name, in: scope)
    var declarations: [Declaration] = []
    for field in message.fields {
      declarations.append(Declaration(name: field.name, kind: .field, location: field.location))
      if case .map = field.type {
        declarations.append(
          Declaration(
            name: ProtoNaming.mapEntryName(for: field.name), kind: .mapEntry,
            location: field.location, mapField: field.name))
      }
    }
    declarations += message.oneofs.map { Declaration(name: $0.name, kind: .oneof, location: $0.location) }
    declarations += message.messages.map { Declaration(name: $0.name, kind: .message, location: $0.location) }
    declarations += message.enums.flatMap(enumDeclarations)
    add(declarations, scope: fullName, file: file)
    for nested in message.messages { register(nested, scope: fullName, file: file) }
  }

  /// An enum and its values, which live beside it (C++ scoping).
  private func enumDeclarations(_ node: EnumNode) -> [Declaration] {
    [Declaration(name: node.name, kind: .enumeration, location: node.location)]
      + node.values.map { Declaration(name: $0.name, kind: .enumValue, location: $0.location) }
  }

  private mutating func add(_ declarations: [Declaration], scope: String, file: String) {
    for declaration in declarations.sorted(by: { $0.location < $1.location }) {
      let fullName = Checker.qualify(declaration.name, in: scope)
      guard let existing = symbols.add(fullName, .init(kind: declaration.kind, file: file)) else {
        if let mapField = declaration.mapField { mapEntryFields[fullName] = mapField }
        continue
      }
      report(duplicateMessage(declaration, fullName: fullName, scope: scope, existing: existing, file: file),
             at: declaration.location)
    }
  }

  private func duplicateMessage(
    _ declaration: Declaration, fullName: String, scope: String, existing: SymbolTable.Symbol, file: String
  ) -> String {
    if existing.file != file {
      return "\"\(fullName)\" is already defined in file \"\(existing.file)\""
    }
    var message = scope.isEmpty
      ? "\"\(declaration.name)\" is already defined"
      : "\"\(declaration.name)\" is already defined in \"\(scope)\""
    if let mapField = declaration.mapField {
      message = "map field \"\(mapField)\" needs the name \"\(declaration.name)\" for its entry type, but "
        + message
    } else if existing.kind == .mapEntry, let mapField = mapEntryFields[fullName] {
      message += " as the entry type of map field \"\(mapField)\""
    }
    if declaration.kind == .enumValue || existing.kind == .enumValue {
      message += " (enum values are siblings of their enum, not members of it)"
    }
    return message
  }
}
