/// A real oneof: a nested `enum OneOf_<Name>` with one case per member and an optional
/// property holding the set member. Members that close a cycle are `indirect` cases.
struct OneofEmitter {
  let descriptor: OneofDescriptor
  /// Unescaped property name.
  let propertyName: String
  /// The nested enum's name.
  let enumName: String
  /// The members in declaration order.
  let members: [FieldContext]

  private var storage: String { "self." + propertyName }

  /// The property (placed where the first member was written).
  func emitProperty(visibility: String, into writer: inout SwiftWriter) {
    writer.docComment(descriptor.comments)
    writer.line("\(visibility)var \(SwiftNaming.escaped(propertyName)): \(enumName)? = nil")
  }

  /// The nested enum.
  func emitEnum(visibility: String, into writer: inout SwiftWriter) {
    writer.docComment(descriptor.comments)
    writer.block("\(visibility)enum \(enumName): Hashable, Sendable") { body in
      for member in members {
        let notes = member.descriptor.isDeprecated ? [MessageEmitter.deprecationNote] : []
        body.docComment(member.descriptor.comments, notes: notes)
        let indirect = member.isBoxed ? "indirect " : ""
        body.line("\(indirect)case \(member.declaredName)(\(member.value.swiftType))")
      }
    }
  }

  /// Adds the set member's size.
  func emitSize(into writer: inout SwiftWriter) {
    writer.line("switch \(storage) {")
    for member in members {
      let size = member.value.size("v")
      let total = SizeTerm.sum([.constant(member.tagSize), size])
      if case .constant = size {
        writer.caseArm("case .\(member.name)?:", ["size += \(total)"])
      } else {
        writer.caseArm("case .\(member.name)(let v)?:", ["size += \(total)"])
      }
    }
    writer.line("case nil: break")
    writer.line("}")
  }

  /// Writes the set member if it is one of `group` (consecutive in field-number order).
  func emitEncode(group: [FieldContext], into writer: inout SwiftWriter) {
    emitSwitch(group: group, into: &writer) { member in
      ("(let v)", ["writer.writeTag(\(member.tag))", member.value.write("v")])
    }
  }

  /// A `switch` over the property with one arm per member of `group` (`if case` for a
  /// single member); `arm` gives a member's binding and statements.
  private func emitSwitch(
    group: [FieldContext], into writer: inout SwiftWriter,
    arm: (FieldContext) -> (binding: String, statements: [String])
  ) {
    if group.count == 1 {
      let (binding, statements) = arm(group[0])
      writer.compound("if case .\(group[0].name)\(binding)? = \(storage)", statements)
      return
    }
    writer.line("switch \(storage) {")
    for member in group {
      let (binding, statements) = arm(member)
      writer.caseArm("case .\(member.name)\(binding)?:", statements)
    }
    writer.line(group.count == members.count ? "case nil: break" : "default: break")
    writer.line("}")
  }

  /// The decoder's `case <tag>:` arm for a member.
  func emitDecodeCase(_ member: FieldContext, into writer: inout SwiftWriter) {
    if case .message(let swiftType, _) = member.value {
      writer.caseArm("case \(member.tag):", mergeStatements(member, swiftType: swiftType))
    } else {
      writer.caseArm(
        "case \(member.tag):", ["\(storage) = .\(member.name)(\(member.value.read(from: "reader")))"])
    }
  }

  /// Writes the set member's JSON member if it is one of `group`.
  func emitJSONEncode(group: [FieldContext], into writer: inout SwiftWriter) {
    emitSwitch(group: group, into: &writer) { member in
      (member.value.jsonWriteUsesValue ? "(let v)" : "", [member.jsonWriteKey, member.value.jsonWrite("v")])
    }
  }

  /// The local flag of `decodeJSONMerging` recording that a member was read from the
  /// current object: a second one is an error (`null` members do not count).
  var jsonSeenFlag: String { propertyName + "Seen" }

  /// The JSON decoder's `case "<key>":` arm for a member; `null` leaves the oneof as is
  /// (except for types whose `null` is a value).
  func emitJSONDecodeCase(_ member: FieldContext, into writer: inout SwiftWriter) {
    let once = ["if \(jsonSeenFlag) { throw JSONDecodingError.duplicateField(key) }", "\(jsonSeenFlag) = true"]
    member.emitJSONCaseLabel(into: &writer)
    writer.indented { body in
      switch member.value {
      case .message(let swiftType, let isJSONValue):
        if isJSONValue {
          body.lines(once + mergeStatements(member, swiftType: swiftType))
        } else {
          body.compound("if !reader.consumeNull()", once + mergeStatements(member, swiftType: swiftType))
        }
      case .enumeration(let swiftType, _, let isNullValue):
        let condition = isNullValue ? "" : "!reader.consumeNull(), "
        body.compound(
          "if \(condition)let e: \(swiftType) = try reader.readEnum()", once + ["\(storage) = .\(member.name)(e)"])
      case .scalar(let scalar):
        body.compound(
          "if !reader.consumeNull()", once + ["\(storage) = .\(member.name)(try reader.read\(scalar.jsonStem)())"])
      }
    }
  }

  /// Merges into the member's message when it is the one set, else starts a new one.
  private func mergeStatements(_ member: FieldContext, swiftType: String) -> [String] {
    [
      "var m = \(swiftType)()",
      "if case .\(member.name)(let existing)? = \(storage) { m = existing; \(storage) = nil }",
      "try reader.readMessage(into: &m)",
      "\(storage) = .\(member.name)(m)",
    ]
  }
}
