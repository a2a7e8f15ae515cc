import Foundation
import SluiceMariaDB
import SluiceTestSupport
import Testing

@Suite("EmbeddedMariaDB")
struct EmbeddedTests {
  static func temporaryFolder() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("sluice-embedded-\(UUID().uuidString.prefix(8))").path
  }

  static func isAlive(_ pid: Int32) -> Bool {
    // A zombie has exited; only a live process has a non-Z state.
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return false }
    return !status.contains(") Z ")
  }

  @Test("first start initialises the folder; stop and restart keep the data; a second owner is refused")
  func lifecycle() async throws {
    let folder = Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let configuration = EmbeddedMariaDB.Configuration(folder: folder, databaseName: "lifecycle")
    let first = try await EmbeddedMariaDB.start(configuration)
    #expect(first.isRunning)
    #expect(first.socketPath == folder + "/mariadbd.sock")
    #expect(first.url == "mariadb+unix://root@\(folder)/mariadbd.sock?database=lifecycle")
    let viaURL = try MariaDBConfiguration(url: first.url)
    try await withConnection(viaURL) { connection in
      try connection.executeUnprepared("CREATE TABLE kept (n INT)")
      try connection.execute("INSERT INTO kept VALUES (?)", [.int(42)])
    }
    let refused = await #expect(throws: EmbeddedMariaDBError.self) {
      try await EmbeddedMariaDB.start(configuration)
    }
    #expect(refused?.message.contains("another process owns") == true)
    let pid = first.processID
    await first.stop()
    #expect(!first.isRunning)
    #expect(!Self.isAlive(pid))
    await first.stop()

    // Leftovers of an unclean end: a stale socket file and a pid file naming no server.
    _ = FileManager.default.createFile(atPath: folder + "/mariadbd.sock", contents: Data("stale".utf8))
    try "999999\n".write(toFile: folder + "/mariadbd.pid", atomically: true, encoding: .utf8)
    let second = try await EmbeddedMariaDB.start(configuration)
    let kept = try await withConnection(second.database) { try $0.execute("SELECT n FROM kept").rows.first?[0] }
    #expect(kept == .int(42))
    await second.stop()
  }

  @Test("a server left running on the folder by a dead owner is stopped at the next start")
  func orphan() async throws {
    try await PrivateMariaDB.with { stack in
      let pidText = try String(contentsOfFile: stack.folder + "/mariadbd.pid", encoding: .utf8)
      let orphanPID = try #require(Int32(pidText.trimmingCharacters(in: .whitespacesAndNewlines)))
      #expect(Self.isAlive(orphanPID))
      let embedded = try await EmbeddedMariaDB.start(EmbeddedMariaDB.Configuration(folder: stack.folder))
      #expect(!Self.isAlive(orphanPID))
      #expect(embedded.processID != orphanPID)
      #expect(try await withConnection(embedded.database) { try $0.execute("SELECT 1").rows.count } == 1)
      await embedded.stop()
    }
  }

  @Test("the server stops when its owning process is killed with SIGKILL")
  func ownerDeath() async throws {
    let folder = Self.temporaryFolder()
    defer {
      try? FileManager.default.removeItem(atPath: folder)
      try? FileManager.default.removeItem(atPath: folder + ".helper.log")
    }
    // This test binary, run again, owns a server on the folder (see `helperOwner`).
    let executable = try #require(Bundle.main.executablePath)
    let helper = Process()
    helper.executableURL = URL(fileURLWithPath: executable)
    helper.arguments = ["--testing-library", "swift-testing", "--filter", "helperOwner"]
    helper.environment = ProcessInfo.processInfo.environment.merging([Self.helperVariable: folder]) { $1 }
    _ = FileManager.default.createFile(atPath: folder + ".helper.log", contents: nil)
    let log = try FileHandle(forWritingTo: URL(fileURLWithPath: folder + ".helper.log"))
    helper.standardOutput = log
    helper.standardError = log
    try helper.run()
    defer {
      if helper.isRunning { kill(helper.processIdentifier, SIGKILL) }
      try? log.close()
    }
    let ready = folder + "/helper-ready"
    #expect(await eventually(timeout: .seconds(60)) { FileManager.default.fileExists(atPath: ready) })
    let readyText = try String(contentsOfFile: ready, encoding: .utf8)
    let serverPID = try #require(Int32(readyText.trimmingCharacters(in: .whitespacesAndNewlines)))
    #expect(Self.isAlive(serverPID))
    kill(helper.processIdentifier, SIGKILL)
    #expect(await eventually(timeout: .seconds(30)) { !Self.isAlive(serverPID) })
  }

  static let helperVariable = "SLUICE_TEST_EMBEDDED_HELPER_FOLDER"

  /// Not a test of its own: the owner process of ``ownerDeath()``. Starts a server on the
  /// folder it is given, reports the server's pid, and waits to be killed.
  @Test(.enabled(if: ProcessInfo.processInfo.environment[helperVariable] != nil))
  func helperOwner() async throws {
    let folder = try #require(ProcessInfo.processInfo.environment[Self.helperVariable])
    let embedded = try await EmbeddedMariaDB.start(EmbeddedMariaDB.Configuration(folder: folder))
    try "\(embedded.processID)\n".write(toFile: folder + "/helper-ready", atomically: true, encoding: .utf8)
    try await Task.sleep(for: .seconds(120))
    await embedded.stop()
  }
}
