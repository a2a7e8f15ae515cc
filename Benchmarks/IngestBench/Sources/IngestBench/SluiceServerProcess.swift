import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// `sluice serve` as a child process on a free port of 127.0.0.1, writing to the stack's
/// MariaDB and broker with the given writer settings; its output goes to a log file.
final class SluiceServerProcess: Sendable {
  /// The server's process id (for RSS and CPU readings).
  var processID: Int32 { child.processID }
  /// The port it listens on.
  let port: Int
  private let child: ChildProcess

  private init(child: ChildProcess, port: Int) {
    self.child = child
    self.port = port
  }

  /// Starts the server and waits (up to two minutes) until it says where it listens.
  static func start(executable: String, stack: Stack, settings: WriterSettings, log: String)
    async throws -> SluiceServerProcess
  {
    let child = try ChildProcess.spawn(
      [
        executable, "serve", "--host", "127.0.0.1", "--port", "0",
        "--database-url", stack.databaseURL, "--kafka-brokers", stack.kafkaBrokers,
        "--writers-min", String(settings.writersMinimum),
        "--writers-max", String(settings.writersMaximum),
        "--commit-batch-rows", String(settings.commitBatchRows),
        "--writer-queue", String(settings.writerQueue), "--shutdown-grace", "5s",
      ] + settings.kafkaProperties.flatMap { ["--kafka-property", $0] }, output: log)
    let deadline = ContinuousClock.now + .seconds(120)
    while ContinuousClock.now < deadline {
      let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
      if let port = listeningPort(in: text) {
        return SluiceServerProcess(child: child, port: port)
      }
      guard child.isRunning else {
        throw BenchError("sluice serve exited (\(child.wait())):\n\(text)")
      }
      try await Task.sleep(for: .milliseconds(100))
    }
    child.signal(SIGKILL)
    child.wait()
    throw BenchError("sluice serve did not listen within 120 s; see \(log)")
  }

  /// The port of the line `sluice: listening on HOST:PORT (...)`.
  static func listeningPort(in log: String) -> Int? {
    for line in log.split(separator: "\n") where line.contains("listening on ") {
      guard let address = line.split(separator: "listening on ").last?.split(separator: " ").first,
        let colon = address.lastIndex(of: ":")
      else { continue }
      return Int(address[address.index(after: colon)...])
    }
    return nil
  }

  /// SIGTERM, then SIGKILL after 20 s.
  func stop() {
    child.signal(SIGTERM)
    let deadline = ContinuousClock.now + .seconds(20)
    while child.isRunning && ContinuousClock.now < deadline {
      usleep(50_000)
    }
    child.signal(SIGKILL)
    child.wait()
  }
}
