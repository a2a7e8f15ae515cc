/// Pure rules that turn schema identifiers into Swift identifiers.
extension SwiftNaming {
  /// protoc's JSON-name transform: each `_` is dropped and the next character uppercased
  /// (`event_id` → `eventId`, `_x` → `X`). Acronyms are not special-cased.
  static func protocCamelCase(_ name: String) -> String {
    var result = ""
    var uppercaseNext = false
    for character in name {
      if character == "_" {
        uppercaseNext = true
      } else if uppercaseNext {
        result += character.uppercased()
        uppercaseNext = false
      } else {
        result.append(character)
      }
    }
    return result
  }

  /// ``protocCamelCase(_:)`` with the leading run of capitals lowercased, keeping the last
  /// one when a lowercase letter follows (`URLPath` → `urlPath`, `ID` → `id`).
  static func lowerCamelCase(_ name: String) -> String {
    let characters = Array(protocCamelCase(name))
    var capitals = 0
    while capitals < characters.count, characters[capitals].isASCIIUppercase { capitals += 1 }
    guard capitals > 0 else { return String(characters) }
    var lowered = capitals
    if capitals > 1, capitals < characters.count, characters[capitals].isASCIILowercase {
      lowered -= 1
    }
    return String(characters[..<lowered]).lowercased() + String(characters[lowered...])
  }

  /// ``protocCamelCase(_:)`` with the first character uppercased (`payload_kind` →
  /// `PayloadKind`).
  static func upperCamelCase(_ name: String) -> String {
    let camel = protocCamelCase(name)
    guard let first = camel.first else { return camel }
    return first.uppercased() + camel.dropFirst()
  }

  /// A name made of letters and digits only: every other character is dropped and the
  /// letter after it uppercased, the first letter uppercased (`ingest-v2` → `IngestV2`).
  static func upperCamelWords(_ text: String) -> String {
    var result = ""
    var uppercaseNext = true
    for character in text {
      if character.isASCIILetter || character.isASCIIDigit {
        result += uppercaseNext ? character.uppercased() : String(character)
        uppercaseNext = false
      } else {
        uppercaseNext = true
      }
    }
    return result
  }

  /// The identifier in backticks when it is a Swift keyword.
  static func escaped(_ identifier: String) -> String {
    SwiftKeywords.reserved.contains(identifier) ? "`\(identifier)`" : identifier
  }

  /// `base`, or `base` with `suffix` appended as often as needed to avoid `taken`.
  static func unique(_ base: String, suffix: String, avoiding taken: Set<String>) -> String {
    var name = base
    while taken.contains(name) { name += suffix }
    return name
  }

  /// Swift case names for an enum's values, index-aligned with `values`, unescaped and
  /// unique: the enum's UPPER_SNAKE prefix is stripped when every value has it, the rest
  /// lowerCamelCased, `_` prefixed before a leading digit, `_` appended to reserved names.
  static func enumCaseNames(_ descriptor: EnumDescriptor) -> [String] {
    let stripped = descriptor.values.map { strippingPrefix(descriptor.name, from: $0.name) }
    let stripAll = !stripped.contains(nil)
    var taken = SwiftKeywords.reservedCaseNames
    var names: [String] = []
    for (index, value) in descriptor.values.enumerated() {
      let source = stripAll ? stripped[index] ?? value.name : value.name
      var name = caseCamelCase(source)
      if name.isEmpty { name = "value\(value.number < 0 ? "Minus" : "")\(value.number.magnitude)" }
      if name.first?.isASCIIDigit == true { name = "_" + name }
      name = unique(name, suffix: "_", avoiding: taken)
      taken.insert(name)
      names.append(name)
    }
    return names
  }

  /// The value name after the enum name's prefix and the `_`s that follow it, or nil when
  /// the value does not start with the prefix (compared ignoring case and `_`) or nothing
  /// would remain.
  static func strippingPrefix(_ enumName: String, from valueName: String) -> String? {
    let prefix = Array(enumName.lowercased().filter { $0 != "_" })
    let value = Array(valueName)
    var position = 0
    for expected in prefix {
      while position < value.count, value[position] == "_" { position += 1 }
      guard position < value.count, value[position].lowercased() == String(expected) else {
        return nil
      }
      position += 1
    }
    guard position < value.count, value[position] == "_" else { return nil }
    while position < value.count, value[position] == "_" { position += 1 }
    return position < value.count ? String(value[position...]) : nil
  }

  /// `DARK_RED` → `darkRed`; parts without lowercase letters are lowercased, others keep
  /// their case apart from the first letter.
  static func caseCamelCase(_ name: String) -> String {
    var result = ""
    for part in name.split(separator: "_") {
      let word = part.contains(where: \.isASCIILowercase) ? String(part) : part.lowercased()
      guard let first = word.first else { continue }
      result += (result.isEmpty ? first.lowercased() : first.uppercased()) + word.dropFirst()
    }
    return result
  }
}

extension Character {
  var isASCIIUppercase: Bool { isASCII && isUppercase }
  var isASCIILowercase: Bool { isASCII && isLowercase }
  var isASCIILetter: Bool { isASCII && isLetter }
  var isASCIIDigit: Bool { isASCII && isNumber }
}
