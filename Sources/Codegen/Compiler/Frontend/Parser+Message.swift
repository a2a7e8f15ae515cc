extension Parser {
  /// `message Name { ... }`, at the `message` keyword.
  mutating func parseMessage() throws(Bail) -> MessageNode {
    let keyword = advance()
    if messageDepth >= Parser.maxMessageDepth {
      report("messages are nested too deeply (more than \(Parser.maxMessageDepth) levels)", at: keyword.location)
      throw Bail()
    }
    messageDepth += 1
    defer { messageDepth -= 1 }
    let name = try expectIdentifier("a message name")
    var message = MessageNode(name: name.value, location: name.location)
    message.comments = try endDeclaration("{")
    while !atSymbol("}") {
      if atEnd {
        reportUnclosed("message \"\(message.name)\"")
        return message
      }
      do {
        try parseMessageStatement(into: &message)
      } catch {
        skipStatement()
      }
    }
    takeEndOfDeclaration()
    return message
  }

  private mutating func parseMessageStatement(into message: inout MessageNode) throws(Bail) {
    if atSymbol(";") {
      takeEndOfDeclaration()
      return
    }
    switch current.kind == .identifier ? current.text : "" {
    case "message": message.messages.append(try parseMessage())
    case "enum": message.enums.append(try parseEnum())
    case "oneof": try parseOneof(into: &message)
    case "option": message.options.append(try parseOptionStatement())
    case "reserved":
      let reserved = try parseReserved(forEnum: false)
      message.reservedRanges += reserved.ranges
      message.reservedNames += reserved.names
    case "extensions":
      report("extension ranges are not allowed in proto3 (proto2 only)", at: current.location)
      throw Bail()
    case "extend":
      report("\"extend\" is not allowed in proto3 (extensions are proto2 only)", at: current.location)
      throw Bail()
    default:
      message.fields.append(try parseField(oneofIndex: nil))
    }
  }

  private mutating func parseOneof(into message: inout MessageNode) throws(Bail) {
    advance()
    let name = try expectIdentifier("a oneof name")
    let oneofIndex = message.oneofs.count
    var oneof = OneofNode(name: name.value, location: name.location)
    oneof.comments = try endDeclaration("{")
    var fieldCount = 0
    while !atSymbol("}") {
      if atEnd {
        reportUnclosed("oneof \"\(oneof.name)\"")
        message.oneofs.append(oneof)
        return
      }
      do {
        if atSymbol(";") {
          takeEndOfDeclaration()
        } else if at("option") {
          oneof.options.append(try parseOptionStatement())
        } else {
          message.fields.append(try parseField(oneofIndex: oneofIndex))
          fieldCount += 1
        }
      } catch {
        skipStatement()
      }
    }
    if fieldCount == 0 { report("oneof \"\(oneof.name)\" must have at least one field", at: name.location) }
    takeEndOfDeclaration()
    message.oneofs.append(oneof)
  }

  /// A field statement (`[label] type name = number [options];`), or a map field.
  private mutating func parseField(oneofIndex: Int?) throws(Bail) -> FieldNode {
    var label: Located<FieldNode.Label>?
    let labels: [String: FieldNode.Label] = ["optional": .optional, "repeated": .repeated, "required": .required]
    if current.kind == .identifier, let found = labels[current.text] {
      label = Located(found, at: current.location)
      if oneofIndex != nil {
        report("fields in a oneof cannot have a label (\"\(current.text)\")", at: current.location)
      } else if found == .required {
        report("\"required\" is not allowed in proto3 (proto2 only)", at: current.location)
      }
      advance()
    }
    let typeLocation = current.location
    let type: TypeNode
    if at("map") && peek(1).isSymbol("<") {
      if let label, oneofIndex == nil {
        report("map fields cannot have a label (\"\(labelKeyword(label.value))\")", at: label.location)
      }
      if oneofIndex != nil { report("map fields are not allowed in a oneof", at: typeLocation) }
      type = try parseMapType()
    } else if at("group") {
      report("groups are not allowed in proto3 (proto2 only)", at: typeLocation)
      throw Bail()
    } else {
      type = try parseTypeName().value
    }
    let name = try expectIdentifier("a field name")
    try expectSymbol("=")
    let number = try expectSignedInteger("a field number")
    var field = FieldNode(
      label: label, type: type, typeLocation: typeLocation, name: name.value,
      location: name.location, number: number.value, numberLocation: number.location,
      oneofIndex: oneofIndex)
    if atSymbol("[") { field.options = try parseFieldOptions() }
    field.comments = try endDeclaration(";")
    return field
  }

  private func labelKeyword(_ label: FieldNode.Label) -> String {
    switch label {
    case .optional: return "optional"
    case .repeated: return "repeated"
    case .required: return "required"
    }
  }

  /// `map<K, V>`, at `map`.
  private mutating func parseMapType() throws(Bail) -> TypeNode {
    advance()
    try expectSymbol("<")
    let key = try parseTypeName()
    try expectSymbol(",")
    if at("map") && peek(1).isSymbol("<") {
      report("map values cannot be maps", at: current.location)
      throw Bail()
    }
    let value = try parseTypeName()
    try expectSymbol(">")
    return .map(key: key, value: value)
  }

  /// A scalar type keyword or a (possibly qualified) message/enum name.
  mutating func parseTypeName() throws(Bail) -> Located<TypeNode> {
    if current.kind == .identifier, let scalar = ScalarType(rawValue: current.text) {
      let token = advance()
      return Located(.scalar(scalar), at: token.location)
    }
    let name = try expectDottedName("a type name", allowLeadingDot: true)
    return Located(.named(name.value), at: name.location)
  }

  /// `reserved 1, 2 to 5, 9 to max;` or `reserved "a", "b";`, at `reserved`.
  mutating func parseReserved(forEnum: Bool) throws(Bail) -> (ranges: [RangeNode], names: [Located<String>]) {
    advance()
    var ranges: [RangeNode] = []
    var names: [Located<String>] = []
    if current.kind == .string || (current.kind == .identifier && !at("max")) {
      repeat {
        let name: Located<String>
        if current.kind == .identifier {
          name = try expectIdentifier("a quoted name")
          report("reserved names must be quoted, as in \"\(name.value)\"", at: name.location)
        } else {
          let literal = try expectString("a quoted name")
          name = Located(String(decoding: literal.value, as: UTF8.self), at: literal.location)
          if !CharacterClass.isIdentifier(name.value) {
            report("reserved name \"\(name.value)\" is not a valid identifier", at: name.location)
          }
        }
        names.append(name)
      } while consumeSymbol(",")
    } else {
      repeat {
        let start = try expectSignedInteger(forEnum ? "an enum value number or range" : "a field number or range")
        var end: Int64? = start.value
        if at("to") {
          advance()
          if at("max") {
            advance()
            end = nil
          } else {
            end = try expectSignedInteger("a number or \"max\"").value
          }
        }
        ranges.append(RangeNode(lowerBound: start.value, upperBound: end, location: start.location))
      } while consumeSymbol(",")
    }
    _ = try endDeclaration(";")
    return (ranges, names)
  }
}
