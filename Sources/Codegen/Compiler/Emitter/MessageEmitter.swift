/// Emits a message: the struct declaration (fields, oneof enums, nested types) and an
/// extension with its binary and JSON coding.
struct MessageEmitter {
  /// Doc-comment note for declarations deprecated in the schema that cannot carry
  /// `@available(*, deprecated)` without making generated code warn.
  static let deprecationNote = "- Note: Deprecated in the schema."

  /// A field or a oneof member, in field-number order.
  enum Item {
    case field(any FieldEmitter)
    case oneofMember(oneof: Int, member: FieldContext)

    var number: Int32 {
      switch self {
      case .field(let emitter): return emitter.field.descriptor.number
      case .oneofMember(_, let member): return member.descriptor.number
      }
    }
  }

  let descriptor: MessageDescriptor
  let context: EmitterContext
  /// Qualified Swift name.
  let swiftName: String
  /// Name in the declaration.
  let declaredName: String
  /// Real oneofs, indexed as ``Item/oneofMember(oneof:member:)`` refers to them.
  let oneofs: [OneofEmitter]
  /// Fields and oneof members in declaration order.
  let declarationItems: [Item]
  /// The same, sorted by field number.
  let items: [Item]

  /// Resolves names, codings and boxing of every member.
  init(_ descriptor: MessageDescriptor, context: EmitterContext) {
    self.descriptor = descriptor
    self.context = context
    let naming = context.naming
    swiftName = naming.typeName(descriptor.fullName)
    declaredName = naming.declaredName(descriptor.fullName)
    let names = SwiftNaming.memberNames(
      of: descriptor, nestedTypeNames: naming.nestedTypeNames(of: descriptor.fullName))

    var oneofIndexes: [Int: Int] = [:]  // descriptor oneof index → emitter index
    var oneofMembers: [[FieldContext]] = []
    var declarationItems: [Item] = []
    for field in descriptor.fields {
      var mapKey: ValueCoding?
      if case .map(let key, _) = field.type { mapKey = .scalar(key) }
      let resolved = FieldContext(
        descriptor: field, name: names.fields[field.number] ?? field.name,
        isBoxed: context.recursion.needsBox(field, in: descriptor.fullName),
        value: ValueCoding(field.type, naming: naming, set: context.set), mapKey: mapKey)
      if let index = field.oneofIndex, let oneof = descriptor.oneofs[safe: index], !oneof.isSynthetic {
        let emitterIndex = oneofIndexes[index] ?? oneofMembers.count
        if emitterIndex == oneofMembers.count {
          oneofIndexes[index] = emitterIndex
          oneofMembers.append([])
        }
        oneofMembers[emitterIndex].append(resolved)
        declarationItems.append(.oneofMember(oneof: emitterIndex, member: resolved))
      } else {
        declarationItems.append(.field(makeFieldEmitter(resolved)))
      }
    }
    let descriptorIndexes = oneofIndexes.sorted { $0.value < $1.value }.map(\.key)
    oneofs = zip(descriptorIndexes, oneofMembers).map { index, members in
      OneofEmitter(
        descriptor: descriptor.oneofs[index], propertyName: names.oneofs[index] ?? "oneof\(index)",
        enumName: SwiftNaming.oneofEnumName(descriptor.oneofs[index].name), members: members)
    }
    self.declarationItems = declarationItems
    items = declarationItems.sorted { $0.number < $1.number }
  }

  /// Writes the struct with its nested declarations.
  func emitDeclaration(into writer: inout SwiftWriter) {
    let visibility = context.visibility
    writer.docComment(descriptor.comments, notes: descriptor.isDeprecated ? [Self.deprecationNote] : [])
    writer.block("\(visibility)struct \(declaredName): ProtoMessage") { body in
      body.line("\(visibility)static let protoMessageName = \(SwiftLiteral.string(descriptor.fullName))")
      body.line("")
      var declaredOneofs: Set<Int> = []
      var previousWasLong = false
      for item in declarationItems {
        var declaration = SwiftWriter()
        switch item {
        case .field(let emitter):
          emitter.emitDeclaration(visibility: visibility, into: &declaration)
        case .oneofMember(let oneof, _):
          guard declaredOneofs.insert(oneof).inserted else { continue }
          oneofs[oneof].emitProperty(visibility: visibility, into: &declaration)
        }
        let lines = declaration.lineList
        let isLong = lines.count > 1
        if isLong || previousWasLong { body.blankLine() }
        body.lines(lines)
        previousWasLong = isLong
      }
      body.blankLine()
      body.line("\(visibility)var unknownFields = UnknownFields()")
      body.line("")
      body.line("\(visibility)init() {}")
      for oneof in oneofs {
        body.line("")
        oneof.emitEnum(visibility: visibility, into: &body)
      }
      for nested in nestedDeclarations {
        body.line("")
        nested(&body)
      }
    }
  }

  /// Writes the coding extension of this message, then those of nested messages.
  func emitImplementation(into writer: inout SwiftWriter) {
    writer.block("extension \(swiftName)") { body in
      emitSerializedSize(into: &body)
      body.line("")
      emitEncode(into: &body)
      body.line("")
      emitDecode(into: &body)
      body.line("")
      emitEncodeJSON(into: &body)
      body.line("")
      emitDecodeJSON(into: &body)
    }
    for nested in descriptor.messages {
      writer.line("")
      MessageEmitter(nested, context: context).emitImplementation(into: &writer)
    }
  }

  /// Nested enums and messages in declaration order.
  private var nestedDeclarations: [(inout SwiftWriter) -> Void] {
    let enums = descriptor.enums.map { nested in
      (nested.location, { (writer: inout SwiftWriter) in
        EnumEmitter(nested, context: context).emit(into: &writer)
      })
    }
    let messages = descriptor.messages.map { nested in
      (nested.location, { (writer: inout SwiftWriter) in
        MessageEmitter(nested, context: context).emitDeclaration(into: &writer)
      })
    }
    return DeclarationOrder.sorted(enums + messages)
  }

  /// Items in field-number order with consecutive members of one oneof grouped.
  var numberOrderGroups: [(oneof: Int?, items: [Item])] {
    var groups: [(oneof: Int?, items: [Item])] = []
    for item in items {
      if case .oneofMember(let oneof, _) = item, let last = groups.last, last.oneof == oneof {
        groups[groups.count - 1].items.append(item)
      } else if case .oneofMember(let oneof, _) = item {
        groups.append((oneof, [item]))
      } else {
        groups.append((nil, [item]))
      }
    }
    return groups
  }
}

extension Array {
  subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
