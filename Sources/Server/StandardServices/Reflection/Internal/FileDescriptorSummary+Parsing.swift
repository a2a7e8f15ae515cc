internal import SluiceRuntime

/// Reading the summary from `FileDescriptorProto` bytes: only the fields that carry
/// names are decoded (descriptor.proto's field numbers), everything else is skipped.
/// Names are qualified the way protobuf's descriptor pools qualify them: nested
/// declarations under their message, enum values beside their enum.
extension FileDescriptorSummary {
  /// Reads the summary of one encoded `FileDescriptorProto`.
  init(parsing bytes: [UInt8]) throws(ProtoDecodingError) {
    let result: Result<FileDescriptorSummary, ProtoDecodingError> = bytes.withUnsafeBytes {
      buffer in
      do throws(ProtoDecodingError) {
        return .success(try FileDescriptorSummary(reader: ProtoReader(buffer: buffer)))
      } catch {
        return .failure(error)
      }
    }
    self = try result.get()
  }

  private init(reader: ProtoReader) throws(ProtoDecodingError) {
    // The package qualifies every declaration, wherever it sits in the encoding.
    var header = reader
    while let tag = try header.readTag() {
      switch tag {
      case 10: name = try header.readString()  // name
      case 18: package = try header.readString()  // package
      case 26: dependencies.append(try header.readString())  // dependency
      default: try header.skipField(tag: tag)
      }
    }
    var body = reader
    while let tag = try body.readTag() {
      switch tag {
      case 34:  // message_type
        var message = try body.beginNested()
        try addMessage(from: &message, in: package)
      case 42:  // enum_type
        var enumeration = try body.beginNested()
        try addEnum(from: &enumeration, in: package)
      case 50:  // service
        var service = try body.beginNested()
        try addService(from: &service, in: package)
      case 58:  // extension
        var field = try body.beginNested()
        try addExtension(from: &field, in: package)
      default: try body.skipField(tag: tag)
      }
    }
  }

  /// A `DescriptorProto`: the message, its fields, oneofs, extensions and nested types.
  private mutating func addMessage(from reader: inout ProtoReader, in scope: String)
    throws(ProtoDecodingError)
  {
    let fullName = declare(try Self.name(in: reader), in: scope, as: .message)
    while let tag = try reader.readTag() {
      switch tag {
      case 18:  // field
        declare(try Self.name(in: try reader.beginNested()), in: fullName, as: .field)
      case 26:  // nested_type
        var nested = try reader.beginNested()
        try addMessage(from: &nested, in: fullName)
      case 34:  // enum_type
        var enumeration = try reader.beginNested()
        try addEnum(from: &enumeration, in: fullName)
      case 50:  // extension
        var field = try reader.beginNested()
        try addExtension(from: &field, in: fullName)
      case 66:  // oneof_decl
        declare(try Self.name(in: try reader.beginNested()), in: fullName, as: .oneof)
      default: try reader.skipField(tag: tag)
      }
    }
  }

  /// An `EnumDescriptorProto`. Its values are named in the scope that holds the enum,
  /// as protobuf scopes them (`pkg.RED`, not `pkg.Color.RED`).
  private mutating func addEnum(from reader: inout ProtoReader, in scope: String)
    throws(ProtoDecodingError)
  {
    declare(try Self.name(in: reader), in: scope, as: .enumeration)
    while let tag = try reader.readTag() {
      switch tag {
      case 18:  // value
        declare(try Self.name(in: try reader.beginNested()), in: scope, as: .enumValue)
      default: try reader.skipField(tag: tag)
      }
    }
  }

  /// A `ServiceDescriptorProto` and its methods.
  private mutating func addService(from reader: inout ProtoReader, in scope: String)
    throws(ProtoDecodingError)
  {
    let fullName = declare(try Self.name(in: reader), in: scope, as: .service)
    while let tag = try reader.readTag() {
      switch tag {
      case 18:  // method
        declare(try Self.name(in: try reader.beginNested()), in: fullName, as: .method)
      default: try reader.skipField(tag: tag)
      }
    }
  }

  /// A `FieldDescriptorProto` declared as an extension: its name and what it extends.
  private mutating func addExtension(from reader: inout ProtoReader, in scope: String)
    throws(ProtoDecodingError)
  {
    var name = ""
    var extendee = ""
    var number: Int32 = 0
    while let tag = try reader.readTag() {
      switch tag {
      case 10: name = try reader.readString()  // name
      case 18: extendee = try reader.readString()  // extendee, ".pkg.Message"
      case 24: number = try reader.readInt32()  // number
      default: try reader.skipField(tag: tag)
      }
    }
    declare(name, in: scope, as: .extension)
    if extendee.hasPrefix(".") { extendee.removeFirst() }
    extensions.append(ExtensionKey(extendee: extendee, number: number))
  }

  /// Records `scope.name` as a `kind` and returns the qualified name.
  @discardableResult
  private mutating func declare(_ name: String, in scope: String, as kind: SymbolKind) -> String {
    let fullName = Self.qualified(name, in: scope)
    symbols.append(Symbol(name: fullName, kind: kind))
    return fullName
  }

  /// Field 1 (`name`) of a descriptor message, read from a copy of its reader.
  private static func name(in reader: ProtoReader) throws(ProtoDecodingError) -> String {
    var reader = reader
    var name = ""
    while let tag = try reader.readTag() {
      if tag == 10 {
        name = try reader.readString()
      } else {
        try reader.skipField(tag: tag)
      }
    }
    return name
  }
}
