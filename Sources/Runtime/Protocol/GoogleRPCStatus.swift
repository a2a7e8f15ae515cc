/// `google.rpc.Status` (`int32 code = 1; string message = 2; repeated
/// google.protobuf.Any details = 3;`): the message gRPC carries, base64-encoded, in the
/// `grpc-status-details-bin` trailer to transport typed error details.
public struct GoogleRPCStatus: Sendable, Hashable {
  /// The status code number.
  public var code: Int32
  /// The developer-facing message (plain UTF-8, not percent-encoded).
  public var message: String
  /// The typed details.
  public var details: [Google_Protobuf_Any]

  /// Creates a status.
  public init(code: Int32 = 0, message: String = "", details: [Google_Protobuf_Any] = []) {
    self.code = code
    self.message = message
    self.details = details
  }

  /// The status of `error`, each detail packed with the `type.googleapis.com/` prefix.
  public init(_ error: RPCError) {
    code = Int32(error.code.rawValue)
    message = error.message
    details = error.details.map { detail in
      var any = Google_Protobuf_Any()
      any.typeUrl = detail.typeURL
      any.value = detail.value
      return any
    }
  }

  /// The details as ``RPCError/Detail`` values (type name: the URL after its last `/`).
  public var rpcErrorDetails: [RPCError.Detail] {
    details.map { any in
      RPCError.Detail(
        typeName: ProtoTypeRegistry.messageName(fromTypeURL: any.typeUrl), value: any.value)
    }
  }

  // MARK: Binary

  /// Exact length of the binary encoding.
  public func serializedSize() -> Int {
    var size = 0
    if code != 0 { size += 1 + ProtoSize.int32(code) }
    if !message.isEmpty { size += 1 + ProtoSize.string(message) }
    for detail in details { size += 1 + ProtoSize.message(detail) }
    return size
  }

  /// The binary encoding.
  public func serializedBytes() -> [UInt8] {
    let size = serializedSize()
    if size == 0 { return [] }
    return [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
      var writer = ProtoWriter(buffer: UnsafeMutableRawBufferPointer(buffer))
      if code != 0 {
        writer.writeTag(8)
        writer.writeInt32(code)
      }
      if !message.isEmpty {
        writer.writeTag(18)
        writer.writeString(message)
      }
      for detail in details {
        writer.writeTag(26)
        writer.writeMessage(detail)
      }
      initialized = writer.bytesWritten
    }
  }

  /// Decodes the binary encoding; unknown fields are skipped.
  public init(serializedBytes buffer: UnsafeRawBufferPointer) throws(ProtoDecodingError) {
    self.init()
    var reader = ProtoReader(buffer: buffer)
    while let tag = try reader.readTag() {
      switch tag {
      case 8: code = try reader.readInt32()
      case 18: message = try reader.readString()
      case 26:
        var detail = Google_Protobuf_Any()
        try reader.readMessage(into: &detail)
        details.append(detail)
      default:
        switch tag >> 3 {
        case 1, 2, 3: throw .wireTypeMismatch(fieldNumber: Int32(tag >> 3))
        default: try reader.skipField(tag: tag)
        }
      }
    }
  }
}
