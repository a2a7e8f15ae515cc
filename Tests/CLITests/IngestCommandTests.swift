import Foundation
import SluiceGenerated
import SluiceIngest
import SluiceTestSupport
import Testing

/// `sluice ingest` against a live server, run as a child process.
@Suite("sluice ingest")
struct IngestCommandTests {
  /// A JSON Lines event.
  static func event(_ id: String, type: String = "order.created") -> String {
    #"{"id": "\#(id)", "source": "/shop", "type": "\#(type)", "jsonData": {"n": 1}}"#
  }

  @Test func jsonLinesWithBadLinesThenARerunReportsDuplicates() async throws {
    let server = try await CLITestServer.start()
    defer { Task { await server.stop() } }
    let folder = try ScratchFolder()
    let lines = [
      Self.event("1"), Self.event("2"),
      "{not json",  // line 3: unreadable
      "",  // blank: skipped
      #"{"id": "5", "source": "/shop"}"#,  // line 5: no type, rejected by the server
      Self.event("3"), Self.event("4"),
    ]
    let file = try folder.file("orders.jsonl", lines.joined(separator: "\n") + "\n")
    let first = try await SluiceProcess.run(
      ["ingest", file, "--stream", "orders", "--batch-size", "2", "--server", server.address])
    #expect(first.status == 1, "\(first)")
    #expect(first.stdout.contains("accepted:   4"), "\(first)")
    #expect(first.stdout.contains("duplicates: 0"), "\(first)")
    #expect(first.stdout.contains("rejected:   1 by the server"), "\(first)")
    #expect(first.stdout.contains("unreadable: 1 input lines (not sent)"), "\(first)")
    #expect(first.stdout.contains("orders.jsonl:5: type:"), "\(first)")
    #expect(first.stderr.contains("orders.jsonl:3: unreadable: not a sluice.v1.Event in JSON"), "\(first)")
    #expect(server.store.stored.count == 4)

    let again = try await SluiceProcess.run(
      ["ingest", file, "--stream", "orders", "--server", server.address, "--quiet"])
    #expect(again.status == 1, "\(again)")
    #expect(again.stdout.contains("accepted:   0"), "\(again)")
    #expect(again.stdout.contains("duplicates: 4"), "\(again)")
    #expect(server.store.stored.count == 4)
  }

  @Test func csvWithBadRecordsCountsThemByLine() async throws {
    let server = try await CLITestServer.start()
    defer { Task { await server.stop() } }
    let folder = try ScratchFolder()
    let csv = """
      id,source,type,time,data_json,ext.region
      a1,/shop,order.created,2026-01-02T03:04:05Z,"{""n"": 1}",eu
      a2,/shop,order.created,yesterday,,eu
      a3,/shop,order.created,,"{""multi"":
      ""line""}",us
      a4,/shop,,,,us
      a5,/shop,order.paid,,,
      a6,/shop,"unclosed
      """
    let file = try folder.file("orders.csv", csv + "\n")
    let output = try await SluiceProcess.run(
      ["ingest", file, "--stream", "shop", "--server", server.address])
    #expect(output.status == 1, "\(output)")
    #expect(output.stdout.contains("accepted:   3"), "\(output)")
    #expect(output.stdout.contains("rejected:   1 by the server"), "\(output)")
    #expect(output.stdout.contains("unreadable: 2 input lines (not sent)"), "\(output)")
    #expect(output.stderr.contains("orders.csv:3: unreadable: time \"yesterday\""), "\(output)")
    #expect(output.stderr.contains("orders.csv:8: unreadable: a quoted field is not closed"), "\(output)")
    #expect(output.stdout.contains("orders.csv:6: type:"), "\(output)")
    let ids = Set(server.store.stored.map(\.record.id))
    #expect(ids == ["a1", "a3", "a5"])
  }

  @Test func standardInputIsJSONLines() async throws {
    let server = try await CLITestServer.start()
    defer { Task { await server.stop() } }
    let input = (1...30).map { Self.event("s\($0)") }.joined(separator: "\n")
    let output = try await SluiceProcess.run(
      ["ingest", "--stream", "clicks", "--batch-size", "7", "--server", server.address], stdin: input)
    #expect(output.status == 0, "\(output)")
    #expect(output.stdout.contains("accepted:   30"), "\(output)")
    #expect(server.store.stored.count == 30)
    #expect(server.store.stored.allSatisfy { $0.record.stream == "clicks" })
  }

