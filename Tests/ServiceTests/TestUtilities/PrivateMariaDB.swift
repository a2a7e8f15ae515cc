import Foundation

/// A private MariaDB server run by `scripts/stack/mariadb.sh` on a temporary folder (TCP on
/// a free port), for tests that kill and restart the server; it stops when this process
/// exits even if the test never calls ``remove()``.
struct PrivateMariaDB {
  let folder: String
  /// `mariadb://root@127.0.0.1:PORT/sluice`, the same across restarts.
  let url: String

  /// Starts a server on a new temporary folder.
  static func start() async throws -> PrivateMariaDB {
    let folder = try RepositoryPaths.scratchFolder("sluice-svc-mariadb")
    let output: String
    do {
      output = try await run("start", folder)
    } catch {
      _ = try? await run("stop", folder)
      try? FileManager.default.removeItem(atPath: folder)
      throw error
    }
    guard
      let line = output.split(separator: "\n").first(where: { $0.hasPrefix("SLUICE_MARIADB_URL=") })
    else {
      throw TestFailure(description: "mariadb.sh start printed no URL: \(output)")
    }
    return PrivateMariaDB(folder: folder, url: String(line.dropFirst("SLUICE_MARIADB_URL=".count)))
  }

  /// Runs `body` with a fresh server and removes it afterwards, also when `body` throws.
  static func with<Result>(_ body: (PrivateMariaDB) async throws -> Result) async throws -> Result {
    let server = try await start()
    do {
      let result = try await body(server)
      await server.remove()
      return result
    } catch {
      await server.remove()
      throw error
    }
  }

  /// SIGKILLs the server (no clean shutdown) and waits until it is gone.
  func kill() async throws { _ = try await Self.run("kill", folder) }
  /// Starts the server again on the same data folder and port.
  func restart() async throws { _ = try await Self.run("start", folder) }

  /// Stops the server and deletes its folder.
  func remove() async {
    _ = try? await Self.run("stop", folder)
    try? FileManager.default.removeItem(atPath: folder)
  }

  private static func run(_ command: String, _ folder: String) async throws -> String {
    let result = try await TestProcess.run(
      ["bash", RepositoryPaths.mariadbScript, command, folder],
      environment: ["SLUICE_MARIADB_WATCH_PID": String(getpid())])
    guard result.status == 0 else {
      let log = (try? String(contentsOfFile: folder + "/mariadbd.log", encoding: .utf8)) ?? ""
      throw TestFailure(
        description: "mariadb.sh \(command) failed (\(result.status)): \(result.stderr)\n"
          + "--- mariadbd.log ---\n\(log.suffix(3000))")
    }
    return result.stdout
  }
}
