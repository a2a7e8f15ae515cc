import Foundation
import SluiceTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

extension SluiceServiceSuite {
  /// The built `sluice serve` on its embedded defaults, as the README starts it.
  @Suite("sluice serve")
  struct Serve {
    static let event = """
      {"events":[{"stream":"orders","id":"kept","source":"/shop","type":"order.created","textData":"hello"}]}
      """

    @Test("the embedded default: ingest, SIGTERM exits 0 and stops mariadbd, the data is still there after a restart")
    func embeddedDefaultKeepsItsData() async throws {
      let executable = RepositoryPaths.sluiceExecutable
      try #require(
        FileManager.default.isExecutableFile(atPath: executable),
        "no sluice executable at \(executable) (the ServiceTests target depends on it)")
      let folder = try RepositoryPaths.scratchFolder("sluice-svc-serve")
      defer {
        for pid in Self.processes(mentioning: folder) { kill(pid, SIGKILL) }
        try? FileManager.default.removeItem(atPath: folder)
      }

      let first = try await Self.serve(executable, in: folder)
      let ingest = try await Curl.post(
        "http://127.0.0.1:\(first.port)/sluice.v1.IngestService/Ingest", json: Self.event)
      #expect(ingest.status == 200, "\(ingest.body)")
      #expect(try ingest.json["accepted"] as? Int == 1)
      #expect(first.process.standardError.contains("kafka: off"))
      #expect(FileManager.default.fileExists(atPath: folder + "/.sluice/mariadb/data"))
      // The server's own mariadbd runs on the folder (so the check after SIGTERM can fail).
      #expect(!Self.processes(mentioning: folder).isEmpty)
      try await Self.stop(first.process, folder: folder)

      let second = try await Self.serve(executable, in: folder)
      let get = try await Curl.run([
        "-G", "--data-urlencode", #"message={"stream":"orders","id":"kept"}"#, "-d", "encoding=json",
        "-d", "connect=v1", "http://127.0.0.1:\(second.port)/sluice.v1.QueryService/GetEvent",
      ])
      #expect(get.status == 200, "\(get.body)")
      #expect(try get.json["textData"] as? String == "hello")
      try await Self.stop(second.process, folder: folder)
    }

    /// Starts `sluice serve --port 0` in `folder` and waits for its "listening on" line.
    static func serve(_ executable: String, in folder: String) async throws -> (process: TestProcess, port: Int) {
      let process = try TestProcess([executable, "serve", "--port", "0"], directory: folder)
      // The first start initialises the data folder (mariadb-install-db): be patient.
      guard let line = await process.waitForStandardErrorLine(containing: "listening on ", timeout: .seconds(180))
      else {
        process.signal(SIGKILL)
        _ = await process.waitForExit(timeout: .seconds(10))
        throw TestFailure(description: "sluice serve did not start:\n\(process.standardError)")
      }
      // "sluice: listening on 127.0.0.1:PORT (gRPC and Connect; ...)"
      let address = line.split(separator: " ").first { $0.hasPrefix("127.0.0.1:") }
      guard let port = address.flatMap({ Int($0.split(separator: ":").last ?? "") }) else {
        process.signal(SIGKILL)
        throw TestFailure(description: "no port in \"\(line)\"")
      }
      return (process, port)
    }

    /// SIGTERMs a server and checks that it exits 0 and leaves no process of `folder` behind.
    static func stop(_ process: TestProcess, folder: String) async throws {
      process.signal(SIGTERM)
      let status = await process.waitForExit(timeout: .seconds(60))
      let ended = status.map(String.init) ?? "nothing (still running)"
      #expect(status == 0, "sluice serve exited with \(ended):\n\(process.standardError)")
      if status == nil {
        process.signal(SIGKILL)
        _ = await process.waitForExit(timeout: .seconds(10))
      }
      #expect(processes(mentioning: folder).isEmpty, "processes left running on \(folder)")
    }

    /// Processes (other than zombies) whose command line mentions `folder`.
    static func processes(mentioning folder: String) -> [pid_t] {
      let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
      return entries.compactMap { entry -> pid_t? in
        guard let pid = pid_t(entry),
          let commandLine = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline"),
          !commandLine.isEmpty
        else { return nil }
        let text = String(decoding: commandLine.map { $0 == 0 ? 0x20 : $0 }, as: UTF8.self)
        return text.contains(folder) ? pid : nil
      }
    }
  }
}
