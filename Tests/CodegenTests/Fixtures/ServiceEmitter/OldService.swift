/// Kept for old clients.
///
/// - Note: Deprecated in the schema.
enum OldOldService {
  /// Descriptor of `legacy.OldService`, for routing and reflection.
  static let descriptor = ServiceDescriptor(
    fullName: "legacy.OldService",
    methods: [Method.`default`, Method.urlFetch],
    fileDescriptorProtos: [
      Legacy_ProtoFile.descriptorBytes,
      Shared_Base_ProtoFile.descriptorBytes,
      Google_Protobuf_Empty_ProtoFile.descriptorBytes,
    ])

  /// Descriptors of the methods of `legacy.OldService`.
  enum Method {
    /// `Default`.
    static let `default` = MethodDescriptor(
      service: "legacy.OldService", method: "Default", kind: .unary, inputType: "legacy.Thing",
      outputType: "legacy.Thing")

    /// `URLFetch`.
    static let urlFetch = MethodDescriptor(
      service: "legacy.OldService", method: "URLFetch", kind: .bidirectionalStreaming,
      inputType: "legacy.Thing", outputType: "legacy.Thing")
  }

  /// The methods of `legacy.OldService`, for a server to implement. A conforming
  /// type is an `RPCService`: register it with an `RPCRouter`.
  protocol ServiceProtocol: RPCService {
    /// Handles `Default`.
    func `default`(request: OldThing, context: ServerContext) async throws -> OldThing

    /// Handles `URLFetch`.
    func urlFetch(
      requests: RPCRequestStream<OldThing>,
      response: RPCResponseWriter<OldThing>,
      context: ServerContext,
    ) async throws
  }

  /// A typed client of `legacy.OldService`.
  @available(*, deprecated)
  struct Client: Sendable {
    /// The transport every call goes through.
    let transport: any ClientTransport

    /// A client calling through `transport`.
    init(transport: any ClientTransport) {
      self.transport = transport
    }

    /// Calls `Default`.
    func `default`(
      _ request: OldThing,
      options: CallOptions = CallOptions(),
    ) async throws(RPCError) -> OldThing {
      try await defaultWithMetadata(request, options: options).message
    }

    /// Calls `Default`; returns the response with its metadata.
    func defaultWithMetadata(
      _ request: OldThing,
      options: CallOptions = CallOptions(),
    ) async throws(RPCError) -> ClientResponse<OldThing> {
      try await self.transport.performUnary(
        request, method: Method.`default`, options: options, responseType: OldThing.self)
    }

    /// Calls `URLFetch`.
    func urlFetch<Output>(
      options: CallOptions = CallOptions(),
      isolation: isolated (any Actor)? = #isolation,
      requests: @escaping @Sendable (RPCRequestWriter<OldThing>) async throws -> Void,
      responses: (RPCResponseStream<OldThing>) async throws -> Output,
    ) async throws -> Output {
      try await self.transport.performBidirectionalStreaming(
        method: Method.urlFetch, options: options, responseType: OldThing.self,
        isolation: isolation, requests: requests, responses: responses)
    }
  }
}

extension OldOldService.ServiceProtocol {
  /// Descriptor of the service.
  static var serviceDescriptor: ServiceDescriptor {
    OldOldService.descriptor
  }

  /// One handler per method, calling this instance.
  func handlers() -> [RPCHandler] {
    typealias Method = OldOldService.Method
    return [
      .unary(Method.`default`, self.`default`(request:context:)),
      .bidirectionalStreaming(Method.urlFetch, self.urlFetch(requests:response:context:)),
    ]
  }
}
