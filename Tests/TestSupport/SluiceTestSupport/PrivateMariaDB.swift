import Foundation

/// A private MariaDB server run by `scripts/stack/mariadb.sh` on a temporary folder (TCP on
/// a free port, and a Unix socket), for tests that kill and restart the server; it stops
/// when this process exits even if the test never calls ``remove()``.
public struct PrivateMariaDB: Sendable {
  /// The server's folder (data, socket, pid file, log, port).
  public let folder: String
  /// `mariadb://root@127.0.0.1:PORT/sluice`, the same across restarts.
  public let url: String
  /// `mariadb+unix://root@FOLDER/mariadbd.sock?database=sluice`.
  public let socketURL: String

  /// Starts a server on a new temporary folder; removes what it made when the start fails.
  public static func start() async throws -> PrivateMariaDB {
    let folder = try RepositoryPaths.scratchFolder("sluice-test-mariadb")
    do {
      let output = try await run("start", folder)
      var values: [String: String] = [:]
      for line in output.split(separator: "\n") {
        let parts = line.split(separator: "=", maxSplits: 1)
        if parts.count == 2 { values[String(parts[0])] = String(parts[1]) }
      }
      guard let url = values["SLUICE_MARIADB_URL"], let socketURL = values["SLUICE_MARIADB_SOCKET_URL"]
      else {
        throw TestFailure(description: "unexpected output from mariadb.sh start: \(output)")
      }
      return PrivateMariaDB(folder: folder, url: url, socketURL: socketURL)
    } catch {
      _ = try? await run("stop", folder)
      try? FileManager.default.removeItem(atPath: folder)
      throw error
    }
  }

  /// Runs `body` with a fresh server and removes it afterwards, also when `body` throws.
  public static func with<Result>(_ body: (PrivateMariaDB) async throws -> Result) async throws -> Result {
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
  public func kill() async throws { _ = try await Self.run("kill", folder) }
  /// Starts the server again on the same data folder and port (nothing when it runs).
  public func restart() async throws { _ = try await Self.run("start", folder) }

  /// Stops the server and deletes its folder.
  public func remove() async {
    _ = try? await Self.run("stop", folder)
    try? FileManager.default.removeItem(atPath: folder)
  }

  /// Runs `mariadb.sh command` on `folder`; its standard output. A failure carries what
  /// the script printed and the end of the server's log.
  private static func run(_ command: String, _ folder: String) async throws -> String {
    let result = try await TestProcess.run(
      ["bash", RepositoryPaths.mariadbScript, command, folder],
      environment: ["SLUICE_MARIADB_WATCH_PID": String(getpid())])
    guard result.status == 0 else {
      let log = (try? String(contentsOfFile: folder + "/mariadbd.log", encoding: .utf8)) ?? ""
      throw TestFailure(
        description: "mariadb.sh \(command) failed (\(result.status)): \(result.stderr)\(result.stdout)\n"
          + "--- mariadbd.log ---\n\(log.suffix(3000))")
    }
    return result.stdout
  }
}
