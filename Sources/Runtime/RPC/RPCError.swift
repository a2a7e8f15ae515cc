/// A failed RPC: a status code other than `.ok`, a message for developers, metadata (sent
/// as trailers) and optional typed details.
///
/// Handlers throw it to fail an RPC with a chosen code; transports and the typed client
/// helpers throw it for every failure, so `catch let error as RPCError` sees all of them.
/// Other errors thrown by handlers are turned into one by ``init(_:)``.
public struct RPCError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The status code; never `.ok`.
  public var code: StatusCode
  /// A message for developers (`grpc-message`, Connect's `message`), not for end users.
  public var message: String
  /// Metadata sent with the error: gRPC trailers, Connect error metadata.
  public var metadata: Metadata
  /// Typed details (gRPC's `grpc-status-details-bin`, Connect's `details`).
  public var details: [Detail]

  /// One typed error detail: a serialized protobuf message and its type.
  public struct Detail: Sendable, Hashable {
    /// Fully qualified protobuf name of the message, such as `google.rpc.RetryInfo`.
    public var typeName: String
    /// The message's binary encoding.
    public var value: [UInt8]

    /// Creates a detail from a message name and its binary encoding.
    public init(typeName: String, value: [UInt8]) {
      self.typeName = typeName
      self.value = value
    }

    /// The type URL `google.protobuf.Any` uses: `type.googleapis.com/` and the name.
    public var typeURL: String { "type.googleapis.com/" + typeName }
  }

  /// Creates an error. An error cannot have code `.ok`: `.ok` becomes `.unknown`.
  public init(
    code: StatusCode, message: String = "", metadata: Metadata = Metadata(), details: [Detail] = []
  ) {
    self.code = code == .ok ? .unknown : code
    self.message = message
    self.metadata = metadata
    self.details = details
  }

  /// The error an RPC fails with when its handler throws `error`: an `RPCError` as is, an
  /// ``RPCErrorConvertible`` converted, `CancellationError` as `.cancelled`, anything
  /// else `.unknown` naming only the error's type (its text may hold secrets).
  public init(_ error: any Error) {
    switch error {
    case let error as RPCError:
      self = error
    case let error as any RPCErrorConvertible:
      self = error.rpcError
    case is CancellationError:
      self.init(code: .cancelled, message: "the RPC was cancelled")
    default:
      self.init(code: .unknown, message: "handler threw \(type(of: error))")
    }
  }

  /// `CODE: message`.
  public var description: String {
    message.isEmpty ? code.name : "\(code.name): \(message)"
  }
}
