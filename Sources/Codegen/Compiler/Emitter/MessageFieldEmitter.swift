/// A singular message field: always `T?`, boxed with `@ProtoIndirect` when it closes a
/// cycle, merged in place when read again.
struct MessageFieldEmitter: FieldEmitter {
  let field: FieldContext

  private var swiftType: String { field.value.swiftType }

  func emitDeclaration(visibility: String, into writer: inout SwiftWriter) {
    field.declare(type: swiftType + "?", defaultValue: "nil", visibility: visibility, into: &writer)
  }

  func emitSize(into writer: inout SwiftWriter) {
    writer.compound("if let v = \(field.storage)", ["size += \(field.tagSize) + ProtoSize.message(v)"])
  }

  func emitEncode(into writer: inout SwiftWriter) {
    writer.compound("if let v = \(field.storage)", ["writer.writeTag(\(field.tag))", "writer.writeMessage(v)"])
  }

  func emitDecodeCases(into writer: inout SwiftWriter) {
    writer.caseArm("case \(field.tag):", mergeStatements)
  }

  func emitJSONEncode(into writer: inout SwiftWriter) {
    writer.compound("if let v = \(field.storage)", [field.jsonWriteKey, "v.encodeJSON(to: &writer)"])
  }

  func emitJSONDecodeCase(into writer: inout SwiftWriter) {
    field.emitJSONCaseLabel(into: &writer)
    writer.indented { body in
      if field.value.acceptsJSONNull {
        body.lines(mergeStatements)
      } else {
        body.compound([("if reader.consumeNull()", ["\(field.storage) = nil"]), ("else", mergeStatements)])
      }
    }
  }

  /// Merges the next message from `reader` into the field, creating it when unset.
  private var mergeStatements: [String] {
    [
      "if \(field.storage) == nil { \(field.storage) = \(swiftType)() }",
      "try reader.readMessage(into: &\(field.storage)!)",
    ]
  }
}
