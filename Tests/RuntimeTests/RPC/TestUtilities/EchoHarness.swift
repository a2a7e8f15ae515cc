import SluiceRuntime

/// An echo service behind an in-process transport, with the generated client.
struct EchoHarness {
  let probe = EchoProbe()
  let transport: InProcessTransport
  let client: Echo_V1_EchoService.Client

  init(codec: MessageCodec = .protobuf, bufferCapacity: Int = 16, extraHandlers: [RPCHandler] = [])
    throws
  {
    var router = try RPCRouter(services: [EchoServiceImpl(probe: probe)])
    for handler in extraHandlers { try router.register(handler) }
    transport = InProcessTransport(router: router, codec: codec, bufferCapacity: bufferCapacity)
    client = Echo_V1_EchoService.Client(transport: transport)
  }
}

/// The error a call threw, as an `RPCError` (nil when it did not throw one).
func rpcError<T>(_ body: () async throws -> T) async -> RPCError? {
  do {
    _ = try await body()
    return nil
  } catch {
    return error as? RPCError
  }
}
