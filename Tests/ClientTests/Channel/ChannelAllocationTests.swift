import CAllocationCounter
import NIOCore
import NIOPosix
import SluiceClient
import SluiceGenerated
import SluiceRuntime
import Testing

/// Heap allocations per unary call through a channel, counted on its I/O thread: the
/// pool's bookkeeping must add next to nothing to a connection's call.
@Suite struct ChannelAllocationTests {
  private static let calls = 2_000

  @Test func unaryCallsThroughAChannelAllocateLittle() async throws {
    let server = try await SluiceInteropServer.start()
    let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    let executor = LoopTaskExecutor(loop: group.next())
    let channel = try localChannel(port: server.port, eventLoopGroup: group)
    let client = Grpc_Testing_TestService.Client(transport: channel)
    let method = Grpc_Testing_TestService.Method.emptyCall
    let (raw, typed) = try await Task(executorPreference: executor) {
      for _ in 0..<200 { _ = try await client.emptyCall(Grpc_Testing_Empty()) }
      var before = csluice_thread_allocations()
      for _ in 0..<Self.calls {
        _ = try await channel.unary(method: method, request: [], options: CallOptions())
      }
      let raw = Double(csluice_thread_allocations() - before) / Double(Self.calls)
      before = csluice_thread_allocations()
      for _ in 0..<Self.calls { _ = try await client.emptyCall(Grpc_Testing_Empty()) }
      let typed = Double(csluice_thread_allocations() - before) / Double(Self.calls)
      return (raw, typed)
    }.value
    print("channel allocations per unary call, caller on the I/O thread: raw \(raw), typed \(typed)")
    channel.close()
    await server.stop()
    try await group.shutdownGracefully()
    // A debug build; a regression guard rather than a target. Measured: 25 and 25 (a bare
    // connection: 19, ClientAllocationTests); the pool itself allocates nothing per call.
    #expect(raw < 32)
    #expect(typed < 32)
  }
}
