/// How messages of one call travel as bytes: protobuf's binary encoding (gRPC,
/// `application/proto`) or proto3 JSON (Connect's `application/json`).
///
/// The server picks the codec per request from its content type and passes it to the
/// handler, so one handler serves gRPC and Connect JSON alike; a client transport picks
/// the codec it announces.
public enum MessageCodec: Sendable {
  /// Protobuf's binary encoding.
  case protobuf
  /// Proto3 JSON with these options.
  case json(
    JSONEncodingOptions = JSONEncodingOptions(), JSONDecodingOptions = JSONDecodingOptions())

  /// The message's encoding. Fails with `.internal` only for JSON, when a value has no
  /// JSON form (an `Any` of an unregistered type, an out-of-range `Timestamp`).
  @inlinable
  public func encode<Message: ProtoMessage>(_ message: Message) throws(RPCError) -> [UInt8] {
    switch self {
    case .protobuf:
      return message.serializedBytes()
    case .json(let options, _):
      do throws(JSONEncodingError) {
        return try message.jsonUTF8(options: options)
      } catch {
        throw RPCError(
          code: .internal, message: "cannot encode \(Message.protoMessageName) as JSON: \(error)")
      }
    }
  }

  /// Decodes one message. Failures become an ``RPCError`` with `errorCode`:
  /// `.invalidArgument` for a server reading requests (the client sent bad input),
  /// `.internal` for a client reading responses (the server broke the contract).
  @inlinable
  public func decode<Message: ProtoMessage>(
    _ bytes: [UInt8], as type: Message.Type = Message.self, errorCode: StatusCode
  ) throws(RPCError) -> Message {
    switch self {
    case .protobuf:
      do throws(ProtoDecodingError) {
        return try Message(serializedBytes: bytes)
      } catch {
        throw RPCError(
          code: errorCode, message: "cannot decode \(Message.protoMessageName): \(error)")
      }
    case .json(_, let options):
      do throws(JSONDecodingError) {
        return try Message(jsonUTF8: bytes, options: options)
      } catch {
        throw RPCError(
          code: errorCode, message: "cannot decode \(Message.protoMessageName) from JSON: \(error)")
      }
    }
  }
}
