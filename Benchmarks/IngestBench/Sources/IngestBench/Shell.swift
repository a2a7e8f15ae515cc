import Foundation

/// Runs helper scripts to completion.
enum Shell {
  /// Runs `arguments` (the first looked up in PATH) with `environment` added, waiting on a
  /// thread of its own; returns its standard output. Its standard error goes to ours.
  /// Throws when it exits non-zero.
  static func run(_ arguments: [String], environment: [String: String] = [:]) async throws -> String {
    try await withCheckedThrowingContinuation { continuation in
      Thread.detachNewThread {
        continuation.resume(with: Result { try runBlocking(arguments, environment: environment) })
      }
    }
  }

  /// ``run(_:environment:)`` on the calling thread.
  static func runBlocking(_ arguments: [String], environment: [String: String] = [:]) throws -> String {
    let output = FileManager.default.temporaryDirectory
      .appendingPathComponent("ingest-bench-\(UUID().uuidString)").path
    defer { unlink(output) }
    let child = try ChildProcess.spawn(
      arguments, environment: environment, output: output, keepStandardError: true)
    let status = child.wait()
    let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
    guard status == 0 else {
      throw BenchError("\(arguments.joined(separator: " ")) exited with \(status): \(text)")
    }
    return text
  }

  /// The `NAME=value` lines of a stack script's output, by name.
  static func assignments(_ output: String) -> [String: String] {
    var values: [String: String] = [:]
    for line in output.split(separator: "\n") {
      guard let equals = line.firstIndex(of: "=") else { continue }
      values[String(line[..<equals])] = String(line[line.index(after: equals)...])
    }
    return values
  }
}
