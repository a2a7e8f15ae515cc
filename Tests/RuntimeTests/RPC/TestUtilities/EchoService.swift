// The code ServiceEmitter generates for echo/v1/echo.proto, copied verbatim from
// Tests/CodegenTests/Fixtures/ServiceEmitter/EchoService.swift (a CodegenTests test checks
// the copy), so these tests compile and run exactly what the generator emits.

public import SluiceRuntime

/// Echoes what it is sent, in the four shapes of RPC.
public enum Echo_V1_EchoService {
  /// Descriptor of `echo.v1.EchoService`, for routing and reflection.
  public static let descriptor = ServiceDescriptor(
    fullName: "echo.v1.EchoService",
    methods: [Method.get, Method.expand, Method.collect, Method.update],
    fileDescriptorProtos: [Echo_V1_Echo_ProtoFile.descriptorBytes])

  /// Descriptors of the methods of `echo.v1.EchoService`.
  public enum Method {
    /// `Get`.
    public static let get = MethodDescriptor(
      service: "echo.v1.EchoService", method: "Get", kind: .unary, inputType: "echo.v1.EchoRequest",
      outputType: "echo.v1.EchoResponse")

    /// `Expand`.
    public static let expand = MethodDescriptor(
      service: "echo.v1.EchoService", method: "Expand", kind: .serverStreaming,
      inputType: "echo.v1.EchoRequest", outputType: "echo.v1.EchoResponse",
      idempotencyLevel: .noSideEffects)

    /// `Collect`.
    public static let collect = MethodDescriptor(
      service: "echo.v1.EchoService", method: "Collect", kind: .clientStreaming,
      inputType: "echo.v1.EchoRequest", outputType: "echo.v1.EchoResponse")

    /// `Update`.
    public static let update = MethodDescriptor(
      service: "echo.v1.EchoService", method: "Update", kind: .bidirectionalStreaming,
      inputType: "echo.v1.EchoRequest", outputType: "echo.v1.EchoResponse")
  }

  /// The methods of `echo.v1.EchoService`, for a server to implement. A conforming
  /// type is an `RPCService`: register it with an `RPCRouter`.
  public protocol ServiceProtocol: RPCService {
    /// Echoes one request.
    func get(
      request: Echo_V1_EchoRequest,
      context: ServerContext,
    ) async throws -> Echo_V1_EchoResponse

    /// Handles `Expand`.
    func expand(
      request: Echo_V1_EchoRequest,
      response: RPCResponseWriter<Echo_V1_EchoResponse>,
      context: ServerContext,
    ) async throws

    /// Handles `Collect`.
    func collect(
      requests: RPCRequestStream<Echo_V1_EchoRequest>,
      context: ServerContext,
    ) async throws -> Echo_V1_EchoResponse

    /// Handles `Update`.
    func update(
      requests: RPCRequestStream<Echo_V1_EchoRequest>,
      response: RPCResponseWriter<Echo_V1_EchoResponse>,
      context: ServerContext,
    ) async throws
  }

  /// A typed client of `echo.v1.EchoService`.
  public struct Client: Sendable {
    /// The transport every call goes through.
    public let transport: any ClientTransport

    /// A client calling through `transport`.
    public init(transport: any ClientTransport) {
      self.transport = transport
    }

    /// Echoes one request.
    public func get(
      _ request: Echo_V1_EchoRequest,
      options: CallOptions = CallOptions(),
    ) async throws(RPCError) -> Echo_V1_EchoResponse {
      try await getWithMetadata(request, options: options).message
    }

    /// Calls `Get`; returns the response with its metadata.
    public func getWithMetadata(
      _ request: Echo_V1_EchoRequest,
      options: CallOptions = CallOptions(),
    ) async throws(RPCError) -> ClientResponse<Echo_V1_EchoResponse> {
      try await self.transport.performUnary(
        request, method: Method.get, options: options, responseType: Echo_V1_EchoResponse.self)
    }

    /// Calls `Expand`.
    public func expand(
      _ request: Echo_V1_EchoRequest,
      options: CallOptions = CallOptions(),
    ) async throws(RPCError) -> RPCResponseStream<Echo_V1_EchoResponse> {
      try await self.transport.performServerStreaming(
        request, method: Method.expand, options: options, responseType: Echo_V1_EchoResponse.self)
    }

    /// Calls `Collect`.
    public func collect(
      options: CallOptions = CallOptions(),
      isolation: isolated (any Actor)? = #isolation,
      requests: (RPCRequestWriter<Echo_V1_EchoRequest>) async throws -> Void,
    ) async throws -> Echo_V1_EchoResponse {
      try await collectWithMetadata(
        options: options, isolation: isolation, requests: requests).message
    }

    /// Calls `Collect`; returns the response with its metadata.
    public func collectWithMetadata(
      options: CallOptions = CallOptions(),
      isolation: isolated (any Actor)? = #isolation,
      requests: (RPCRequestWriter<Echo_V1_EchoRequest>) async throws -> Void,
    ) async throws -> ClientResponse<Echo_V1_EchoResponse> {
      try await self.transport.performClientStreaming(
        method: Method.collect, options: options, responseType: Echo_V1_EchoResponse.self,
        isolation: isolation, requests: requests)
    }

    /// Calls `Update`.
    public func update<Output>(
      options: CallOptions = CallOptions(),
      isolation: isolated (any Actor)? = #isolation,
      requests: @escaping @Sendable (RPCRequestWriter<Echo_V1_EchoRequest>) async throws -> Void,
      responses: (RPCResponseStream<Echo_V1_EchoResponse>) async throws -> Output,
    ) async throws -> Output {
      try await self.transport.performBidirectionalStreaming(
        method: Method.update, options: options, responseType: Echo_V1_EchoResponse.self,
        isolation: isolation, requests: requests, responses: responses)
    }
  }
}

extension Echo_V1_EchoService.ServiceProtocol {
  /// Descriptor of the service.
  public static var serviceDescriptor: ServiceDescriptor {
    Echo_V1_EchoService.descriptor
  }

  /// One handler per method, calling this instance.
  public func handlers() -> [RPCHandler] {
    typealias Method = Echo_V1_EchoService.Method
    return [
      .unary(Method.get, self.get(request:context:)),
      .serverStreaming(Method.expand, self.expand(request:response:context:)),
      .clientStreaming(Method.collect, self.collect(requests:context:)),
      .bidirectionalStreaming(Method.update, self.update(requests:response:context:)),
    ]
  }
}
