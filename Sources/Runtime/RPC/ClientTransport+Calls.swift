/// Typed calls, used by generated clients. Each encodes requests and decodes responses
/// with the transport's ``ClientTransport/codec``; a response that does not decode fails
/// the call with `.internal`.
///
/// Streaming calls follow structured concurrency: everything a call starts ends before
/// the call returns, except the server-streaming response sequence, whose call lives as
/// long as the sequence (dropping it cancels the call). Calls taking closures run them in
/// the caller's isolation (`isolation` defaults to `#isolation`), so the closures need
/// not be `Sendable` except the one running concurrently in a child task.
extension ClientTransport {
  /// A unary call.
  @inlinable
  public func performUnary<Request: ProtoMessage, Response: ProtoMessage>(
    _ request: Request, method: MethodDescriptor, options: CallOptions,
    responseType: Response.Type = Response.self
  ) async throws(RPCError) -> ClientResponse<Response> {
    let codec = self.codec
    let response = try await unary(
      method: method, request: try codec.encode(request), options: options)
    return ClientResponse(
      message: try codec.decode(response.message, as: Response.self, errorCode: .internal),
      metadata: response.metadata, trailers: response.trailers)
  }

  /// A client-streaming call: `requests` writes the requests, then the requests are
  /// finished and the single response is read. If `requests` throws, the call is
  /// cancelled and its error rethrown.
  @inlinable
  public func performClientStreaming<Request: ProtoMessage, Response: ProtoMessage>(
    method: MethodDescriptor, options: CallOptions, responseType: Response.Type = Response.self,
    isolation: isolated (any Actor)? = #isolation,
    requests: (RPCRequestWriter<Request>) async throws -> Void
  ) async throws -> ClientResponse<Response> {
    let stream = try await self.stream(method: method, options: options)
    let codec = self.codec
    do {
      try await requests(RPCRequestWriter(sink: stream, codec: codec))
    } catch {
      stream.cancel()
      throw error
    }
    await stream.finishRequests()
    let response = try await stream.singleResponse()
    return ClientResponse(
      message: try codec.decode(response.message, as: Response.self, errorCode: .internal),
      metadata: response.metadata, trailers: response.trailers)
  }

  /// A server-streaming call: sends the request, waits for the response headers and
  /// returns the responses as a sequence. Fails at once when the server ends the call
  /// without headers.
  @inlinable
  public func performServerStreaming<Request: ProtoMessage, Response: ProtoMessage>(
    _ request: Request, method: MethodDescriptor, options: CallOptions,
    responseType: Response.Type = Response.self
  ) async throws(RPCError) -> RPCResponseStream<Response> {
    let codec = self.codec
    let bytes = try codec.encode(request)
    let stream = try await self.stream(method: method, options: options)
    do throws(RPCError) {
      try await stream.write(bytes)
      await stream.finishRequests()
      _ = try await stream.responseMetadata()
      return RPCResponseStream(stream: stream, codec: codec)
    } catch {
      stream.cancel()
      throw error
    }
  }

  /// A bidirectional call. `requests` runs in a child task and writes the requests
  /// (they are finished when it returns); `responses` runs in the calling task with the
  /// response sequence and its result is the call's result. Neither waits for the other:
  /// `responses` starts before the server sent anything, so protocols where the client
  /// writes in reaction to responses work. When `responses` returns,
  /// the call is cancelled if it has not ended, and so is `requests` if still running.
  /// If `requests` throws, the call is cancelled and that error is thrown; otherwise the
  /// error of `responses` (such as the call's ``RPCError``) is.
  @inlinable
  public func performBidirectionalStreaming<
    Request: ProtoMessage, Response: ProtoMessage, Result
  >(
    method: MethodDescriptor, options: CallOptions, responseType: Response.Type = Response.self,
    isolation: isolated (any Actor)? = #isolation,
    requests: @escaping @Sendable (RPCRequestWriter<Request>) async throws -> Void,
    responses: (RPCResponseStream<Response>) async throws -> Result
  ) async throws -> Result {
    let stream = try await self.stream(method: method, options: options)
    let codec = self.codec
    let writer = RPCRequestWriter<Request>(sink: stream, codec: codec)
    let (producer, outcome) = await withTaskGroup(
      of: RequestProducerOutcome.self, returning: (RequestProducerOutcome?, Swift.Result<Result, any Error>).self,
      isolation: isolation
    ) { group in
      group.addTask {
        do {
          try await requests(writer)
        } catch {
          if Task.isCancelled { return .cancelled }
          stream.cancel()
          return .failed(error)
        }
        await stream.finishRequests()
        return .finished
      }
      let outcome: Swift.Result<Result, any Error>
      do {
        outcome = .success(try await responses(RPCResponseStream(stream: stream, codec: codec)))
      } catch {
        outcome = .failure(error)
      }
      group.cancelAll()
      stream.cancel()
      return (await group.next(), outcome)
    }
    if case .failed(let error)? = producer { throw error }
    return try outcome.get()
  }
}
