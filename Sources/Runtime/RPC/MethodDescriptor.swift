/// Everything static about one RPC method: its names, its kind and its message types.
///
/// Generated code declares one per method as a `static let`. The fields live in one
/// shared immutable object, so copying a descriptor (once per call, into the server
/// context) costs a single reference count.
public struct MethodDescriptor: Sendable, Hashable, CustomStringConvertible {
  private final class Storage: Sendable {
    let service: String
    let method: String
    let path: String
    let kind: RPCKind
    let inputType: String
    let outputType: String
    let idempotencyLevel: IdempotencyLevel

    init(
      service: String, method: String, kind: RPCKind, inputType: String, outputType: String,
      idempotencyLevel: IdempotencyLevel
    ) {
      self.service = service
      self.method = method
      self.path = "/" + service + "/" + method
      self.kind = kind
      self.inputType = inputType
      self.outputType = outputType
      self.idempotencyLevel = idempotencyLevel
    }
  }

  private let storage: Storage

  /// Creates a descriptor.
  /// - Parameters:
  ///   - service: The service's fully qualified name, such as `sluice.v1.IngestService`.
  ///   - method: The method's name as the schema writes it, such as `Ingest`.
  ///   - kind: Which sides stream.
  ///   - inputType: Fully qualified name of the request message.
  ///   - outputType: Fully qualified name of the response message.
  ///   - idempotencyLevel: The method's `idempotency_level` option.
  public init(
    service: String, method: String, kind: RPCKind, inputType: String, outputType: String,
    idempotencyLevel: IdempotencyLevel = .unknown
  ) {
    storage = Storage(
      service: service, method: method, kind: kind, inputType: inputType,
      outputType: outputType, idempotencyLevel: idempotencyLevel)
  }

  /// The service's fully qualified name, such as `sluice.v1.IngestService`.
  public var service: String { storage.service }
  /// The method's name, such as `Ingest`.
  public var method: String { storage.method }
  /// The HTTP path, `/` + service + `/` + method: `/sluice.v1.IngestService/Ingest`.
  public var path: String { storage.path }
  /// Which sides stream.
  public var kind: RPCKind { storage.kind }
  /// Fully qualified name of the request message.
  public var inputType: String { storage.inputType }
  /// Fully qualified name of the response message.
  public var outputType: String { storage.outputType }
  /// The method's `idempotency_level` option.
  public var idempotencyLevel: IdempotencyLevel { storage.idempotencyLevel }

  /// The full method name, `service/method` (as gRPC's service config writes it).
  public var description: String { service + "/" + method }

  /// Whether both describe the same method the same way.
  public static func == (lhs: MethodDescriptor, rhs: MethodDescriptor) -> Bool {
    if lhs.storage === rhs.storage { return true }
    return lhs.path == rhs.path && lhs.kind == rhs.kind && lhs.inputType == rhs.inputType
      && lhs.outputType == rhs.outputType && lhs.idempotencyLevel == rhs.idempotencyLevel
  }

  /// Hashes the path, which identifies a method on a server.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(path)
  }
}
