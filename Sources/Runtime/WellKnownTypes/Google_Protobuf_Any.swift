/// `google.protobuf.Any`: a message of any type, as a type URL plus its binary
/// encoding.
///
/// JSON form: `{"@type": url, ...fields of the packed message}`, or
/// `{"@type": url, "value": <JSON>}` when the packed type is a well-known type with a
/// special JSON form. The JSON codecs find the packed type in the options'
/// `ProtoTypeRegistry` by the part of the URL after its last `/`.
public struct Google_Protobuf_Any: ProtoMessage {
  /// `google.protobuf.Any`.
  public static let protoMessageName = "google.protobuf.Any"

  /// Names the packed type, such as `type.googleapis.com/sluice.v1.Event`.
  public var typeUrl: String = ""
  /// The packed message's binary encoding.
  public var value: [UInt8] = []
  /// Fields of a newer schema version, kept verbatim.
  public var unknownFields = UnknownFields()

  /// An empty `Any` (no type).
  public init() {}

  /// Packs `message`, naming it `typePrefix/<protoMessageName>`.
  public init(packing message: some ProtoMessage, typePrefix: String = "type.googleapis.com") {
    let name = type(of: message).protoMessageName
    typeUrl = typePrefix.hasSuffix("/") ? typePrefix + name : typePrefix + "/" + name
    value = message.serializedBytes()
  }

  /// Whether the type URL names `M`.
  public func isA<M: ProtoMessage>(_ type: M.Type) -> Bool {
    ProtoTypeRegistry.messageName(fromTypeURL: typeUrl) == M.protoMessageName
  }

  /// Decodes the packed message as `M`; throws `anyTypeMismatch` when the URL names
  /// another type.
  public func unpack<M: ProtoMessage>(_ type: M.Type, options: ProtoDecodingOptions = .init()) throws(ProtoDecodingError) -> M {
    guard isA(type) else { throw .anyTypeMismatch(typeURL: typeUrl) }
    return try M(serializedBytes: value, options: options)
  }

  /// Well-known types whose JSON form is not an object of fields; inside an `Any` they
  /// go under a `"value"` key.
  static let typesWithSpecialJSON: Set<String> = [
    "google.protobuf.Any", "google.protobuf.Duration", "google.protobuf.FieldMask",
    "google.protobuf.ListValue", "google.protobuf.Struct", "google.protobuf.Timestamp",
    "google.protobuf.Value", "google.protobuf.DoubleValue", "google.protobuf.FloatValue",
    "google.protobuf.Int64Value", "google.protobuf.UInt64Value", "google.protobuf.Int32Value",
    "google.protobuf.UInt32Value", "google.protobuf.BoolValue", "google.protobuf.StringValue",
    "google.protobuf.BytesValue",
  ]

  // MARK: Binary

  /// Exact length of the binary encoding.
  public func serializedSize() -> Int {
    var size = unknownFields.byteCount
    if !typeUrl.isEmpty { size += 1 + ProtoSize.string(typeUrl) }
    if !value.isEmpty { size += 1 + ProtoSize.bytes(value) }
    return size
  }

  /// Writes the binary encoding.
  public func encode(to writer: inout ProtoWriter) {
    if !typeUrl.isEmpty {
      writer.writeTag(10)
      writer.writeString(typeUrl)
    }
    if !value.isEmpty {
      writer.writeTag(18)
      writer.writeBytes(value)
    }
    writer.writeUnknownFields(unknownFields)
  }

  /// Reads the binary encoding, merging into `self`.
  public mutating func decodeMerging(from reader: inout ProtoReader) throws(ProtoDecodingError) {
    while let tag = try reader.readTag() {
      switch tag {
      case 10: typeUrl = try reader.readString()
      case 18: value = try reader.readBytes()
      default:
        switch tag >> 3 {
        case 1, 2: throw .wireTypeMismatch(fieldNumber: Int32(tag >> 3))
        default: try reader.skipField(tag: tag, into: &unknownFields)
        }
      }
    }
  }

