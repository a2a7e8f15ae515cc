/// Every name declared by the files of a compilation, by full name (no leading dot),
/// as protoc's descriptor pool sees them: package components, messages (map entries
/// included), fields, oneofs, enums, enum values (siblings of their enum), services
/// and methods.
struct SymbolTable: Sendable {
  /// A declared name.
  struct Symbol: Sendable {
    /// What kind of declaration it is.
    enum Kind: Hashable, Sendable {
      case package, message, mapEntry, enumeration, enumValue, field, oneof, service, method

      /// Messages and enums: names a field type may refer to.
      var isType: Bool { self == .message || self == .mapEntry || self == .enumeration }

      /// Names that can contain other names (a dotted lookup may continue in them).
      var isAggregate: Bool {
        self == .package || self == .message || self == .mapEntry || self == .enumeration || self == .service
      }

      /// How diagnostics name the kind.
      var displayName: String {
        switch self {
        case .package: return "package"
        case .message: return "message"
        case .mapEntry: return "map entry"
        case .enumeration: return "enum"
        case .enumValue: return "enum value"
        case .field: return "field"
        case .oneof: return "oneof"
        case .service: return "service"
        case .method: return "method"
        }
      }
    }

    var kind: Kind
    /// Import name of the file that declared it (the first one, for packages).
    var file: String
  }

  private var symbols: [String: Symbol] = [:]
  /// Packages declared by each file: `a.b` declares `a` and `a.b`.
  private var packagesByFile: [String: Set<String>] = [:]

  /// The symbol with this full name.
  subscript(fullName: String) -> Symbol? { symbols[fullName] }

  /// Adds a symbol; returns the existing one instead when the name is taken.
  mutating func add(_ fullName: String, _ symbol: Symbol) -> Symbol? {
    if let existing = symbols[fullName] { return existing }
    symbols[fullName] = symbol
    return nil
  }

  /// Adds the components of a package; returns the first component already
  /// declared as something else, with that declaration.
  mutating func addPackage(_ package: String, file: String) -> (name: String, existing: Symbol)? {
    var prefix = ""
    for part in package.split(separator: ".") {
      prefix = prefix.isEmpty ? String(part) : prefix + "." + part
      packagesByFile[file, default: []].insert(prefix)
      if let existing = symbols[prefix] {
        if existing.kind != .package { return (prefix, existing) }
      } else {
        symbols[prefix] = Symbol(kind: .package, file: file)
      }
    }
    return nil
  }

  /// Whether `file` declares package `name` (or a package inside it).
  func file(_ file: String, declaresPackage name: String) -> Bool {
    packagesByFile[file]?.contains(name) ?? false
  }
}
