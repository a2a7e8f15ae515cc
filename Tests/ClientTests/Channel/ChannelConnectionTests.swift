import Foundation
import SluiceClient
import SluiceRuntime
import SluiceTestSupport
import Testing

/// How a channel makes and uses connections: stream limits, targets, waiting for ready,
/// idleness and closing.
@Suite struct ChannelConnectionTests {
  /// Answers each request after `delay`.
  private func slowly(_ delay: Duration) -> ScriptedServer.Script {
    { responder, streamID in
      responder.after(delay) { answering([UInt8(responder.connectionID)])($0, streamID) }
    }
  }

  @Test func callsBeyondTheStreamLimitOpenAnotherConnection() async throws {
    let server = ScriptedServer(maxConcurrentStreams: 1, script: slowly(.milliseconds(300)))
    let port = try await server.start()
    let channel = try localChannel(port: port, configuration: .init(connectionsPerAddress: 2))
    async let first = channel.unary(method: rawMethod(), request: [], options: CallOptions())
    async let second = channel.unary(method: rawMethod(), request: [], options: CallOptions())
    let replies = try await [first.message, second.message]
    #expect(Set(replies) == [[1], [2]])
    #expect(Set(server.requests.map(\.connection)) == [1, 2])
    channel.close()
    await server.stop()
  }

  @Test func callsWaitForAStreamWhenNoMoreConnectionsMayOpen() async throws {
    let server = ScriptedServer(maxConcurrentStreams: 1, script: slowly(.milliseconds(100)))
    let port = try await server.start()
    let channel = try localChannel(port: port)
    try await withThrowingTaskGroup(of: Void.self) { group in
      for _ in 0..<3 {
        group.addTask { _ = try await channel.unary(method: rawMethod(), request: [], options: CallOptions()) }
      }
      try await group.waitForAll()
    }
    #expect(server.requests.map(\.connection) == [1, 1, 1])
    channel.close()
    await server.stop()
  }

  @Test func aDNSNameResolves() async throws {
    let server = ScriptedServer(script: answering([4]))
    let port = try await server.start()
    // localhost may give ::1 too, where nobody listens: the channel skips it.
    let channel = try ClientChannel(target: "localhost:\(port)")
    #expect(channel.target == .dns(host: "localhost", port: port))
    let response = try await channel.unary(method: rawMethod(), request: [], options: CallOptions())
    #expect(response.message == [4])
    #expect(server.requests.first?.header(":authority") == "localhost:\(port)")
    channel.close()
    await server.stop()
  }

  @Test func aNameThatDoesNotResolveIsUnavailable() async throws {
    let channel = try ClientChannel(target: "dns:///no-such-host.invalid:443")
    let error = await rpcError {
      _ = try await channel.unary(method: rawMethod(), request: [], options: CallOptions())
    }
    #expect(error?.code == .unavailable)
    #expect(error?.message.contains("no-such-host.invalid") == true, "\(String(describing: error))")
    channel.close()
  }

  @Test func unixDomainSocketTargets() async throws {
    let path = try TLSTestPKI.scratchDirectory() + "/c.sock"
    let server = ScriptedServer(script: answering([6]))
    _ = try await server.start(unixSocket: path)
    let channel = try ClientChannel(target: "unix:\(path)")
    let response = try await channel.unary(method: rawMethod(), request: [], options: CallOptions())
    #expect(response.message == [6])
    #expect(server.requests.first?.header(":authority") == "localhost")
    channel.close()
    await server.stop()
  }

  @Test func waitForReadyWaitsForTheServerWhileOtherCallsFailFast() async throws {
    let path = try TLSTestPKI.scratchDirectory() + "/w.sock"
    let backoff = try ConnectionBackoff(initial: .milliseconds(200), jitter: 0)
    let channel = try ClientChannel(target: "unix:\(path)", configuration: .init(backoff: backoff))
    let waiting = Task {
      try await channel.unary(
        method: rawMethod(), request: [],
        options: CallOptions(timeout: .seconds(20), waitForReady: true))
    }
    // Nothing listens yet: a fail-fast call fails at once.
    try await Task.sleep(for: .milliseconds(100))
    let error = await rpcError {
      _ = try await channel.unary(method: rawMethod(), request: [], options: CallOptions())
    }
    #expect(error?.code == .unavailable, "\(String(describing: error))")
    let server = ScriptedServer(script: answering([8]))
    _ = try await server.start(unixSocket: path)
    #expect(try await waiting.value.message == [8])
    channel.close()
    await server.stop()
  }

  @Test func anIdleConnectionIsClosedAndTheNextCallReconnects() async throws {
    let server = ScriptedServer(script: answering())
    let port = try await server.start()
    let channel = try localChannel(port: port, configuration: .init(idleTimeout: .milliseconds(200)))
    _ = try await channel.unary(method: rawMethod(), request: [], options: CallOptions())
    // (Ready now, unless a stalled machine let the 200 ms idle timeout pass already.)
    var idle = false
    for _ in 0..<300 where !idle {
      try await Task.sleep(for: .milliseconds(20))
      idle = await channel.connectivity() == .idle
    }
    #expect(idle)
    _ = try await channel.unary(method: rawMethod(), request: [], options: CallOptions())
    #expect(server.requests.map(\.connection) == [1, 2])
    channel.close()
    await server.stop()
  }

  @Test func closeLetsCallsInFlightFinishAndRefusesNewOnes() async throws {
    let server = ScriptedServer(script: slowly(.milliseconds(300)))
    let port = try await server.start()
    let channel = try localChannel(port: port)
    let inFlight = Task { try await channel.unary(method: rawMethod(), request: [], options: CallOptions()) }
    #expect(await eventually { server.requests.count == 1 })
    channel.close()
    let refused = await rpcError {
      _ = try await channel.unary(method: rawMethod(), request: [], options: CallOptions())
    }
    #expect(refused?.code == .unavailable)
    #expect(try await inFlight.value.message == [1])
    #expect(await channel.connectivity() == .shutDown)
    await server.stop()
  }

  @Test func invalidTargetsAndSettingsAreTypedErrors() {
    #expect(throws: ClientChannelError.self) { try ClientChannel(target: "http://example.com") }
    #expect(throws: ClientChannelError.self) {
      try ClientChannel(target: "127.0.0.1:1", configuration: .init(connectionsPerAddress: 0))
    }
    do {
      _ = try ClientChannel(target: "dns://8.8.8.8/example.com")
      Issue.record("an authority was accepted")
    } catch {
      guard case .invalidTarget(let target) = error else {
        Issue.record("\(error)")
        return
      }
      #expect(target.problem == .authorityNotSupported("8.8.8.8"))
    }
  }
}
