/// A ``ClientTransport`` that calls an ``RPCRouter`` in the same process, with no network
/// and no serialization shortcuts: requests and responses go through the codec as bytes,
/// streams are real asynchronous streams with backpressure, metadata travels both ways,
/// deadlines cancel the handler's task, and every failure reaches the client as an
/// ``RPCError``.
///
/// Useful in tests of services and of code that uses generated clients:
///
/// ```swift
/// let router = try RPCRouter(services: [MyIngestService()])
/// let client = Sluice_V1_IngestService.Client(transport: InProcessTransport(router: router))
/// let response = try await client.ingest(request)
/// ```
///
/// A unary call to a unary handler without a timeout runs the handler in the calling
/// task; all other calls run the handler in a task of its own, as a server would.
public struct InProcessTransport: ClientTransport {
  /// The methods this transport calls.
  public let router: RPCRouter
  /// The encoding of every message (protobuf unless told otherwise).
  public let codec: MessageCodec
  /// What handlers see as ``ServerContext/peer``.
  public let peer: String
  /// How many messages each direction of a stream buffers before writers wait.
  public let bufferCapacity: Int

  /// Creates a transport calling `router`.
  public init(
    router: RPCRouter, codec: MessageCodec = .protobuf, peer: String = "in-process",
    bufferCapacity: Int = 16
  ) {
    self.router = router
    self.codec = codec
    self.peer = peer
    self.bufferCapacity = bufferCapacity
  }

  /// Performs a call with one request and one response.
  public func unary(method: MethodDescriptor, request: [UInt8], options: CallOptions)
    async throws(RPCError) -> ClientResponse<[UInt8]>
  {
    let handler = try handler(for: method)
    guard options.timeout == nil, case .unary(let body) = handler.body else {
      let stream = try await stream(method: method, options: options)
      try await stream.write(request)
      await stream.finishRequests()
      return try await stream.singleResponse()
    }
    if Task.isCancelled { throw RPCError(code: .cancelled, message: "the call was cancelled") }
    let context = ServerContext(
      method: handler.method, requestMetadata: options.metadata, deadline: nil, peer: peer)
    do throws(RPCError) {
      let response = try await body(request, context, codec)
      return ClientResponse(
        message: response, metadata: context.responseMetadata, trailers: context.trailers)
    } catch {
      throw InProcessCall.failure(error, trailers: context.trailers)
    }
  }

  /// Starts a call of any kind; its handler runs in a task of its own.
  public func stream(method: MethodDescriptor, options: CallOptions) async throws(RPCError)
    -> any ClientStream
  {
    let handler = try handler(for: method)
    let deadline = options.timeout.map { ContinuousClock.now.advanced(by: $0) }
    let context = ServerContext(
      method: handler.method, requestMetadata: options.metadata, deadline: deadline, peer: peer)
    let call = InProcessCall(
      handler: handler, context: context, codec: codec, bufferCapacity: bufferCapacity)
    call.start()
    return InProcessClientStream(call: call)
  }

  private func handler(for method: MethodDescriptor) throws(RPCError) -> RPCHandler {
    guard let handler = router.handler(forPath: method.path) else {
      throw RPCError(code: .unimplemented, message: "method \(method.path) is not implemented")
    }
    return handler
  }
}
