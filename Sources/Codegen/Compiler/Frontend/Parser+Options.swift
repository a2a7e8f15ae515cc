extension Parser {
  /// `option name = value;`, at `option`.
  mutating func parseOptionStatement() throws(Bail) -> OptionValue {
    advance()
    let option = try parseOptionAssignment()
    _ = try endDeclaration(";")
    return option
  }

  /// `[name = value, ...]` after a field or enum value, at `[`.
  mutating func parseFieldOptions() throws(Bail) -> [OptionValue] {
    advance()
    var options: [OptionValue] = []
    repeat {
      let option = try parseOptionAssignment()
      if option.name == "default" {
        report("default values are not allowed in proto3 (proto2 only)", at: option.location)
      } else {
        options.append(option)
      }
    } while consumeSymbol(",")
    try expectSymbol("]")
    return options
  }

  /// `name = value`.
  private mutating func parseOptionAssignment() throws(Bail) -> OptionValue {
    let location = current.location
    let name = try parseOptionName()
    try expectSymbol("=")
    let value = try parseConstant()
    return OptionValue(name: name, value: value, location: location)
  }

  /// `ident`, `(full.ident)`, `(.full.ident)`, joined by `.`: kept as written
  /// without spaces, e.g. `(my.ext).field`.
  private mutating func parseOptionName() throws(Bail) -> String {
    var name = ""
    repeat {
      if !name.isEmpty { name += "." }
      if consumeSymbol("(") {
        let inner = try expectDottedName("an option name", allowLeadingDot: true)
        try expectSymbol(")")
        name += "(\(inner.value))"
      } else {
        name += try expectIdentifier("an option name").value
      }
    } while consumeSymbol(".")
    return name
  }

  /// An option value: identifier, signed number, string(s) or `{ ... }` aggregate.
  private mutating func parseConstant() throws(Bail) -> Constant {
    switch current.kind {
    case .identifier:
      return .identifier(advance().text)
    case .string:
      return .string(try expectString("a string").value)
    case .float:
      return .float(advance().floatValue)
    case .integer:
      let token = advance()
      guard let value = token.integerValue else {
        if !token.hasError { report("integer \(token.text) is out of range", at: token.location) }
        throw Bail()
      }
      return value <= UInt64(Int64.max) ? .integer(Int64(value)) : .unsignedInteger(value)
    case .symbol where atSymbol("-"):
      switch peek(1).kind {
      case .integer:
        return .integer(try expectSignedInteger("an integer").value)
      case .float:
        advance()
        return .float(-advance().floatValue)
      case .identifier where peek(1).text == "inf" || peek(1).text == "nan":
        advance()
        return .float(advance().text == "inf" ? -Double.infinity : -Double.nan)
      default:
        advance()
        throw expected("a number after \"-\"")
      }
    case .symbol where atSymbol("{"):
      return .aggregate(try parseAggregate())
    default:
      throw expected("an option value")
    }
  }

  /// `{ ... }` in text format, kept as written between the braces.
  private mutating func parseAggregate() throws(Bail) -> String {
    let open = advance()
    let first = tokenIndex
    var depth = 1
    while true {
      if atEnd {
        report("reached end of file inside an option value (missing \"}\")", at: open.location)
        throw Bail()
      }
      if atSymbol("{") { depth += 1 }
      if atSymbol("}") {
        depth -= 1
        if depth == 0 { break }
      }
      advance()
    }
    let text = sourceText(fromToken: first, toToken: tokenIndex)
    advance()
    return text
  }
}
