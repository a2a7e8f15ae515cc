extension Parser {
  /// `service Name { ... }`, at the `service` keyword.
  mutating func parseService() throws(Bail) -> ServiceNode {
    advance()
    let name = try expectIdentifier("a service name")
    var service = ServiceNode(name: name.value, location: name.location)
    service.comments = try endDeclaration("{")
    while !atSymbol("}") {
      if atEnd {
        reportUnclosed("service \"\(service.name)\"")
        return service
      }
      do {
        if atSymbol(";") {
          takeEndOfDeclaration()
        } else if at("option") {
          service.options.append(try parseOptionStatement())
        } else if at("rpc") {
          service.methods.append(try parseMethod())
        } else {
          throw expected("\"rpc\" or \"option\"")
        }
      } catch {
        skipStatement()
      }
    }
    takeEndOfDeclaration()
    return service
  }

  /// `rpc Name (stream In) returns (stream Out) { ... }` or `... ;`, at `rpc`.
  private mutating func parseMethod() throws(Bail) -> MethodNode {
    advance()
    let name = try expectIdentifier("a method name")
    let input = try parseMethodArgument()
    guard at("returns") else { throw expected("\"returns\"") }
    advance()
    let output = try parseMethodArgument()
    var method = MethodNode(name: name.value, location: name.location, input: input, output: output)
    if atSymbol("{") {
      method.hasBody = true
      method.comments = takeEndOfDeclaration()
      while !atSymbol("}") {
        if atEnd {
          reportUnclosed("rpc \"\(method.name)\"")
          return method
        }
        do {
          if atSymbol(";") {
            takeEndOfDeclaration()
          } else if at("option") {
            method.options.append(try parseOptionStatement())
          } else {
            throw expected("\"option\" or \"}\"")
          }
        } catch {
          skipStatement()
        }
      }
      takeEndOfDeclaration()
    } else {
      method.comments = try endDeclaration(";")
    }
    return method
  }

  private mutating func parseMethodArgument() throws(Bail) -> MethodNode.Argument {
    try expectSymbol("(")
    var streaming = false
    if at("stream") && (peek(1).kind == .identifier || peek(1).isSymbol(".")) {
      advance()
      streaming = true
    }
    let type = try parseTypeName()
    try expectSymbol(")")
    return MethodNode.Argument(typeName: type.value.spelling, location: type.location, streaming: streaming)
  }
}
