/// A singular scalar or enum field, with implicit presence (`T`, skipped when default) or
/// explicit presence (proto3 `optional`: `T?`).
struct ScalarFieldEmitter: FieldEmitter {
  let field: FieldContext

  private var isOptional: Bool { field.descriptor.label == .optional }
  private var value: ValueCoding { field.value }

  func emitDeclaration(visibility: String, into writer: inout SwiftWriter) {
    if isOptional {
      field.declare(type: value.swiftType + "?", defaultValue: "nil", visibility: visibility, into: &writer)
    } else {
      field.declare(type: value.swiftType, defaultValue: value.defaultValue, visibility: visibility, into: &writer)
    }
  }

  func emitSize(into writer: inout SwiftWriter) {
    let tagSize = SizeTerm.constant(field.tagSize)
    if isOptional {
      let size = value.size("v")
      let header = if case .constant = size { "if \(field.storage) != nil" } else { "if let v = \(field.storage)" }
      writer.compound(header, ["size += \(SizeTerm.sum([tagSize, size]))"])
    } else {
      let size = SizeTerm.sum([tagSize, value.size(field.storage)])
      writer.compound("if \(value.isNonDefault(field.storage))", ["size += \(size)"])
    }
  }

  func emitEncode(into writer: inout SwiftWriter) {
    if isOptional {
      writer.compound("if let v = \(field.storage)", ["writer.writeTag(\(field.tag))", value.write("v")])
    } else {
      writer.compound(
        "if \(value.isNonDefault(field.storage))", ["writer.writeTag(\(field.tag))", value.write(field.storage)])
    }
  }

  func emitDecodeCases(into writer: inout SwiftWriter) {
    writer.caseArm("case \(field.tag):", ["\(field.storage) = \(value.read(from: "reader"))"])
  }

  func emitJSONEncode(into writer: inout SwiftWriter) {
    if isOptional {
      let header = value.jsonWriteUsesValue ? "if let v = \(field.storage)" : "if \(field.storage) != nil"
      writer.compound(header, [field.jsonWriteKey, value.jsonWrite("v")])
    } else {
      writer.compound(
        "if \(value.isNonDefault(field.storage)) || writer.options.emitDefaultValues",
        [field.jsonWriteKey, value.jsonWrite(field.storage)])
    }
  }

  func emitJSONDecodeCase(into writer: inout SwiftWriter) {
    field.emitJSONCaseLabel(into: &writer)
    writer.indented { body in
      if value.acceptsJSONNull {
        value.emitJSONRead(into: &body) { "\(field.storage) = \($0)" }
      } else {
        let reset = isOptional ? "nil" : value.defaultValue
        body.compound([
          ("if reader.consumeNull()", ["\(field.storage) = \(reset)"]),
          value.jsonReadClause(into: field.storage),
        ])
      }
    }
  }
}
