/// Reads the outcome of a gRPC call from the header fields a client receives: the
/// trailers, or a `Trailers-Only` response (`:status`, `content-type`, `grpc-status`,
/// `grpc-message`, `grpc-status-details-bin`, custom metadata).
///
/// Per gRPC's protocol it synthesizes a status for broken deployments: a `:status` other
/// than 200 maps through ``StatusCode/init(httpStatus:)`` (its message names the HTTP
/// status), and a missing or malformed `grpc-status` becomes `INTERNAL`.
public struct GRPCStatusReader: HeaderFieldReader {
  private var httpStatus: Int?
  private var statusCode: Int?
  private var hasMalformedStatus = false
  private var message: String?
  private var details: GoogleRPCStatus?
  private var malformedBinaryKey: String?
  /// The custom metadata read so far (`-bin` values decoded).
  public private(set) var metadata = Metadata()

  /// Creates an empty reader.
  public init() {}

  /// Reads one header field.
  public mutating func add(name: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer) {
    if ASCII.equals(name, ":status") {
      httpStatus = ASCII.decimal(value, maxDigits: 3).map { Int($0) }
    } else if ASCII.equalsIgnoringCase(name, "grpc-status") {
      if let code = ASCII.decimal(ASCII.trimmed(value), maxDigits: 9) {
        statusCode = Int(code)
      } else {
        hasMalformedStatus = true
      }
    } else if ASCII.equalsIgnoringCase(name, "grpc-message") {
      message = GRPCStatusMessage.decode(value)
    } else if ASCII.equalsIgnoringCase(name, "grpc-status-details-bin") {
      details = GRPCStatusDetails.decode(value)
    } else if name.first != UInt8(ascii: ":") && !RequestHeadParser.isProtocolHeader(name)
      && !ASCII.equalsIgnoringCase(name, "content-type")
      && !ASCII.hasPrefixIgnoringCase(name, "grpc-")
    {
      MetadataHeaders.add(
        name: name, value: value, to: &metadata, malformedBinaryKey: &malformedBinaryKey)
    }
  }

  /// The call's error, or nil when it succeeded (`grpc-status: 0`). Details come from
  /// `grpc-status-details-bin` when present; the error's metadata is the trailers'.
  public var error: RPCError? {
    if let httpStatus, httpStatus != 200 {
      return RPCError(
        code: StatusCode(httpStatus: httpStatus), message: "HTTP status \(httpStatus)",
        metadata: metadata)
    }
    guard let statusCode, !hasMalformedStatus else {
      return RPCError(
        code: .internal,
        message: hasMalformedStatus ? "malformed grpc-status" : "missing grpc-status",
        metadata: metadata)
    }
    if statusCode == 0 { return nil }
    return RPCError(
      code: StatusCode(grpcStatus: statusCode), message: message ?? details?.message ?? "",
      metadata: metadata, details: details?.rpcErrorDetails ?? [])
  }
}
