/// The `grpc-status-details-bin` trailer: a base64 (unpadded on output, padded or not on
/// input) ``GoogleRPCStatus``.
public enum GRPCStatusDetails {
  /// Appends the header value for `error` (its code, message and details).
  public static func encode(_ error: RPCError, into output: inout [UInt8]) {
    Base64.encode(GoogleRPCStatus(error).serializedBytes(), into: &output, padding: false)
  }

  /// The status a header value carries; nil when it is not base64 or not a
  /// `google.rpc.Status`.
  public static func decode(_ value: UnsafeRawBufferPointer) -> GoogleRPCStatus? {
    guard
      let bytes = value.withMemoryRebound(to: UInt8.self, { Base64.decode($0) })
    else { return nil }
    return bytes.withUnsafeBytes { try? GoogleRPCStatus(serializedBytes: $0) }
  }

  /// The status a header value carries; nil when malformed.
  public static func decode(_ value: String) -> GoogleRPCStatus? {
    var value = value
    return value.withUTF8 { decode(UnsafeRawBufferPointer($0)) }
  }
}
