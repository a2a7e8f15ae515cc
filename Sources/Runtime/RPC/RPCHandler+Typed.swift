/// Handlers from typed service methods; generated `handlers()` implementations call
/// these with method references such as `self.ingest(request:context:)`.
///
/// Errors thrown by the typed method become ``RPCError``s through ``RPCError/init(_:)``.
extension RPCHandler {
  /// A unary handler: decode the request, call `implementation`, encode the response.
  @inlinable
  public static func unary<Input: ProtoMessage, Output: ProtoMessage>(
    _ method: MethodDescriptor,
    _ implementation: @escaping @Sendable (Input, ServerContext) async throws -> Output
  ) -> RPCHandler {
    RPCHandler(
      method: method,
      body: .unary { bytes, context, codec throws(RPCError) in
        let request = try codec.decode(bytes, as: Input.self, errorCode: .invalidArgument)
        let response: Output
        do {
          response = try await implementation(request, context)
        } catch {
          throw RPCError(error)
        }
        return try codec.encode(response)
      })
  }

  /// A client-streaming handler: requests arrive as an ``RPCRequestStream``.
  @inlinable
  public static func clientStreaming<Input: ProtoMessage, Output: ProtoMessage>(
    _ method: MethodDescriptor,
    _ implementation:
      @escaping @Sendable (RPCRequestStream<Input>, ServerContext) async throws -> Output
  ) -> RPCHandler {
    RPCHandler(
      method: method,
      body: .clientStreaming { source, context, codec throws(RPCError) in
        let response: Output
        do {
          response = try await implementation(
            RPCRequestStream(source: source, codec: codec), context)
        } catch {
          throw RPCError(error)
        }
        return try codec.encode(response)
      })
  }

  /// A server-streaming handler: responses go through an ``RPCResponseWriter``.
  @inlinable
  public static func serverStreaming<Input: ProtoMessage, Output: ProtoMessage>(
    _ method: MethodDescriptor,
    _ implementation:
      @escaping @Sendable (Input, RPCResponseWriter<Output>, ServerContext) async throws -> Void
  ) -> RPCHandler {
    RPCHandler(
      method: method,
      body: .serverStreaming { bytes, sink, context, codec throws(RPCError) in
        let request = try codec.decode(bytes, as: Input.self, errorCode: .invalidArgument)
        do {
          try await implementation(request, RPCResponseWriter(sink: sink, codec: codec), context)
        } catch {
          throw RPCError(error)
        }
      })
  }

  /// A bidirectional handler: requests as an ``RPCRequestStream``, responses through an
  /// ``RPCResponseWriter``.
  @inlinable
  public static func bidirectionalStreaming<Input: ProtoMessage, Output: ProtoMessage>(
    _ method: MethodDescriptor,
    _ implementation:
      @escaping @Sendable (RPCRequestStream<Input>, RPCResponseWriter<Output>, ServerContext)
      async throws -> Void
  ) -> RPCHandler {
    RPCHandler(
      method: method,
      body: .bidirectionalStreaming { source, sink, context, codec throws(RPCError) in
        do {
          try await implementation(
            RPCRequestStream(source: source, codec: codec),
            RPCResponseWriter(sink: sink, codec: codec), context)
        } catch {
          throw RPCError(error)
        }
      })
  }
}
