import Foundation
import SluiceGenerated
import SluiceRuntime
import SluiceTestSupport
import Testing

/// `sluice query`, `get`, `tail` and `stats` against a live server, run as child
/// processes.
@Suite("sluice query, get, tail and stats")
struct ReadCommandTests {
  /// Ingests `count` events of `stream` with ids `prefix1...`, one second apart from
  /// 2026-01-01T00:00:00Z, through the CLI.
  static func load(
    _ server: CLITestServer, stream: String, count: Int, prefix: String = "e", type: String = "t",
    start: Int = 1_767_225_600
  ) async throws {
    let lines = (1...count).map { index in
      let time = Date(timeIntervalSince1970: TimeInterval(start + index))
      return #"{"id": "\#(prefix)\#(index)", "source": "/s", "type": "\#(type)", "#
        + #""time": "\#(ISO8601DateFormatter().string(from: time))"}"#
    }
    let output = try await SluiceProcess.run(
      ["ingest", "--stream", stream, "--server", server.address, "--quiet"],
      stdin: lines.joined(separator: "\n"))
    try #require(output.status == 0, "\(output)")
  }

  static func events(_ output: String) throws -> [Sluice_V1_Event] {
    try output.split(separator: "\n").map { try Sluice_V1_Event(jsonString: String($0)) }
  }

  @Test func queryAllPagesThroughEveryEvent() async throws {
    let server = try await CLITestServer.start()
    defer { Task { await server.stop() } }
    try await Self.load(server, stream: "orders", count: 25)
    try await Self.load(server, stream: "other", count: 3)
    let all = try await SluiceProcess.run(
      ["query", "--stream", "orders", "--all", "--page-size", "7", "--oldest-first", "--server", server.address])
    #expect(all.status == 0, "\(all)")
    let events = try Self.events(all.stdout)
    #expect(events.map(\.id) == (1...25).map { "e\($0)" })
    #expect(events.allSatisfy { $0.stream == "orders" && $0.sequence > 0 })

    let limited = try await SluiceProcess.run(
      ["query", "--stream", "orders", "--limit", "10", "--page-size", "4", "--server", server.address])
    #expect(try Self.events(limited.stdout).map(\.id) == (16...25).reversed().map { "e\($0)" })

    let window = try await SluiceProcess.run([
      "query", "--stream", "orders", "--since", "2026-01-01T00:00:05Z", "--until=2026-01-01T00:00:08Z",
      "--oldest-first", "--server", server.address,
    ])
    #expect(try Self.events(window.stdout).map(\.id) == ["e5", "e6", "e7"], "\(window)")

    // A relative time is a value, not a flag, though it starts with a dash.
    let relative = try await SluiceProcess.run(
      ["query", "--stream", "orders", "--since", "-3650d", "--until", "-1s", "--limit", "2", "--server", server.address])
    #expect(try Self.events(relative.stdout).map(\.id) == ["e25", "e24"], "\(relative)")
  }

  @Test func getPrintsOneEventOrStatus1() async throws {
    let server = try await CLITestServer.start()
    defer { Task { await server.stop() } }
    try await Self.load(server, stream: "orders", count: 2)
    let found = try await SluiceProcess.run(
      ["get", "--stream", "orders", "--id", "e2", "--server", server.address])
    #expect(found.status == 0, "\(found)")
    #expect(try Self.events(found.stdout).map(\.id) == ["e2"])
    let missing = try await SluiceProcess.run(
      ["get", "--stream", "orders", "--id", "nope", "--server", server.address])
    #expect(missing.status == 1, "\(missing)")
    #expect(missing.stderr.contains("NOT_FOUND"), "\(missing)")
  }