  // MARK: JSON

  /// Writes the JSON object; fails when the registry lacks the type, the bytes do not
  /// decode as it, or `Any`s nest more than 100 deep.
  public func encodeJSON(to writer: inout JSONWriter) {
    if typeUrl.isEmpty && value.isEmpty {
      writer.beginObject()
      writer.endObject()
      return
    }
    guard let type = writer.options.typeRegistry.messageType(forTypeURL: typeUrl) else {
      return writer.fail(.unknownAnyType(typeUrl))
    }
    encodeJSON(as: type, to: &writer)
  }

  /// How many `Any`s may nest inside one another in JSON output.
  static let nestingLimit = 100

  private func encodeJSON<M: ProtoMessage>(as type: M.Type, to writer: inout JSONWriter) {
    guard writer.anyNesting < Self.nestingLimit, let message = try? M(serializedBytes: value) else {
      return writer.fail(.invalidAny(typeURL: typeUrl))
    }
    writer.anyNesting += 1
    defer { writer.anyNesting -= 1 }
    if Self.typesWithSpecialJSON.contains(M.protoMessageName) {
      writer.beginObject()
      writer.writeKey("@type")
      writer.writeString(typeUrl)
      writer.writeKey("value")
      message.encodeJSON(to: &writer)
      writer.endObject()
      return
    }
    var body = JSONWriter(options: writer.options)
    body.anyNesting = writer.anyNesting
    message.encodeJSON(to: &body)
    if let failure = body.failure { return writer.fail(failure) }
    writer.beginObject()
    writer.writeKey("@type")
    writer.writeString(typeUrl)
    // Splice the body's members (between its braces) after "@type".
    if body.bytes.count > 2 {
      writer.appendRaw(CollectionOfOne(UInt8(ascii: ",")))
      writer.appendRaw(body.bytes[1..<(body.bytes.count - 1)])
    }
    writer.endObject()
  }

  /// Reads the JSON object: finds `@type` first, then decodes the rest as the named
  /// type and stores its binary encoding.
  public mutating func decodeJSONMerging(from reader: inout JSONReader) throws(JSONDecodingError) {
    let objectOffset = try reader.peekOffset()
    var scan = reader
    try scan.beginObject()
    var url: String? = nil
    var memberCount = 0
    while let key = try scan.nextKey() {
      memberCount += 1
      if key == "@type" {
        url = try scan.readString()
      } else {
        try scan.skipValue()
      }
    }
    guard let url else {
      guard memberCount == 0 else { throw .invalidAny(offset: objectOffset) }
      reader = scan
      typeUrl = ""
      value = []
      return
    }
    guard let type = reader.options.typeRegistry.messageType(forTypeURL: url) else {
      throw .unknownAnyType(url)
    }
    value = try Self.decodeJSONBody(as: type, from: &reader, objectOffset: objectOffset)
    typeUrl = url
  }

  private static func decodeJSONBody<M: ProtoMessage>(
    as type: M.Type, from reader: inout JSONReader, objectOffset: Int
  ) throws(JSONDecodingError) -> [UInt8] {
    var message = M()
    if typesWithSpecialJSON.contains(M.protoMessageName) {
      try reader.beginObject()
      var sawValue = false
      while let key = try reader.nextKey() {
        switch key {
        case "@type":
          try reader.skipValue()
        case "value":
          try reader.readMessage(into: &message)
          sawValue = true
        default:
          try reader.skipUnknownField(key)
        }
      }
      guard sawValue else { throw .invalidAny(offset: objectOffset) }
    } else {
      let outer = reader.anyBodyDepth
      reader.anyBodyDepth = reader.depth + 1
      try reader.readMessage(into: &message)
      reader.anyBodyDepth = outer
    }
    return message.serializedBytes()
  }
}
