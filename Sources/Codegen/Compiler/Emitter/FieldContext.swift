/// A field resolved for emission: its Swift name, storage, tags and JSON keys.
struct FieldContext {
  /// The checked field.
  let descriptor: FieldDescriptor
  /// Unescaped Swift name of the property (or oneof case).
  let name: String
  /// Whether a singular message field (or oneof case) is boxed to break a cycle.
  let isBoxed: Bool
  /// How values are coded (for maps: the value type).
  let value: ValueCoding
  /// The key type of a map field.
  let mapKey: ValueCoding?

  /// The name as declared (backticked when a keyword).
  var declaredName: String { SwiftNaming.escaped(name) }

  /// The stored property's name: deprecated fields store their value in a private
  /// `_name` property behind a deprecated computed one, so generated code does not
  /// trigger deprecation warnings.
  var storageName: String { descriptor.isDeprecated ? "_" + name : name }

  /// How generated methods reach the stored value.
  var storage: String { "self." + storageName }

  /// The tag for one value of the given wire type: `number << 3 | wireType`.
  func tag(_ wireType: WireType) -> UInt32 {
    UInt32(truncatingIfNeeded: descriptor.number) << 3 | UInt32(wireType.rawValue)
  }

  /// Tag of one unpacked value.
  var tag: UInt32 { tag(value.wireType) }

  /// Tag of a packed run (or a map entry).
  var lengthDelimitedTag: UInt32 { tag(.lengthDelimited) }

  /// Encoded size of a tag of this field.
  var tagSize: Int { FieldContext.varintSize(UInt64(tag)) }

  /// Keys accepted when reading JSON: the JSON name, then the schema name if different.
  var jsonKeys: [String] {
    descriptor.jsonName == descriptor.name ? [descriptor.name] : [descriptor.jsonName, descriptor.name]
  }

  /// `writer.writeKey("jsonName", protoName: "name")`.
  var jsonWriteKey: String {
    "writer.writeKey(\(SwiftLiteral.string(descriptor.jsonName)), protoName: \(SwiftLiteral.string(descriptor.name)))"
  }

  /// `case "jsonName", "name":`, and where the field has two names, a first statement
  /// claiming the name not used so the field cannot be given under both.
  func emitJSONCaseLabel(into writer: inout SwiftWriter) {
    writer.line("case " + jsonKeys.map(SwiftLiteral.string).joined(separator: ", ") + ":")
    guard jsonKeys.count == 2 else { return }
    let (json, proto) = (SwiftLiteral.string(jsonKeys[0]), SwiftLiteral.string(jsonKeys[1]))
    writer.indented { $0.line("try reader.claimFieldAlias(key == \(json) ? \(proto) : \(json))") }
  }

  /// Bytes of `value` as a varint.
  static func varintSize(_ value: UInt64) -> Int {
    var size = 1
    var rest = value >> 7
    while rest != 0 {
      size += 1
      rest >>= 7
    }
    return size
  }

  /// Writes the property declaration (with doc comment, deprecation and boxing).
  func declare(type: String, defaultValue: String, visibility: String, into writer: inout SwiftWriter) {
    writer.docComment(descriptor.comments)
    let wrapper = isBoxed ? "@ProtoIndirect " : ""
    guard descriptor.isDeprecated else {
      writer.line("\(wrapper)\(visibility)var \(declaredName): \(type) = \(defaultValue)")
      return
    }
    writer.line("@available(*, deprecated)")
    writer.block("\(visibility)var \(declaredName): \(type)") { body in
      body.line("get { \(storage) }")
      body.line("set { \(storage) = newValue }")
    }
    writer.line("\(wrapper)private var \(storageName): \(type) = \(defaultValue)")
  }
}
