import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A child process started with `posix_spawn`, its output going to files in a scratch
/// folder, waited for by polling `waitpid` (Foundation's `Process` can miss the exit of a
/// child started off its run loop, and `waitUntilExit` would block the cooperative pool).
/// Used for short commands (scripts, curl, consumers) and for a running `sluice serve`.
/// A child still running when the object goes away is SIGKILLed and reaped; the scratch
/// folder is removed.
public final class TestProcess: @unchecked Sendable {
  /// The child's process id.
  public let pid: Int32
  /// The file holding standard output.
  public let stdoutPath: String
  /// The file holding standard error.
  public let stderrPath: String
  private let lock = NSLock()
  private var exitStatus: Int32?

  /// Starts `arguments` (the first is looked up in PATH) with `environment` added to this
  /// process's, in `directory` (default: this process's); standard input is `/dev/null`.
  public init(_ arguments: [String], environment: [String: String] = [:], directory: String? = nil) throws {
    let scratch = FileManager.default.temporaryDirectory
      .appendingPathComponent("sluice-test-proc-\(UUID().uuidString.prefix(12))").path
    try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
    stdoutPath = scratch + "/stdout"
    stderrPath = scratch + "/stderr"
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, stdoutPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    // A shell changes into `directory` first (Glibc's addchdir action is not visible to Swift).
    let command =
      directory.map { ["sh", "-c", "cd \"$0\" && exec \"$@\"", $0] + arguments } ?? arguments
    let merged = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let argv = (["/usr/bin/env"] + command).map { strdup($0) } + [nil]
    let envp = merged.map { strdup("\($0)=\($1)") } + [nil]
    defer {
      argv.forEach { free($0) }
      envp.forEach { free($0) }
    }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, "/usr/bin/env", &actions, nil, argv, envp)
    guard spawned == 0 else {
      try? FileManager.default.removeItem(atPath: scratch)
      throw TestFailure(description: "cannot run \(arguments.joined(separator: " ")): error \(spawned)")
    }
    self.pid = pid
  }

  deinit {
    if exitStatus == nil {
      kill(pid, SIGKILL)
      var status: Int32 = 0
      while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    }
    try? FileManager.default.removeItem(
      atPath: URL(fileURLWithPath: stdoutPath).deletingLastPathComponent().path)
  }

  /// Runs `arguments` to completion (SIGKILL after `timeout`) and returns what it printed;
  /// throws ``TestFailure`` when it did not finish in time.
  public static func run(
    _ arguments: [String], environment: [String: String] = [:], directory: String? = nil,
    timeout: Duration = .seconds(120)
  ) async throws -> ProcessResult {
    let process = try TestProcess(arguments, environment: environment, directory: directory)
    guard let status = await process.waitForExit(timeout: timeout) else {
      process.signal(SIGKILL)
      _ = await process.waitForExit(timeout: .seconds(10))
      throw TestFailure(
        description: "\(arguments.joined(separator: " ")) did not finish within \(timeout): "
          + process.standardError)
    }
    return ProcessResult(status: status, stdout: process.standardOutput, stderr: process.standardError)
  }

  /// Everything written to standard output so far.
  public var standardOutput: String { Self.read(stdoutPath) }
  /// Everything written to standard error so far.
  public var standardError: String { Self.read(stderrPath) }

  /// Sends `signal` unless the child was already reaped.
  public func signal(_ signal: Int32) {
    lock.withLock {
      if exitStatus == nil { _ = kill(pid, signal) }
    }
  }

  /// Waits for the child to exit, for at most `timeout`; its status (128 + the signal when
  /// a signal ended it), or nil when it still runs.
  public func waitForExit(timeout: Duration) async -> Int32? {
    let giveUp = ContinuousClock.now + timeout
    while true {
      if let status = poll() { return status }
      if ContinuousClock.now >= giveUp { return nil }
      try? await Task.sleep(for: .milliseconds(20))
    }
  }

  /// Waits until standard error holds a line containing `text` and returns that line; nil
  /// when the child exits first or `timeout` passes.
  public func waitForStandardErrorLine(containing text: String, timeout: Duration) async -> String? {
    let giveUp = ContinuousClock.now + timeout
    while ContinuousClock.now < giveUp {
      if let line = standardError.split(separator: "\n").first(where: { $0.contains(text) }) {
        return String(line)
      }
      if poll() != nil { return nil }
      try? await Task.sleep(for: .milliseconds(50))
    }
    return nil
  }

  /// Reaps the child without blocking; its status once it exited.
  private func poll() -> Int32? {
    lock.withLock {
      if let exitStatus { return exitStatus }
      var status: Int32 = 0
      let result = waitpid(pid, &status, WNOHANG)
      guard result == pid else { return nil }
      let ended = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
      exitStatus = ended
      return ended
    }
  }

  private static func read(_ path: String) -> String {
    (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
  }
}
