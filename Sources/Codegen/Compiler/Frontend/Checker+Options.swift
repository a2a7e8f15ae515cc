extension Checker {
  /// Options of one declaration after checking: the known ones by name.
  struct CheckedOptions {
    var values: [String: Constant] = [:]
    var locations: [String: SourceLocation] = [:]

    /// The value of a bool option, or nil when it is not set.
    func bool(_ name: String) -> Bool? {
      switch values[name] {
      case .identifier("true"): return true
      case .identifier("false"): return false
      default: return nil
      }
    }

    /// The name of an enum-valued option, or nil when it is not set.
    func identifier(_ name: String) -> String? {
      if case .identifier(let value) = values[name] { return value }
      return nil
    }

    /// The text of a string option, or nil when it is not set.
    func string(_ name: String) -> String? {
      if case .string(let bytes) = values[name] { return String(decoding: bytes, as: UTF8.self) }
      return nil
    }
  }

  /// Checks options written on a declaration of `scope`: known names, value types,
  /// no option set twice. Custom options (`(ext)...`) are kept unchecked;
  /// `json_name` is accepted on fields.
  mutating func checkOptions(_ options: [OptionValue], scope: KnownOptions.Scope) -> CheckedOptions {
    var checked = CheckedOptions()
    var seen: Set<String> = []
    for option in options {
      guard seen.insert(option.name).inserted else {
        report("option \"\(option.name)\" is already set", at: option.location)
        continue
      }
      if option.name.hasPrefix("(") { continue }
      if scope == .field && option.name == "json_name" {
        if case .string = option.value {
          checked.values[option.name] = option.value
          checked.locations[option.name] = option.location
        } else {
          report("option \"json_name\" must be a string", at: option.location)
        }
        continue
      }
      guard let known = KnownOptions.option(named: option.name, in: scope) else {
        report("unknown \(scope.displayName) option \"\(option.name)\"", at: option.location)
        continue
      }
      guard KnownOptions.encodedValue(of: option.value, kind: known.kind) != nil else {
        report(valueMismatch(option.name, kind: known.kind), at: option.location)
        continue
      }
      checked.values[option.name] = option.value
      checked.locations[option.name] = option.location
    }
    return checked
  }

  private func valueMismatch(_ name: String, kind: KnownOptions.Kind) -> String {
    switch kind {
    case .bool:
      return "option \"\(name)\" must be true or false"
    case .string:
      return "option \"\(name)\" must be a string"
    case .enumeration(let values):
      return "option \"\(name)\" must be one of \(values.map(\.name).joined(separator: ", "))"
    }
  }
}