  @Test func tailPrintsNewEventsUntilInterrupted() async throws {
    let server = try await CLITestServer.start()
    defer { Task { await server.stop() } }
    try await Self.load(server, stream: "orders", count: 3, prefix: "old")
    let tail = try SluiceProcess.Running(["tail", "--stream", "orders", "--server", server.address])
    // The tail starts from "now" once the server has its call: ingest until one shows.
    var started = false
    for probe in 1...40 where !started {
      try await Self.load(server, stream: "orders", count: 1, prefix: "probe\(probe)-")
      started = await tail.waitForOutput(timeout: .milliseconds(500)) { !$0.isEmpty }
    }
    #expect(started, "the tail printed nothing")
    try await Self.load(server, stream: "orders", count: 5, prefix: "new")
    try await Self.load(server, stream: "other", count: 2, prefix: "elsewhere")
    #expect(await tail.waitForOutput { $0.contains(#""id":"new5""#) }, "\(tail.output)")
    tail.interrupt()
    let output = try await tail.finish(timeout: .seconds(20))
    #expect(output.status == 0, "\(output)")
    let ids = try Self.events(output.stdout).map(\.id)
    #expect(ids.filter { $0.hasPrefix("new") } == (1...5).map { "new\($0)" })
    #expect(!ids.contains { $0.hasPrefix("old") || $0.hasPrefix("elsewhere") })
  }

  @Test func statsShowsTotalsAndMinutes() async throws {
    let server = try await CLITestServer.start()
    defer { Task { await server.stop() } }
    // 90 events one second apart from 00:00:01: 59 in minute 00:00, 31 in 00:01.
    try await Self.load(server, stream: "orders", count: 90, type: "created")
    try await Self.load(server, stream: "clicks", count: 2, type: "click")
    let table = try await SluiceProcess.run([
      "stats", "--since", "2026-01-01T00:00:00Z", "--until", "2026-01-01T01:00:00Z",
      "--server", server.address,
    ])
    #expect(table.status == 0, "\(table)")
    let lines = table.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first?.hasPrefix("STREAM") == true, "\(table)")
    #expect(lines.contains { $0.hasPrefix("orders") && $0.contains(" 90 ") }, "\(table)")
    #expect(lines.contains { $0.hasPrefix("2026-01-01 00:00  orders  created") && $0.hasSuffix(" 59") }, "\(table)")
    #expect(lines.contains { $0.hasPrefix("2026-01-01 00:01  orders  created") && $0.hasSuffix(" 31") }, "\(table)")
    #expect(lines.contains { $0.hasPrefix("total") && $0.hasSuffix(" 92") }, "\(table)")

    let json = try await SluiceProcess.run([
      "stats", "--stream", "clicks", "--since", "2026-01-01T00:00:00Z", "--until", "2026-01-01T01:00:00Z",
      "--json", "--server", server.address,
    ])
    #expect(json.status == 0, "\(json)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let streams = try #require(object["streams"] as? [[String: Any]])
    #expect(streams.map { $0["name"] as? String } == ["clicks"])
    let counts = try #require(object["counts"] as? [[String: Any]])
    #expect(counts.map { $0["count"] as? String } == ["2"])
  }

  @Test func mutualTLS() async throws {
    let pki = TLSTestPKI.shared
    let server = try await CLITestServer.start(
      tls: pki.serverConfiguration(clientCA: pki.caCertificate, requireClientCertificate: true))
    defer { Task { await server.stop() } }
    let tls = [
      "--server", "localhost:\(server.port)", "--tls-ca", pki.caCertificate,
      "--tls-cert", pki.client.certificate, "--tls-key", pki.client.key,
    ]
    let ingest = try await SluiceProcess.run(
      ["ingest", "--stream", "secure", "--quiet"] + tls, stdin: IngestCommandTests.event("1"))
    #expect(ingest.status == 0, "\(ingest)")
    let get = try await SluiceProcess.run(["get", "--stream", "secure", "--id", "1"] + tls)
    #expect(get.status == 0, "\(get)")
    let plaintext = try await SluiceProcess.run(
      ["get", "--stream", "secure", "--id", "1", "--server", "localhost:\(server.port)"])
    #expect(plaintext.status == 3, "\(plaintext)")
  }
}
