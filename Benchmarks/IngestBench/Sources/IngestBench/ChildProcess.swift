import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// A child process started with `posix_spawn`, reaped with `waitpid`. (Foundation's
/// `Process` can miss the exit of a child started from a thread outside its run loop and
/// wait forever.)
final class ChildProcess: Sendable {
  /// The child's process id.
  let processID: pid_t
  private let exitStatus = Mutex<Int32?>(nil)

  private init(processID: pid_t) {
    self.processID = processID
  }

  /// Starts `arguments` (the first looked up in PATH) with `environment` added to ours,
  /// standard input from /dev/null and standard output to `output` (a file, truncated);
  /// standard error goes there too unless `keepStandardError`.
  static func spawn(
    _ arguments: [String], environment: [String: String] = [:], output: String,
    keepStandardError: Bool = false
  ) throws -> ChildProcess {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    if !keepStandardError { posix_spawn_file_actions_adddup2(&actions, 1, 2) }
    let merged = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let argv = arguments.map { strdup($0) } + [nil]
    let envp = merged.map { strdup("\($0)=\($1)") } + [nil]
    defer {
      argv.forEach { free($0) }
      envp.forEach { free($0) }
    }
    var pid = pid_t()
    let status = posix_spawnp(&pid, arguments[0], &actions, nil, argv, envp)
    guard status == 0 else {
      throw BenchError("cannot start \(arguments[0]): \(String(cString: strerror(status)))")
    }
    return ChildProcess(processID: pid)
  }

  /// Whether the child still runs (reaping it when it has exited).
  var isRunning: Bool {
    exitStatus.withLock { exit in
      guard exit == nil else { return false }
      var status: Int32 = 0
      if waitpid(processID, &status, WNOHANG) == processID {
        exit = status
        return false
      }
      return true
    }
  }

  /// Blocks until the child exits; returns its exit code (128 + signal when killed).
  @discardableResult
  func wait() -> Int32 {
    while isRunning {
      usleep(20_000)
    }
    let status = exitStatus.withLock { $0 } ?? 0
    let signal = status & 0x7f
    return signal == 0 ? (status >> 8) & 0xff : 128 + signal
  }

  /// Sends `signal`.
  func signal(_ signal: Int32) {
    if isRunning { kill(processID, signal) }
  }
}
