extension Parser {
  /// `enum Name { ... }`, at the `enum` keyword.
  mutating func parseEnum() throws(Bail) -> EnumNode {
    advance()
    let name = try expectIdentifier("an enum name")
    var node = EnumNode(name: name.value, location: name.location)
    node.comments = try endDeclaration("{")
    while !atSymbol("}") {
      if atEnd {
        reportUnclosed("enum \"\(node.name)\"")
        return node
      }
      do {
        try parseEnumStatement(into: &node)
      } catch {
        skipStatement()
      }
    }
    takeEndOfDeclaration()
    return node
  }

  private mutating func parseEnumStatement(into node: inout EnumNode) throws(Bail) {
    if atSymbol(";") {
      takeEndOfDeclaration()
    } else if at("option") {
      node.options.append(try parseOptionStatement())
    } else if at("reserved") {
      let reserved = try parseReserved(forEnum: true)
      node.reservedRanges += reserved.ranges
      node.reservedNames += reserved.names
    } else {
      let name = try expectIdentifier("an enum value name")
      try expectSymbol("=")
      let number = try expectSignedInteger("an enum value number")
      var value = EnumValueNode(
        name: name.value, location: name.location, number: number.value,
        numberLocation: number.location)
      if atSymbol("[") { value.options = try parseFieldOptions() }
      value.comments = try endDeclaration(";")
      node.values.append(value)
    }
  }
}
