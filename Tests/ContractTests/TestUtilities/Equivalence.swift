import SluiceRuntime

/// Value equality that tolerates NaN (never equal to itself): equal values, or values
/// whose encodings hold the same top-level fields, compared as sorted byte strings so the
/// order of map entries does not matter.
enum Equivalence {
  static func same<M: ProtoMessage>(_ a: M, _ b: M) -> Bool {
    a == b || topLevelFields(a.serializedBytes()) == topLevelFields(b.serializedBytes())
  }

  /// Each top-level field's tag and value bytes, sorted.
  static func topLevelFields(_ bytes: [UInt8]) -> [[UInt8]] {
    var fields: [[UInt8]] = []
    bytes.withUnsafeBytes { buffer in
      var reader = ProtoReader(buffer: buffer)
      while let tag = try? reader.readTag() {
        var field = UnknownFields()
        guard (try? reader.skipField(tag: tag, into: &field)) != nil else { return }
        fields.append(field.bytes)
      }
    }
    return fields.sorted { $0.lexicographicallyPrecedes($1) }
  }
}
