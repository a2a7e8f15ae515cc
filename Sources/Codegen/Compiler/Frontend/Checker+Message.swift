extension Checker {
  /// The largest field number.
  static let maxFieldNumber: Int64 = 536_870_911

  /// Checks a message and everything nested in it.
  mutating func buildMessage(_ node: MessageNode, scope: String, context: FileContext) -> MessageDescriptor {
    let fullName = Checker.qualify(node.name, in: scope)
    let options = checkOptions(node.options, scope: .message)
    if let location = options.locations["map_entry"] {
      report("option \"map_entry\" cannot be set explicitly; use a map<K, V> field", at: location)
    }
    if options.bool("message_set_wire_format") == true, let location = options.locations["message_set_wire_format"] {
      report("option \"message_set_wire_format\" is not allowed in proto3", at: location)
    }
    let reservedRanges = checkReservedRanges(node.reservedRanges, forEnum: false)
    let reservedNames = checkReservedNames(node.reservedNames)
    var fields = node.fields.map { buildField($0, scope: fullName, context: context) }
    checkNumbersAndNames(of: node.fields, reservedRanges: reservedRanges, reservedNames: Set(reservedNames))
    checkJSONNames(fields)
    var oneofs = node.oneofs.enumerated().map { index, oneof in
      _ = checkOptions(oneof.options, scope: .oneof)
      return OneofDescriptor(
        name: oneof.name, fieldNumbers: fields.filter { $0.oneofIndex == index }.map(\.number),
        isSynthetic: false, comments: oneof.comments, location: oneof.location)
    }
    addSyntheticOneofs(fields: &fields, oneofs: &oneofs)
    return MessageDescriptor(
      name: node.name, fullName: fullName, fields: fields, oneofs: oneofs,
      messages: node.messages.map { buildMessage($0, scope: fullName, context: context) },
      enums: node.enums.map { buildEnum($0, scope: fullName) },
      reservedRanges: reservedRanges, reservedNames: reservedNames,
      isDeprecated: options.bool("deprecated") ?? false, options: node.options,
      comments: node.comments, location: node.location)
  }

  private mutating func buildField(_ node: FieldNode, scope: String, context: FileContext) -> FieldDescriptor {
    var label = FieldLabel.singular
    if node.label?.value == .repeated { label = .repeated }
    if node.label?.value == .optional && node.oneofIndex == nil { label = .optional }
    var type: FieldType?
    switch node.type {
    case .scalar(let scalar):
      type = .scalar(scalar)
    case .named(let name):
      type = resolveFieldType(name, at: node.typeLocation, scope: scope, context: context)
    case .map(let key, let value):
      label = .repeated
      type = resolveMap(key: key, value: value, scope: scope, context: context)
    }
    checkFieldNumber(node)
    let options = checkOptions(node.options, scope: .field)
    // A type that did not resolve was reported; int32 stands in so the other checks
    // still run (the compilation fails anyway). Type-dependent checks skip it.
    let checkedType = type ?? .scalar(.int32)
    let isResolved = type != nil
    let isPackable = label == .repeated && checkedType.isPackable
    if isResolved, options.bool("packed") == true && !isPackable, let location = options.locations["packed"] {
      report(
        "field \"\(node.name)\" cannot be packed: only repeated numeric, bool and enum fields can be",
        at: location)
    }
    for lazy in ["lazy", "unverified_lazy"] where isResolved && options.bool(lazy) == true {
      if case .message = checkedType { continue }
      report("option \"\(lazy)\" is only allowed on message fields", at: options.locations[lazy] ?? node.location)
    }
    if isResolved, let jsType = options.identifier("jstype"), jsType != "JS_NORMAL", !checkedType.is64BitInteger {
      report(
        "option \"jstype\" is only allowed on int64, uint64, sint64, fixed64 and sfixed64 fields",
        at: options.locations["jstype"] ?? node.location)
    }
    let explicitJSONName = options.string("json_name")
    return FieldDescriptor(
      name: node.name, number: Int32(clamping: node.number), label: label, type: checkedType,
      jsonName: explicitJSONName ?? ProtoNaming.jsonName(for: node.name),
      hasExplicitJSONName: explicitJSONName != nil, oneofIndex: node.oneofIndex,
      isPacked: isPackable && options.bool("packed") != false,
      isDeprecated: options.bool("deprecated") ?? false, options: node.options,
      comments: node.comments, location: node.location)
  }

  private mutating func resolveMap(
    key: Located<TypeNode>, value: Located<TypeNode>, scope: String, context: FileContext
  ) -> FieldType? {
    var keyType: ScalarType?
    switch key.value {
    case .scalar(let scalar) where scalar.isValidMapKey:
      keyType = scalar
    case .named(let name):
      if resolveFieldType(name, at: key.location, scope: scope, context: context) != nil {
        report(invalidMapKey(name), at: key.location)
      }
    default:
      report(invalidMapKey(key.value.spelling), at: key.location)
    }
    var valueType: FieldType?
    switch value.value {
    case .scalar(let scalar):
      valueType = .scalar(scalar)
    case .named(let name):
      valueType = resolveFieldType(name, at: value.location, scope: scope, context: context)
    case .map:
      report("map values cannot be maps", at: value.location)
    }
    guard let keyType, let valueType else { return nil }
    return .map(key: keyType, value: valueType)
  }

  private func invalidMapKey(_ spelling: String) -> String {
    "invalid map key type \"\(spelling)\"; map keys must be integer, bool or string types"
  }

  private mutating func checkFieldNumber(_ node: FieldNode) {
    let number = node.number
    if number <= 0 {
      report("field number \(number) must be a positive integer", at: node.numberLocation)
    } else if number > Checker.maxFieldNumber {
      report("field number \(number) is greater than the maximum \(Checker.maxFieldNumber)", at: node.numberLocation)
    } else if (19_000...19_999).contains(number) {
      report(
        "field number \(number) is in the range 19000 to 19999 reserved for the protobuf implementation",
        at: node.numberLocation)
    }
  }

  private mutating func checkNumbersAndNames(
    of fields: [FieldNode], reservedRanges: [ReservedRange], reservedNames: Set<String>
  ) {
    var fieldsByNumber: [Int64: String] = [:]
    for field in fields {
      if (1...Checker.maxFieldNumber).contains(field.number) {
        if let other = fieldsByNumber[field.number] {
          report("field number \(field.number) is already used by \"\(other)\"", at: field.numberLocation)
        } else {
          fieldsByNumber[field.number] = field.name
        }
        if reservedRanges.contains(where: { $0.contains(Int32(field.number)) }) {
          report("field \"\(field.name)\" uses reserved number \(field.number)", at: field.numberLocation)
        }
      }
      if reservedNames.contains(field.name) {
        report("field name \"\(field.name)\" is reserved", at: field.location)
      }
    }
  }

  /// Two fields may not share a default JSON name, nor an effective one when either
  /// was set with `json_name`.
  private mutating func checkJSONNames(_ fields: [FieldDescriptor]) {
    var names: Set<String> = []
    var byDefaultName: [String: String] = [:]
    var byJSONName: [String: FieldDescriptor] = [:]
    for field in fields where names.insert(field.name).inserted {
      let defaultName = ProtoNaming.jsonName(for: field.name)
      if let other = byDefaultName[defaultName] {
        report(
          "field \"\(field.name)\" has the same JSON name \"\(defaultName)\" as field \"\(other)\"",
          at: field.location)
        continue
      }
      byDefaultName[defaultName] = field.name
      if let other = byJSONName[field.jsonName] {
        if other.hasExplicitJSONName || field.hasExplicitJSONName {
          report(
            "field \"\(field.name)\" has the same JSON name \"\(field.jsonName)\" as field \"\(other.name)\"",
            at: field.location)
        }
      } else {
        byJSONName[field.jsonName] = field
      }
    }
  }

  /// protoc's synthetic oneofs for proto3 `optional` fields: `_name`, prefixed with
  /// `X` until it clashes with no field or oneof, after the real oneofs.
  private func addSyntheticOneofs(fields: inout [FieldDescriptor], oneofs: inout [OneofDescriptor]) {
    var names = Set(fields.map(\.name)).union(oneofs.map(\.name))
    for i in fields.indices where fields[i].label == .optional {
      var name = fields[i].name.hasPrefix("_") ? fields[i].name : "_" + fields[i].name
      while names.contains(name) { name = "X" + name }
      names.insert(name)
      fields[i].oneofIndex = oneofs.count
      oneofs.append(
        OneofDescriptor(
          name: name, fieldNumbers: [fields[i].number], isSynthetic: true, location: fields[i].location))
    }
  }
}
