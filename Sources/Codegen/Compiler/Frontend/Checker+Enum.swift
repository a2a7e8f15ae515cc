extension Checker {
  /// Checks an enum declared in `scope` (a package or message full name).
  mutating func buildEnum(_ node: EnumNode, scope: String) -> EnumDescriptor {
    let options = checkOptions(node.options, scope: .enumeration)
    let allowAlias = options.bool("allow_alias") ?? false
    let reservedRanges = checkReservedRanges(node.reservedRanges, forEnum: true)
    let reservedNames = Set(checkReservedNames(node.reservedNames))
    var values: [EnumValueDescriptor] = []
    var namesByNumber: [Int32: String] = [:]
    var valuesByStrippedName: [String: EnumValueDescriptor] = [:]
    var hasAliases = false
    for valueNode in node.values {
      let valueOptions = checkOptions(valueNode.options, scope: .enumValue)
      let value = EnumValueDescriptor(
        name: valueNode.name, number: Int32(clamping: valueNode.number),
        isDeprecated: valueOptions.bool("deprecated") ?? false, options: valueNode.options,
        comments: valueNode.comments, location: valueNode.location)
      values.append(value)
      if reservedNames.contains(value.name) {
        report("enum value name \"\(value.name)\" is reserved", at: value.location)
      }
      guard Int64(value.number) == valueNode.number else {
        report("enum value number \(valueNode.number) is out of range for int32", at: valueNode.numberLocation)
        continue
      }
      if let other = namesByNumber[value.number] {
        hasAliases = true
        if !allowAlias {
          report(
            "enum value \"\(value.name)\" uses the same number \(value.number) as \"\(other)\"; add 'option allow_alias = true;' to allow aliases",
            at: valueNode.numberLocation)
        }
      } else {
        namesByNumber[value.number] = value.name
      }
      if reservedRanges.contains(where: { $0.contains(value.number) }) {
        report("enum value \"\(value.name)\" uses reserved number \(value.number)", at: valueNode.numberLocation)
      }
      let key = ProtoNaming.strippedEnumValueKey(value.name, enumName: node.name)
      if let other = valuesByStrippedName[key] {
        if other.name != value.name && other.number != value.number {
          report(
            "enum value \"\(value.name)\" clashes with \"\(other.name)\" once the enum name prefix is removed and case is ignored",
            at: value.location)
        }
      } else {
        valuesByStrippedName[key] = value
      }
    }
    if let first = node.values.first {
      if first.number != 0 {
        report("first value \"\(first.name)\" of enum \"\(node.name)\" must be 0 in proto3", at: first.numberLocation)
      }
    } else {
      report("enum \"\(node.name)\" must have at least one value", at: node.location)
    }
    if allowAlias && !hasAliases, let location = options.locations["allow_alias"] {
      report("enum \"\(node.name)\" sets allow_alias but no two values share a number", at: location)
    }
    return EnumDescriptor(
      name: node.name, fullName: Checker.qualify(node.name, in: scope), values: values,
      allowAlias: allowAlias, reservedRanges: reservedRanges, reservedNames: node.reservedNames.map(\.value),
      isDeprecated: options.bool("deprecated") ?? false, options: node.options,
      comments: node.comments, location: node.location)
  }
}
