/// A `map<K, V>` field (`[K: V]`): on the wire a repeated entry message with the key as
/// field 1 and the value as field 2, both always written.
struct MapFieldEmitter: FieldEmitter {
  let field: FieldContext

  private var key: ValueCoding { field.mapKey ?? .scalar(.string) }
  private var value: ValueCoding { field.value }
  private var keyTag: UInt32 { UInt32(1 << 3) | UInt32(key.wireType.rawValue) }
  private var valueTag: UInt32 { UInt32(2 << 3) | UInt32(value.wireType.rawValue) }
  private var entryTagSize: Int { FieldContext.varintSize(UInt64(field.lengthDelimitedTag)) }

  /// Size of the entry's body; message values use `valueSize`, computed once per entry.
  private var entrySize: [SizeTerm] {
    let valueSize: SizeTerm
    if case .message = value {
      valueSize = .expression("ProtoSize.varint(UInt64(valueSize)) + valueSize")
    } else {
      valueSize = value.size("v")
    }
    return [.constant(1), key.size("k"), .constant(1), valueSize]
  }

  private var usesKey: Bool { SizeTerm.constantSum([key.size("k")]) == nil }
  private var usesValue: Bool { SizeTerm.constantSum([value.size("v")]) == nil }

  func emitDeclaration(visibility: String, into writer: inout SwiftWriter) {
    let type = "[\(key.swiftType): \(value.swiftType)]"
    field.declare(type: type, defaultValue: "[:]", visibility: visibility, into: &writer)
  }

  func emitSize(into writer: inout SwiftWriter) {
    let map = field.storage
    if let body = SizeTerm.constantSum(entrySize) {
      let each = entryTagSize + FieldContext.varintSize(UInt64(body)) + body
      writer.line("size += \(map).count * \(each)")
      return
    }
    var statements: [String] = []
    if case .message = value { statements.append("let valueSize = v.serializedSize()") }
    statements.append("let n = \(SizeTerm.sum(entrySize))")
    statements.append("size += \(entryTagSize) + ProtoSize.varint(UInt64(n)) + n")
    writer.compound("for (\(usesKey ? "k" : "_"), \(usesValue ? "v" : "_")) in \(map)", statements)
  }

  func emitEncode(into writer: inout SwiftWriter) {
    writer.block("for (k, v) in \(field.storage)") { body in
      body.line("writer.writeTag(\(field.lengthDelimitedTag))")
      if case .message = value {
        body.line("let valueSize = v.serializedSize()")
      }
      if let constant = SizeTerm.constantSum(entrySize) {
        body.line("writer.writeVarint(\(constant))")
      } else {
        body.line("writer.writeVarint(UInt64(\(SizeTerm.sum(entrySize))))")
      }
      body.line("writer.writeTag(\(keyTag)); \(key.write("k"))")
      if case .message = value {
        body.line("writer.writeTag(\(valueTag)); writer.writeVarint(UInt64(valueSize)); v.encode(to: &writer)")
      } else {
        body.line("writer.writeTag(\(valueTag)); \(value.write("v"))")
      }
    }
  }

  func emitDecodeCases(into writer: inout SwiftWriter) {
    writer.line("case \(field.lengthDelimitedTag):")
    writer.indented { body in
      body.line("var entry = try reader.beginNested()")
      body.line("var key: \(key.swiftType) = \(key.defaultValue)")
      body.line("var value: \(value.swiftType) = \(value.defaultValue)")
      body.block("while let entryTag = try entry.readTag()") { loop in
        loop.line("switch entryTag {")
        loop.line("case \(keyTag): key = \(key.read(from: "entry"))")
        if case .message = value {
          loop.line("case \(valueTag): try entry.readMessage(into: &value)")
        } else {
          loop.line("case \(valueTag): value = \(value.read(from: "entry"))")
        }
        loop.line("default: try entry.skipField(tag: entryTag)")
        loop.line("}")
      }
      body.line("\(field.storage)[key] = value")
    }
  }

  func emitJSONEncode(into writer: inout SwiftWriter) {
    let map = field.storage
    writer.block("if !\(map).isEmpty || writer.options.emitDefaultValues") { body in
      body.line(field.jsonWriteKey)
      body.line("writer.beginObject()")
      let binding = value.jsonWriteUsesValue ? "(k, v)" : "(k, _)"
      body.compound("for \(binding) in \(map)", ["writer.writeMapKey(k)", value.jsonWrite("v")])
      body.line("writer.endObject()")
    }
  }

  func emitJSONDecodeCase(into writer: inout SwiftWriter) {
    let map = field.storage
    field.emitJSONCaseLabel(into: &writer)
    writer.indented { body in
      body.line("\(map) = [:]")
      body.block("if !reader.consumeNull()") { inner in
        inner.line("try reader.beginObject()")
        inner.block("while let entryKey = try reader.nextKey()") { loop in
          // String keys are used as read; others are parsed from the key text.
          var k = "entryKey"
          if case .scalar(let scalar) = key, scalar != .string {
            loop.line("let k = try reader.mapKey\(scalar.jsonStem)(entryKey)")
            k = "k"
          }
          value.emitJSONRead(into: &loop) { "\(map)[\(k)] = \($0)" }
        }
      }
    }
  }
}
