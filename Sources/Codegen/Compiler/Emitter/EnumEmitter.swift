/// Emits an open proto3 enum: one case per distinct number, `unrecognized(Int32)` for the
/// rest, aliases as static constants, and the `ProtoEnum` members.
struct EnumEmitter {
  let descriptor: EnumDescriptor
  let context: EmitterContext

  /// Index-aligned with the descriptor's values.
  private let caseNames: [String]
  /// Indexes of values that are the first with their number (the cases).
  private let primaryIndexes: [Int]
  /// Number → case name (of the first value with that number).
  private let caseByNumber: [Int32: String]

  init(_ descriptor: EnumDescriptor, context: EmitterContext) {
    self.descriptor = descriptor
    self.context = context
    caseNames = SwiftNaming.enumCaseNames(descriptor)
    var seen: [Int32: String] = [:]
    var primaries: [Int] = []
    for (index, value) in descriptor.values.enumerated() where seen[value.number] == nil {
      seen[value.number] = caseNames[index]
      primaries.append(index)
    }
    primaryIndexes = primaries
    caseByNumber = seen
  }

  func emit(into writer: inout SwiftWriter) {
    let visibility = context.visibility
    let name = context.naming.declaredName(descriptor.fullName)
    writer.docComment(descriptor.comments, notes: descriptor.isDeprecated ? [MessageEmitter.deprecationNote] : [])
    writer.block("\(visibility)enum \(name): ProtoEnum") { body in
      for index in primaryIndexes {
        let value = descriptor.values[index]
        body.docComment(value.comments, notes: value.isDeprecated ? [MessageEmitter.deprecationNote] : [])
        body.line("case \(SwiftNaming.escaped(caseNames[index]))  // \(value.name) = \(value.number)")
      }
      body.line("/// A number the schema does not name (proto3 enums are open).")
      body.line("case unrecognized(Int32)")
      body.line("")
      body.line("\(visibility)static let protoEnumName = \(SwiftLiteral.string(descriptor.fullName))")
      let known = primaryIndexes.map { "." + caseNames[$0] }
      body.list("\(visibility)static let knownCases: [Self] = [", known, "]")
      emitAliases(into: &body)
      body.line("")
      emitInitializers(into: &body)
      body.line("")
      emitRawValue(into: &body)
      body.line("")
      emitProtoName(into: &body)
      body.line("")
      emitInitFromProtoName(into: &body)
    }
  }

  private func emitAliases(into writer: inout SwiftWriter) {
    let primaries = Set(primaryIndexes)
    for (index, value) in descriptor.values.enumerated() where !primaries.contains(index) {
      let target = caseByNumber[value.number] ?? caseNames[index]
      writer.docComment(value.comments, notes: value.isDeprecated ? [MessageEmitter.deprecationNote] : [])
      writer.line(
        "\(context.visibility)static let \(SwiftNaming.escaped(caseNames[index])): Self = .\(target)"
          + "  // \(value.name) = \(value.number)")
    }
  }

  private func emitInitializers(into writer: inout SwiftWriter) {
    let visibility = context.visibility
    let zero = caseByNumber[0].map { "." + $0 } ?? ".unrecognized(0)"
    writer.line("\(visibility)init() { self = \(zero) }")
    writer.line("")
    writer.block("\(visibility)init(rawValue: Int32)") { body in
      body.line("switch rawValue {")
      for index in primaryIndexes {
        body.line("case \(descriptor.values[index].number): self = .\(caseNames[index])")
      }
      body.line("default: self = .unrecognized(rawValue)")
      body.line("}")
    }
  }

  private func emitRawValue(into writer: inout SwiftWriter) {
    writer.block("\(context.visibility)var rawValue: Int32") { body in
      body.line("switch self {")
      for index in primaryIndexes {
        body.line("case .\(caseNames[index]): \(descriptor.values[index].number)")
      }
      body.line("case .unrecognized(let number): number")
      body.line("}")
    }
  }

  private func emitProtoName(into writer: inout SwiftWriter) {
    writer.block("\(context.visibility)var protoName: String?") { body in
      body.line("switch self {")
      for index in primaryIndexes {
        body.line("case .\(caseNames[index]): \(SwiftLiteral.string(descriptor.values[index].name))")
      }
      body.line("case .unrecognized: nil")
      body.line("}")
    }
  }

  private func emitInitFromProtoName(into writer: inout SwiftWriter) {
    writer.block("\(context.visibility)init?(protoName: String)") { body in
      body.line("switch protoName {")
      for index in primaryIndexes {
        let number = descriptor.values[index].number
        let names = descriptor.values.filter { $0.number == number }.map { SwiftLiteral.string($0.name) }
        body.line("case \(names.joined(separator: ", ")): self = .\(caseNames[index])")
      }
      body.line("default: return nil")
      body.line("}")
    }
  }
}
