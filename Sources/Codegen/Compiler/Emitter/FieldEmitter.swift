/// Emits one field (not a oneof member) of a message: its declaration and its part of
/// every generated method. One conformer per field kind.
protocol FieldEmitter {
  /// The resolved field.
  var field: FieldContext { get }
  /// Property declaration inside the struct.
  func emitDeclaration(visibility: String, into writer: inout SwiftWriter)
  /// Statements adding the field's encoded size to `size`.
  func emitSize(into writer: inout SwiftWriter)
  /// Statements writing the field.
  func emitEncode(into writer: inout SwiftWriter)
  /// `case <tag>:` arms of the binary decoder's switch.
  func emitDecodeCases(into writer: inout SwiftWriter)
  /// Statements writing the field's JSON member.
  func emitJSONEncode(into writer: inout SwiftWriter)
  /// The `case "<key>":` arm of the JSON decoder's switch.
  func emitJSONDecodeCase(into writer: inout SwiftWriter)
}

/// The emitter for a field that is not part of a real oneof.
func makeFieldEmitter(_ field: FieldContext) -> any FieldEmitter {
  if field.mapKey != nil { return MapFieldEmitter(field: field) }
  if field.descriptor.label == .repeated { return RepeatedFieldEmitter(field: field) }
  if case .message = field.value { return MessageFieldEmitter(field: field) }
  return ScalarFieldEmitter(field: field)
}