  @Test func atomicBatchesStoreNothingOfABatchWithAnInvalidEvent() async throws {
    let server = try await CLITestServer.start()
    defer { Task { await server.stop() } }
    let input = [
      Self.event("1"), #"{"id": "2", "source": "/shop"}"#, Self.event("3"), Self.event("4"),
    ].joined(separator: "\n")
    let output = try await SluiceProcess.run(
      ["ingest", "-", "--stream", "s", "--batch-size", "2", "--atomic", "--server", server.address],
      stdin: input)
    #expect(output.status == 1, "\(output)")
    #expect(output.stdout.contains("accepted:   2"), "\(output)")
    #expect(output.stdout.contains("rejected:   2 by the server"), "\(output)")
    #expect(output.stdout.contains("<stdin>:1: not stored: another event of its batch is invalid (--atomic)"), "\(output)")
    #expect(Set(server.store.stored.map(\.record.id)) == ["3", "4"])
  }

  @Test func serverDownIsStatus3WithTheRPCError() async throws {
    let output = try await SluiceProcess.run(
      ["ingest", "--stream", "s", "--server", "127.0.0.1:1", "--quiet"], stdin: Self.event("1"))
    #expect(output.status == 3, "\(output)")
    #expect(output.stderr.contains("UNAVAILABLE"), "\(output)")
    #expect(output.stderr.contains("Running the same input again is safe"), "\(output)")
  }

  @Test func aFailureMidwaySaysHowFarTheInputIsStoredAndARerunCompletesIt() async throws {
    let server = try await CLITestServer.start()
    defer { Task { await server.stop() } }
    let folder = try ScratchFolder()
    let file = try folder.file("load.jsonl", (1...50).map { Self.event("m\($0)") }.joined(separator: "\n"))
    server.store.failInserts(after: 3)
    let failed = try await SluiceProcess.run(
      ["ingest", file, "--stream", "s", "--batch-size", "10", "--in-flight", "1", "--server", server.address])
    #expect(failed.status == 3, "\(failed)")
    #expect(failed.stderr.contains("error: UNAVAILABLE: the test store is down"), "\(failed)")
    #expect(failed.stderr.contains("Stored through \(file):30: 3 of 4 batches sent"), "\(failed)")
    #expect(failed.stdout.contains("accepted:   30"), "\(failed)")
    #expect(server.store.stored.count == 30)

    server.store.failInserts(after: nil)
    let rerun = try await SluiceProcess.run(
      ["ingest", file, "--stream", "s", "--batch-size", "10", "--server", server.address])
    #expect(rerun.status == 0, "\(rerun)")
    #expect(rerun.stdout.contains("accepted:   20"), "\(rerun)")
    #expect(rerun.stdout.contains("duplicates: 30"), "\(rerun)")
    #expect(server.store.stored.count == 50)
  }

  @Test func usageErrorsAreStatus2() async throws {
    let folder = try ScratchFolder()
    let unknownKind = try folder.file("events.txt", Self.event("1"))
    let cases: [[String]] = [
      ["ingest", "--batch-size", "0"],
      ["ingest", "--no-such-flag"],
      ["ingest", "\(folder.path)/missing.jsonl"],
      ["ingest", unknownKind],
      ["ingest", "--format", "xml", unknownKind],
      ["ingest", "--server", "host:99999"],
      ["ingest", "--tls-cert", "c.pem"],
      ["ingest", "--timeout", "soon"],
      ["query"],
      ["query", "--stream", "s", "--since", "yesterday"],
      ["query", "--stream", "s", "--all", "--limit", "5"],
      ["tail", "--stream", "s", "--after-sequence", "3", "--from", "-1h"],
      ["stats", "--since", "-40d"],
      ["frobnicate"],
    ]
    for command in cases {
      // An unreachable server: a usage error must be found before any call.
      let arguments = command.contains("--server") ? command : command + ["--server", "127.0.0.1:1"]
      let output = try await SluiceProcess.run(arguments, stdin: "")
      #expect(output.status == 2, "\(arguments): \(output)")
      #expect(!output.stderr.isEmpty, "\(arguments): \(output)")
    }
  }

  @Test func bearerTokenFromTheEnvironment() async throws {
    let server = try await CLITestServer.start(requireToken: true)
    defer { Task { await server.stop() } }
    let denied = try await SluiceProcess.run(
      ["ingest", "--stream", "s", "--quiet"], stdin: Self.event("1"),
      environment: ["SLUICE_SERVER": server.address])
    #expect(denied.status == 3, "\(denied)")
    #expect(denied.stderr.contains("UNAUTHENTICATED"), "\(denied)")
    let allowed = try await SluiceProcess.run(
      ["ingest", "--stream", "s", "--quiet"], stdin: Self.event("1"),
      environment: ["SLUICE_SERVER": server.address, "SLUICE_TOKEN": CLITestServer.token])
    #expect(allowed.status == 0, "\(allowed)")
    #expect(server.store.stored.count == 1)
  }
}
