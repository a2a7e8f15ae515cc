import Foundation
import SluiceTestSupport
import Synchronization

/// The `sluice` binary built next to this test bundle, run as a child process.
struct SluiceProcess {
  /// What a finished run printed and its exit status.
  struct Output: Sendable, CustomStringConvertible {
    var status: Int32
    var stdout: String
    var stderr: String

    var description: String { "status \(status)\n--- stdout\n\(stdout)\n--- stderr\n\(stderr)" }
  }

  /// The binary's path.
  static let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    .appendingPathComponent("sluice").path

  /// Runs `sluice arguments...` to completion, feeding `stdin` (or nothing); the child
  /// sees only `environment` (no `SLUICE_*` variables of this process leak in).
  static func run(
    _ arguments: [String], stdin: String? = nil, environment: [String: String] = [:],
    timeout: Duration = .seconds(60)
  ) async throws -> Output {
    let running = try Running(arguments, environment: environment, stdin: stdin)
    return try await running.finish(timeout: timeout)
  }

  /// A `sluice` process that is still running; its output is collected as it comes.
  final class Running {
    private let process = Process()
    private let stdout: Collector
    private let stderr: Collector

    /// Starts `sluice arguments...`.
    init(_ arguments: [String], environment: [String: String] = [:], stdin: String? = nil) throws {
      process.executableURL = URL(fileURLWithPath: SluiceProcess.binary)
      process.arguments = arguments
      process.environment = ["PATH": "/usr/bin:/bin"].merging(environment) { $1 }
      let outPipe = Pipe()
      let errPipe = Pipe()
      let inPipe = Pipe()
      process.standardOutput = outPipe
      process.standardError = errPipe
      process.standardInput = inPipe
      try process.run()
      stdout = Collector(outPipe.fileHandleForReading)
      stderr = Collector(errPipe.fileHandleForReading)
      if let stdin {
        try inPipe.fileHandleForWriting.write(contentsOf: Data(stdin.utf8))
      }
      try inPipe.fileHandleForWriting.close()
    }

    /// Standard output so far.
    var output: String { stdout.text }

    /// Waits until `condition` holds for the output so far; false after `timeout`.
    func waitForOutput(timeout: Duration = .seconds(20), _ condition: (String) -> Bool) async -> Bool {
      await eventually(timeout: timeout) { condition(output) }
    }

    /// Sends SIGINT, as Ctrl-C does.
    func interrupt() {
      kill(process.processIdentifier, SIGINT)
    }

    /// Waits for the exit (killing the process after `timeout`) and returns its output.
    func finish(timeout: Duration = .seconds(60)) async throws -> Output {
      let deadline = ContinuousClock.now + timeout
      while process.isRunning || !stdout.isDone || !stderr.isDone {
        if ContinuousClock.now >= deadline {
          if process.isRunning { process.terminate() }
          break
        }
        try await Task.sleep(for: .milliseconds(10))
      }
      process.waitUntilExit()
      return Output(status: process.terminationStatus, stdout: stdout.text, stderr: stderr.text)
    }

    deinit {
      if process.isRunning { process.terminate() }
    }
  }

  /// Reads a pipe to its end on a dispatch thread, keeping what came.
  final class Collector: Sendable {
    private let state = Mutex((data: Data(), done: false))

    init(_ handle: FileHandle) {
      DispatchQueue.global().async { [self] in
        // `availableData` returns what the pipe holds as soon as it holds anything
        // (`read(upToCount:)` would wait for the whole count); empty means the end.
        while case let chunk = handle.availableData, !chunk.isEmpty {
          state.withLock { $0.data.append(chunk) }
        }
        state.withLock { $0.done = true }
      }
    }

    var text: String { state.withLock { String(decoding: $0.data, as: UTF8.self) } }
    var isDone: Bool { state.withLock { $0.done } }
  }
}

/// A temporary folder for one test's input files, removed when dropped.
final class ScratchFolder: Sendable {
  let path: String

  init() throws {
    path = FileManager.default.temporaryDirectory
      .appendingPathComponent("sluice-cli-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  /// Writes `text` to a file named `name` and returns its path.
  func file(_ name: String, _ text: String) throws -> String {
    let file = "\(path)/\(name)"
    try Data(text.utf8).write(to: URL(fileURLWithPath: file))
    return file
  }

  deinit {
    try? FileManager.default.removeItem(atPath: path)
  }
}
