import SluiceGenerated
import SluiceRuntime
import Synchronization
import sluice_interop_server

/// The interop service instrumented for backpressure tests: `StreamingOutputCall` counts
/// the response writes that completed (a write completes once the transport took the
/// message), and `StreamingInputCall` reads nothing until ``gate`` opens.
struct PacedInteropService: RPCService {
  static var serviceDescriptor: ServiceDescriptor { InteropTestService.serviceDescriptor }

  let completedWrites = Counter()
  let gate = Gate()

  func handlers() -> [RPCHandler] {
    let completedWrites = self.completedWrites
    let gate = self.gate
    return InteropTestService().handlers().map { handler in
      switch (handler.method.method, handler.body) {
      case ("StreamingOutputCall", .serverStreaming(let body)):
        return RPCHandler(
          method: handler.method,
          body: .serverStreaming { request, sink, context, codec throws(RPCError) in
            let counting = CountingSink(sink: sink, counter: completedWrites)
            try await body(request, counting, context, codec)
          })
      case ("StreamingInputCall", .clientStreaming(let body)):
        return RPCHandler(
          method: handler.method,
          body: .clientStreaming { requests, context, codec throws(RPCError) in
            await gate.wait()
            return try await body(requests, context, codec)
          })
      default:
        return handler
      }
    }
  }

  /// A count readable from any thread.
  final class Counter: Sendable {
    private let value = Mutex(0)

    func increment() { value.withLock { $0 += 1 } }
    var current: Int { value.withLock { $0 } }
  }

  /// Holds tasks back until opened.
  final class Gate: Sendable {
    private let state = Mutex<(open: Bool, waiters: [CheckedContinuation<Void, Never>])>(
      (false, []))

    func wait() async {
      await withCheckedContinuation { continuation in
        let open = state.withLock { state in
          if !state.open { state.waiters.append(continuation) }
          return state.open
        }
        if open { continuation.resume() }
      }
    }

    func open() {
      let waiters = state.withLock { state in
        state.open = true
        defer { state.waiters = [] }
        return state.waiters
      }
      for waiter in waiters { waiter.resume() }
    }
  }

  private struct CountingSink: RPCMessageSink {
    let sink: any RPCMessageSink
    let counter: Counter

    func write(_ message: [UInt8]) async throws(RPCError) {
      try await sink.write(message)
      counter.increment()
    }
  }
}
