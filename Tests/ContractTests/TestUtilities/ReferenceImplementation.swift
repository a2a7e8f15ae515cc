import Foundation

/// Runs `Fixtures/reference.py` (protoc + python protobuf), the reference codec.
enum ReferenceImplementation {
  /// What a reference run printed and how it exited.
  struct Outcome {
    var status: Int32
    var output: String
  }

  /// `reference.py check-all DIR`: python decodes every `<case>.binpb` and `<case>.json`
  /// in `directory` and compares each with the case's value.
  static func checkAll(_ directory: URL) throws -> Outcome {
    try run(["check-all", directory.path])
  }

  private static func run(_ arguments: [String]) throws -> Outcome {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", ContractFixtures.url("reference.py").path] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Outcome(status: process.terminationStatus, output: String(decoding: output, as: UTF8.self))
  }
}
