/// A repeated scalar, enum or message field (`[T]`). Packable types are written packed
/// unless `[packed = false]`, and read in both forms.
struct RepeatedFieldEmitter: FieldEmitter {
  let field: FieldContext

  private var value: ValueCoding { field.value }
  private var isPacked: Bool { field.descriptor.isPacked && value.isPackable }
  private var array: String { field.storage }

  func emitDeclaration(visibility: String, into writer: inout SwiftWriter) {
    field.declare(type: "[\(value.swiftType)]", defaultValue: "[]", visibility: visibility, into: &writer)
  }

  func emitSize(into writer: inout SwiftWriter) {
    if isPacked {
      let tagSize = FieldContext.varintSize(UInt64(field.lengthDelimitedTag))
      writer.compound(
        "if !\(array).isEmpty",
        ["let n = \(value.packedSize(array))", "size += \(tagSize) + ProtoSize.varint(UInt64(n)) + n"])
    } else if let each = SizeTerm.constantSum([.constant(field.tagSize), value.size("v")]) {
      writer.line("size += \(array).count * \(each)")
    } else {
      writer.compound("for v in \(array)", ["size += \(SizeTerm.sum([.constant(field.tagSize), value.size("v")]))"])
    }
  }

  func emitEncode(into writer: inout SwiftWriter) {
    if isPacked {
      writer.block("if !\(array).isEmpty") { body in
        body.line("writer.writeTag(\(field.lengthDelimitedTag))")
        body.line("writer.writeVarint(UInt64(\(value.packedSize(array))))")
        body.compound("for v in \(array)", [value.write("v")])
      }
    } else {
      writer.compound("for v in \(array)", ["writer.writeTag(\(field.tag))", value.write("v")])
    }
  }

  func emitDecodeCases(into writer: inout SwiftWriter) {
    if case .message(let swiftType, _) = value {
      writer.line("case \(field.tag):")
      writer.indented { body in
        body.line("var m = \(swiftType)()")
        body.line("try reader.readMessage(into: &m)")
        body.line("\(array).append(m)")
      }
      return
    }
    writer.caseArm("case \(field.tag):", ["\(array).append(\(value.read(from: "reader")))"])
    if value.isPackable {
      writer.caseArm("case \(field.lengthDelimitedTag):", [value.readPacked(from: "reader", into: array)])
    }
  }

  func emitJSONEncode(into writer: inout SwiftWriter) {
    writer.block("if !\(array).isEmpty || writer.options.emitDefaultValues") { body in
      body.line(field.jsonWriteKey)
      body.line("writer.beginArray()")
      let element = value.jsonWriteUsesValue ? "v" : "_"
      body.compound("for \(element) in \(array)", [value.jsonWrite("v")])
      body.line("writer.endArray()")
    }
  }

  func emitJSONDecodeCase(into writer: inout SwiftWriter) {
    field.emitJSONCaseLabel(into: &writer)
    writer.indented { body in
      body.line("\(array) = []")
      body.block("if !reader.consumeNull()") { inner in
        inner.line("try reader.beginArray()")
        var element = SwiftWriter()
        value.emitJSONRead(into: &element) { "\(array).append(\($0))" }
        inner.compound("while try reader.nextArrayElement()", element.lineList)
      }
    }
  }
}
