/// The `sluice.v1.IngestService` service: descriptors, server protocol, client.
public enum Sluice_V1_IngestService {
  /// Descriptor of `sluice.v1.IngestService`, for routing and reflection.
  public static let descriptor = ServiceDescriptor(
    fullName: "sluice.v1.IngestService",
    methods: [Method.ingest, Method.tail, Method.ingestStream],
    fileDescriptorProtos: [
      Sluice_V1_Ingest_ProtoFile.descriptorBytes,
      Google_Protobuf_Timestamp_ProtoFile.descriptorBytes,
      Sluice_V1_CommonTypes_ProtoFile.descriptorBytes,
    ])

  /// Descriptors of the methods of `sluice.v1.IngestService`.
  public enum Method {
    /// `Ingest`.
    public static let ingest = MethodDescriptor(
      service: "sluice.v1.IngestService", method: "Ingest", kind: .unary,
      inputType: "sluice.v1.IngestRequest", outputType: "sluice.v1.IngestResponse",
      idempotencyLevel: .idempotent)

    /// `Tail`.
    public static let tail = MethodDescriptor(
      service: "sluice.v1.IngestService", method: "Tail", kind: .serverStreaming,
      inputType: "sluice.v1.TailRequest", outputType: "sluice.v1.Event")

    /// `IngestStream`.
    public static let ingestStream = MethodDescriptor(
      service: "sluice.v1.IngestService", method: "IngestStream", kind: .clientStreaming,
      inputType: "sluice.v1.Event", outputType: "sluice.v1.IngestResponse")
  }

  /// The methods of `sluice.v1.IngestService`, for a server to implement. A conforming
  /// type is an `RPCService`: register it with an `RPCRouter`.
  public protocol ServiceProtocol: RPCService {
    /// Stores events durably.
    ///
    /// Answers OK only when every event is stored.
    func ingest(
      request: Sluice_V1_IngestRequest,
      context: ServerContext,
    ) async throws -> Sluice_V1_IngestResponse

    /// Handles `Tail`.
    func tail(
      request: Sluice_V1_TailRequest,
      response: RPCResponseWriter<Sluice_V1_Event>,
      context: ServerContext,
    ) async throws

    /// Handles `IngestStream`.
    ///
    /// - Note: Deprecated in the schema.
    func ingestStream(
      requests: RPCRequestStream<Sluice_V1_Event>,
      context: ServerContext,
    ) async throws -> Sluice_V1_IngestResponse
  }

  /// A typed client of `sluice.v1.IngestService`.
  public struct Client: Sendable {
    /// The transport every call goes through.
    public let transport: any ClientTransport

    /// A client calling through `transport`.
    public init(transport: any ClientTransport) {
      self.transport = transport
    }

    /// Stores events durably.
    ///
    /// Answers OK only when every event is stored.
    public func ingest(
      _ request: Sluice_V1_IngestRequest,
      options: CallOptions = CallOptions(),
    ) async throws(RPCError) -> Sluice_V1_IngestResponse {
      try await ingestWithMetadata(request, options: options).message
    }

    /// Calls `Ingest`; returns the response with its metadata.
    public func ingestWithMetadata(
      _ request: Sluice_V1_IngestRequest,
      options: CallOptions = CallOptions(),
    ) async throws(RPCError) -> ClientResponse<Sluice_V1_IngestResponse> {
      try await self.transport.performUnary(
        request, method: Method.ingest, options: options,
        responseType: Sluice_V1_IngestResponse.self)
    }

    /// Calls `Tail`.
    public func tail(
      _ request: Sluice_V1_TailRequest,
      options: CallOptions = CallOptions(),
    ) async throws(RPCError) -> RPCResponseStream<Sluice_V1_Event> {
      try await self.transport.performServerStreaming(
        request, method: Method.tail, options: options, responseType: Sluice_V1_Event.self)
    }

    /// Calls `IngestStream`.
    ///
    /// - Note: Deprecated in the schema.
    @available(*, deprecated)
    public func ingestStream(
      options: CallOptions = CallOptions(),
      isolation: isolated (any Actor)? = #isolation,
      requests: (RPCRequestWriter<Sluice_V1_Event>) async throws -> Void,
    ) async throws -> Sluice_V1_IngestResponse {
      try await ingestStreamWithMetadata(
        options: options, isolation: isolation, requests: requests).message
    }

    /// Calls `IngestStream`; returns the response with its metadata.
    @available(*, deprecated)
    public func ingestStreamWithMetadata(
      options: CallOptions = CallOptions(),
      isolation: isolated (any Actor)? = #isolation,
      requests: (RPCRequestWriter<Sluice_V1_Event>) async throws -> Void,
    ) async throws -> ClientResponse<Sluice_V1_IngestResponse> {
      try await self.transport.performClientStreaming(
        method: Method.ingestStream, options: options, responseType: Sluice_V1_IngestResponse.self,
        isolation: isolation, requests: requests)
    }
  }
}

extension Sluice_V1_IngestService.ServiceProtocol {
  /// Descriptor of the service.
  public static var serviceDescriptor: ServiceDescriptor {
    Sluice_V1_IngestService.descriptor
  }

  /// One handler per method, calling this instance.
  public func handlers() -> [RPCHandler] {
    typealias Method = Sluice_V1_IngestService.Method
    return [
      .unary(Method.ingest, self.ingest(request:context:)),
      .serverStreaming(Method.tail, self.tail(request:response:context:)),
      .clientStreaming(Method.ingestStream, self.ingestStream(requests:context:)),
    ]
  }
}
