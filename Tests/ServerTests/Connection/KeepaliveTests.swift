import SluiceServer
import Testing

/// Server keepalive PINGs, the idle timeout and the policing of client PINGs, against a
/// raw HTTP/2 client.
@Suite struct KeepaliveTests {
  @Test func silentPeersAreClosedAndAnsweringOnesKept() async throws {
    try await ConnectionScript.expectPass(
      "connection_lifecycle.py", cases: ["keepalive_silent", "keepalive_answered"],
      configuration: ServerConfiguration(
        port: 0, keepalive: .init(interval: .milliseconds(500), timeout: .seconds(1))))
  }

  @Test func idleConnectionsAreClosedGracefullyAndBusyOnesNot() async throws {
    try await ConnectionScript.expectPass(
      "connection_lifecycle.py",
      cases: ["idle_timeout", "idle_shutdown_without_ping_ack", "busy_connection_is_not_idle"],
      configuration: ServerConfiguration(port: 0, idleTimeout: .seconds(1)))
  }

  @Test func tooManyPingsGetEnhanceYourCalm() async throws {
    try await ConnectionScript.expectPass(
      "connection_lifecycle.py", cases: ["ping_flood", "pings_between_responses"])
  }
}
