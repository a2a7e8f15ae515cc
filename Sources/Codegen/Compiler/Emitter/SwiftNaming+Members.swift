/// Swift names of a message's fields and oneofs.
struct MemberNames {
  /// Field number → unescaped property name (for oneof members: the case name).
  var fields: [Int32: String] = [:]
  /// Oneof index → unescaped property name (real oneofs only).
  var oneofs: [Int: String] = [:]
}

extension SwiftNaming {
  /// Names the members of `message`: lowerCamelCase of the schema name, with `_` appended
  /// while the name clashes with a generated member, a nested type or an earlier member.
  static func memberNames(of message: MessageDescriptor, nestedTypeNames: Set<String>) -> MemberNames {
    var taken = SwiftKeywords.reservedMemberNames.union(nestedTypeNames)
    var names = MemberNames()
    func take(_ schemaName: String, fallback: String) -> String {
      var base = lowerCamelCase(schemaName)
      if base.isEmpty { base = fallback }
      let name = unique(base, suffix: "_", avoiding: taken)
      taken.insert(name)
      return name
    }
    for field in message.fields {
      if let index = field.oneofIndex, message.oneofs.indices.contains(index),
        !message.oneofs[index].isSynthetic, names.oneofs[index] == nil
      {
        names.oneofs[index] = take(message.oneofs[index].name, fallback: "oneof\(index)")
      }
      names.fields[field.number] = take(field.name, fallback: "field\(field.number)")
    }
    return names
  }
}
