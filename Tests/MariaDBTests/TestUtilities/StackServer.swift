import Foundation
import SluiceMariaDB
import SluiceTestSupport

/// A private MariaDB server run by `scripts/stack/mariadb.sh` on a temporary folder, for
/// tests that kill and restart the server process.
struct StackServer {
  let folder: String
  let url: String
  let socketURL: String

  static let script = TestDatabase.repositoryRoot + "/scripts/stack/mariadb.sh"

  /// Starts a server on a new temporary folder; it stops when this process exits.
  static func start() throws -> StackServer {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("sluice-mariadb-fault-\(UUID().uuidString.prefix(8))").path
    let output: String
    do {
      output = try run("start", folder)
    } catch {
      _ = try? run("stop", folder)
      try? FileManager.default.removeItem(atPath: folder)
      throw error
    }
    var values: [String: String] = [:]
    for line in output.split(separator: "\n") {
      let parts = line.split(separator: "=", maxSplits: 1)
      if parts.count == 2 { values[String(parts[0])] = String(parts[1]) }
    }
    guard let url = values["SLUICE_MARIADB_URL"], let socketURL = values["SLUICE_MARIADB_SOCKET_URL"] else {
      throw StackError(message: "unexpected output from mariadb.sh start: \(output)")
    }
    return StackServer(folder: folder, url: url, socketURL: socketURL)
  }

  /// Runs a command of the script on this server's folder.
  @discardableResult
  func run(_ command: String) throws -> String {
    try Self.run(command, folder)
  }

  /// Stops the server and deletes its folder.
  func remove() {
    _ = try? run("stop")
    try? FileManager.default.removeItem(atPath: folder)
  }

  private static func run(_ command: String, _ folder: String) throws -> String {
    let result = try spawnAndWait(
      ["/bin/bash", script, command, folder],
      environment: ["SLUICE_MARIADB_WATCH_PID=\(getpid())"])
    guard result.status == 0 else {
      let log = (try? String(contentsOfFile: folder + "/mariadbd.log", encoding: .utf8)) ?? ""
      throw StackError(
        message: "mariadb.sh \(command) failed (\(result.status)): \(result.output)\n"
          + "--- mariadbd.log ---\n\(log.suffix(3000))")
    }
    return result.output
  }
}

/// Runs a program to completion with `posix_spawn` and `waitpid`, its stdout and stderr
/// collected through a temporary file. (Foundation's `Process` can miss the exit of a
/// child started from a thread outside its run loop and wait forever.)
func spawnAndWait(_ arguments: [String], environment extra: [String] = []) throws -> (status: Int32, output: String) {
  let outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("spawn-\(UUID().uuidString)").path
  defer { unlink(outputPath) }
  var actions = posix_spawn_file_actions_t()
  posix_spawn_file_actions_init(&actions)
  defer { posix_spawn_file_actions_destroy(&actions) }
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
  posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
  posix_spawn_file_actions_adddup2(&actions, 1, 2)
  let environment = ProcessInfo.processInfo.environment.map { "\($0)=\($1)" } + extra
  let argv = arguments.map { strdup($0) } + [nil]
  let envp = environment.map { strdup($0) } + [nil]
  defer {
    argv.forEach { free($0) }
    envp.forEach { free($0) }
  }
  var pid: pid_t = 0
  let spawned = posix_spawn(&pid, arguments[0], &actions, nil, argv, envp)
  guard spawned == 0 else { throw StackError(message: "cannot run \(arguments[0]): error \(spawned)") }
  var status: Int32 = 0
  while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
  let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
  return (status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f), output)
}

struct StackError: Error, CustomStringConvertible {
  var message: String
  var description: String { message }
}
