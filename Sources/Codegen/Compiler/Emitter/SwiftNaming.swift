/// Swift names of every message and enum of a schema set, following the rules of
/// `Docs/GeneratedCode.md` (package prefix or `swift_prefix`, nested types nested).
struct SwiftNaming {
  /// Full name (no leading dot) → qualified Swift name (`Sluice_V1_Event.Attribute`).
  private var qualifiedNames: [String: String] = [:]
  /// Full name → the name the type is declared with (`Attribute`).
  private var declaredNames: [String: String] = [:]
  /// Message full name → names of its oneof enums, nested messages and nested enums.
  private var nestedTypeNames: [String: Set<String>] = [:]

  /// Names every type of `set`; fails when two types of the requested files (or one of
  /// them and an imported one) would get the same top-level Swift name.
  init(set: SchemaSet) throws(CompilationFailure) {
    var owners: [String: (fullName: String, file: String)] = [:]
    var diagnostics: [Diagnostic] = []
    let requested = Set(set.requestedFiles)
    for file in set.files {
      let prefix = Self.typePrefix(of: file)
      let names = Self.siblingNames(
        messages: file.messages, enums: file.enums, reserved: prefix.isEmpty ? SwiftKeywords.generatedLocals : nil)
      for (message, name) in zip(file.messages, names.messages) {
        register(message, declaredAs: prefix + name, qualified: prefix + name)
      }
      for (descriptor, name) in zip(file.enums, names.enums) {
        declaredNames[descriptor.fullName] = prefix + name
        qualifiedNames[descriptor.fullName] = prefix + name
      }
      let declarations =
        file.messages.map { ($0.fullName, $0.location) } + file.enums.map { ($0.fullName, $0.location) }
      for (fullName, location) in declarations {
        let swiftName = qualifiedNames[fullName] ?? fullName
        if let owner = owners[swiftName] {
          if requested.contains(file.name) || requested.contains(owner.file) {
            diagnostics.append(Diagnostic(
              "Swift type name '\(swiftName)' of '\(fullName)' is already the name of '\(owner.fullName)'",
              at: location))
          }
        } else {
          owners[swiftName] = (fullName, file.name)
        }
      }
    }
    if !diagnostics.isEmpty { throw CompilationFailure(diagnostics) }
  }

  private mutating func register(_ message: MessageDescriptor, declaredAs name: String, qualified: String) {
    declaredNames[message.fullName] = name
    qualifiedNames[message.fullName] = qualified
    let oneofEnums = Set(message.oneofs.filter { !$0.isSynthetic }.map { Self.oneofEnumName($0.name) })
    let names = Self.siblingNames(messages: message.messages, enums: message.enums, reserved: oneofEnums)
    for (nested, nestedName) in zip(message.messages, names.messages) {
      register(nested, declaredAs: nestedName, qualified: qualified + "." + nestedName)
    }
    for (nested, nestedName) in zip(message.enums, names.enums) {
      declaredNames[nested.fullName] = nestedName
      qualifiedNames[nested.fullName] = qualified + "." + nestedName
    }
    nestedTypeNames[message.fullName] = oneofEnums.union(names.messages).union(names.enums)
  }

  /// The qualified Swift name of a message or enum (full name without leading dot); the
  /// full name itself when the set does not declare it.
  func typeName(_ fullName: String) -> String { qualifiedNames[fullName] ?? fullName }

  /// The name a message or enum is declared with inside its parent.
  func declaredName(_ fullName: String) -> String { declaredNames[fullName] ?? fullName }

  /// Names of the types nested in a message (oneof enums included).
  func nestedTypeNames(of messageFullName: String) -> Set<String> {
    nestedTypeNames[messageFullName] ?? []
  }

  /// The prefix of a file's top-level types: `swift_prefix` when set, else the package's
  /// parts UpperCamelCased and joined by `_`, plus `_` (`sluice.v1` → `Sluice_V1_`).
  static func typePrefix(of file: FileDescriptor) -> String {
    if let option = file.options.last(where: { $0.name == "swift_prefix" }),
      case .string(let bytes) = option.value
    {
      return String(decoding: bytes, as: UTF8.self)
    }
    guard !file.package.isEmpty else { return "" }
    return file.package.split(separator: ".").map { upperCamelCase(String($0)) }.joined(separator: "_") + "_"
  }

  /// Declared names of sibling messages and enums. With `reserved` non-nil (unprefixed
  /// scopes), names that are reserved (or in `reserved`) get `Message`/`Enum` appended,
  /// again until unique among the siblings.
  static func siblingNames(
    messages: [MessageDescriptor], enums: [EnumDescriptor], reserved: Set<String>?
  ) -> (messages: [String], enums: [String]) {
    guard let reserved else { return (messages.map(\.name), enums.map(\.name)) }
    let isReserved = { (name: String) in
      SwiftKeywords.reservedTypeNames.contains(name) || reserved.contains(name)
    }
    var taken = reserved.union(SwiftKeywords.reservedTypeNames)
    for name in messages.map(\.name) + enums.map(\.name) where !isReserved(name) { taken.insert(name) }
    func resolve(_ name: String, suffix: String) -> String {
      guard isReserved(name) else { return name }
      let resolved = unique(name + suffix, suffix: suffix, avoiding: taken)
      taken.insert(resolved)
      return resolved
    }
    return (messages.map { resolve($0.name, suffix: "Message") }, enums.map { resolve($0.name, suffix: "Enum") })
  }

  /// `OneOf_` and the oneof's name UpperCamelCased.
  static func oneofEnumName(_ oneofName: String) -> String { "OneOf_" + upperCamelCase(oneofName) }

  /// The file's `_ProtoFile` enum: `sluice/v1/ingest.proto` → `Sluice_V1_Ingest_ProtoFile`.
  static func fileEnumName(_ fileName: String) -> String {
    let base = fileName.hasSuffix(".proto") ? String(fileName.dropLast(".proto".count)) : fileName
    var parts = base.split(separator: "/").map { upperCamelWords(String($0)) }.filter { !$0.isEmpty }
    if let first = parts.first, first.first?.isASCIIDigit == true { parts[0] = "_" + first }
    return (parts + ["ProtoFile"]).joined(separator: "_")
  }
}
