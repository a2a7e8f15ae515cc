/// `google.protobuf.FieldMask`: a set of field paths. JSON form: the paths in
/// lowerCamelCase joined by commas, such as `"user.displayName,photo"`.
public struct Google_Protobuf_FieldMask: ProtoMessage {
  /// `google.protobuf.FieldMask`.
  public static let protoMessageName = "google.protobuf.FieldMask"

  /// Field paths in schema (snake_case) form, such as `user.display_name`.
  public var paths: [String] = []
  /// Fields of a newer schema version, kept verbatim.
  public var unknownFields = UnknownFields()

  /// An empty mask.
  public init() {}

  /// A mask of `paths`.
  public init(paths: [String]) { self.paths = paths }

  /// Exact length of the binary encoding.
  public func serializedSize() -> Int {
    var size = 0
    for path in paths { size += 1 + ProtoSize.string(path) }
    return size + unknownFields.byteCount
  }

  /// Writes the binary encoding.
  public func encode(to writer: inout ProtoWriter) {
    for path in paths {
      writer.writeTag(10)
      writer.writeString(path)
    }
    writer.writeUnknownFields(unknownFields)
  }

  /// Reads the binary encoding, merging into `self`.
  public mutating func decodeMerging(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.readTag() {
      switch tag {
      case 10: paths.append(try reader.readString())
      default:
        if tag >> 3 == 1 { throw .wireTypeMismatch(fieldNumber: 1) }
        try reader.skipField(tag: tag, into: &unknownFields)
      }
    }
  }

  /// Writes the comma-joined lowerCamelCase paths; fails for a path that would not
  /// convert back to itself (upper-case letters, `_` not followed by a lower-case letter).
  public func encodeJSON(to writer: inout JSONWriter) {
    var text = ""
    for (i, path) in paths.enumerated() {
      guard let camel = Self.lowerCamelCase(path) else { return writer.fail(.invalidFieldMask(path)) }
      if i > 0 { text += "," }
      text += camel
    }
    writer.writeString(text)
  }

  /// Reads comma-separated lowerCamelCase paths (a `_` in a path is an error).
  public mutating func decodeJSONMerging(from reader: inout JSONReader) throws(JSONDecodingError) {
    let tokenOffset = try reader.peekOffset()
    let text = try reader.readString()
    paths = []
    if text.isEmpty { return }
    for part in text.split(separator: ",", omittingEmptySubsequences: false) {
      guard let path = Self.snakeCase(part) else { throw .invalidFieldMask(offset: tokenOffset) }
      paths.append(path)
    }
  }

  /// `foo_bar.baz` → `fooBar.baz`, or nil when the result would not convert back.
  static func lowerCamelCase(_ path: String) -> String? {
    var result = ""
    var afterUnderscore = false
    for scalar in path.unicodeScalars {
      if scalar.properties.isUppercase { return nil }
      if afterUnderscore {
        guard ("a"..."z").contains(scalar) else { return nil }
        result.unicodeScalars.append(contentsOf: String(scalar).uppercased().unicodeScalars)
        afterUnderscore = false
      } else if scalar == "_" {
        afterUnderscore = true
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
    return afterUnderscore ? nil : result
  }

  /// `fooBar.baz` → `foo_bar.baz`, or nil when the path contains `_`.
  static func snakeCase(_ path: Substring) -> String? {
    var result = ""
    for scalar in path.unicodeScalars {
      if scalar == "_" { return nil }
      if ("A"..."Z").contains(scalar) {
        result += "_"
        result.unicodeScalars.append(Unicode.Scalar(scalar.value + 32)!)
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }
}
