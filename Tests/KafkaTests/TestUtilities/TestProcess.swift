import Foundation

/// The result of a finished process.
struct ProcessOutput {
  var status: Int32
  var stdout: String
  var stderr: String
}

/// Runs `arguments` (the first is looked up in PATH) to completion off the cooperative
/// pool, with `environment` added to this process's environment.
func runProcess(_ arguments: [String], environment: [String: String] = [:]) async throws
  -> ProcessOutput
{
  try await withCheckedThrowingContinuation { continuation in
    DispatchQueue.global().async {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
      process.arguments = arguments
      process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
      let out = Pipe()
      let err = Pipe()
      process.standardOutput = out
      process.standardError = err
      do {
        try process.run()
      } catch {
        continuation.resume(throwing: error)
        return
      }
      // Read stderr concurrently so a chatty child cannot fill the pipe and stall.
      let stderrReader = DispatchQueue(label: "stderr")
      let stderr = DataBox()
      stderrReader.async { stderr.data = err.fileHandleForReading.readDataToEndOfFile() }
      let stdout = out.fileHandleForReading.readDataToEndOfFile()
      stderrReader.sync {}
      process.waitUntilExit()
      continuation.resume(
        returning: ProcessOutput(
          status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
          stderr: String(decoding: stderr.data, as: UTF8.self)))
    }
  }
}

/// Bytes handed from the stderr reader to the waiting thread (ordered by `sync`).
private final class DataBox: @unchecked Sendable {
  var data = Data()
}

/// A test failure with a message (setup problems, unexpected process results).
struct TestFailure: Error, CustomStringConvertible {
  var description: String
}

/// Paths inside the repository, found from this file.
enum RepositoryPaths {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static let brokerScript = root.appendingPathComponent("scripts/stack/broker.sh").path
  static let consumeFixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Fixtures/consume.py").path
}
