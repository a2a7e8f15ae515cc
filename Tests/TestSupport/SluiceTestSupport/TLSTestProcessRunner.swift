import Foundation

/// Runs a command-line tool to completion and captures what it printed.
public enum TLSTestProcessRunner {
  /// What a finished process printed and how it exited.
  public struct Output: Sendable {
    public var status: Int32
    public var standardOutput: String
    public var standardError: String
  }

  /// A tool exited with a non-zero status.
  public struct Failure: Error, CustomStringConvertible {
    public var command: String
    public var output: Output

    public var description: String {
      "\(self.command) exited with \(self.output.status): \(self.output.standardError)\(self.output.standardOutput)"
    }
  }

  /// Runs `executable` with `arguments`, feeding it `input`, and throws `Failure`
  /// unless it exits with status 0 (or any status when `check` is `false`).
  @discardableResult
  public static func run(
    _ executable: String, _ arguments: [String], input: String = "", check: Bool = true
  ) throws -> Output {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let standardInput = Pipe()
    let standardOutput = Pipe()
    let standardError = Pipe()
    process.standardInput = standardInput
    process.standardOutput = standardOutput
    process.standardError = standardError
    try process.run()
    standardInput.fileHandleForWriting.write(Data(input.utf8))
    try standardInput.fileHandleForWriting.close()
    // Read both pipes before waiting, so a chatty tool never blocks on a full pipe.
    let errorData = LockedData()
    let errorRead = DispatchGroup()
    DispatchQueue.global().async(group: errorRead) {
      errorData.set(standardError.fileHandleForReading.readDataToEndOfFile())
    }
    let outputData = standardOutput.fileHandleForReading.readDataToEndOfFile()
    errorRead.wait()
    process.waitUntilExit()
    let output = Output(
      status: process.terminationStatus,
      standardOutput: String(decoding: outputData, as: UTF8.self),
      standardError: String(decoding: errorData.value, as: UTF8.self))
    if check && output.status != 0 {
      throw Failure(command: ([executable] + arguments).joined(separator: " "), output: output)
    }
    return output
  }

  private final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data: Data?

    func set(_ data: Data) {
      self.lock.withLock { self.data = data }
    }

    var value: Data { self.lock.withLock { self.data ?? Data() } }
  }
}
