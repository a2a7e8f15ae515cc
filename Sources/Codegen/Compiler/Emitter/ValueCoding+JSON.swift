/// The proto3 JSON side of ``ValueCoding``.
extension ValueCoding {
  /// Statement writing `value` as a JSON value.
  func jsonWrite(_ value: String) -> String {
    switch self {
    case .scalar(let scalar): return "writer.write\(scalar.jsonStem)(\(value))"
    case .enumeration(_, _, let isNullValue): return isNullValue ? "writer.writeNull()" : "writer.writeEnum(\(value))"
    case .message: return "\(value).encodeJSON(to: &writer)"
    }
  }

  /// Whether ``jsonWrite(_:)`` reads the value (`NullValue` is always `null`).
  var jsonWriteUsesValue: Bool {
    if case .enumeration(_, _, true) = self { return false }
    return true
  }

  /// Whether JSON `null` is a value of this type (`NullValue`, `Value`) rather than
  /// "field unset".
  var acceptsJSONNull: Bool {
    switch self {
    case .scalar: return false
    case .enumeration(_, _, let isNullValue): return isNullValue
    case .message(_, let isJSONValue): return isJSONValue
    }
  }

  /// Writes statements reading one JSON value and passing it to `store` (which returns
  /// the statement that stores an expression). Unknown enum names are skipped (`readEnum`
  /// returns nil then).
  func emitJSONRead(into writer: inout SwiftWriter, store: (String) -> String) {
    switch self {
    case .scalar(let scalar):
      writer.line(store("try reader.read\(scalar.jsonStem)()"))
    case .enumeration(let swiftType, _, _):
      writer.compound("if let e: \(swiftType) = try reader.readEnum()", [store("e")])
    case .message(let swiftType, _):
      writer.lines(["var m = \(swiftType)()", "try reader.readMessage(into: &m)", store("m")])
    }
  }

  /// The `else` clause (header and statements) reading one scalar or enum into `target`
  /// after a `null` check: `else { x = try reader.readInt64() }` or
  /// `else if let e: Kind = try reader.readEnum() { x = e }`.
  func jsonReadClause(into target: String) -> (header: String, statements: [String]) {
    switch self {
    case .scalar(let scalar): return ("else", ["\(target) = try reader.read\(scalar.jsonStem)()"])
    case .enumeration(let swiftType, _, _):
      return ("else if let e: \(swiftType) = try reader.readEnum()", ["\(target) = e"])
    case .message: return ("else", [])
    }
  }
}
