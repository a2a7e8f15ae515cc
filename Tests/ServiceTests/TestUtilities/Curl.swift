import Foundation
import SluiceTestSupport

/// curl as a JSON client of the Connect gateway.
enum Curl {
  /// An HTTP response: status and body.
  struct Response: Sendable {
    var status: Int
    var body: String

    /// The body as a JSON object.
    var json: [String: Any] {
      get throws {
        guard let object = try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any]
        else { throw TestFailure(description: "not a JSON object: \(body)") }
        return object
      }
    }
  }

  /// Runs curl with `arguments` (URL included), returning the status and body.
  static func run(_ arguments: [String]) async throws -> Response {
    let result = try await TestProcess.run(
      ["curl", "-sS", "--max-time", "30", "-w", "\n%{http_code}"] + arguments)
    guard result.status == 0 else {
      throw TestFailure(description: "curl \(arguments) failed (\(result.status)): \(result.stderr)")
    }
    var lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
    let status = Int(lines.popLast() ?? "") ?? 0
    return Response(status: status, body: lines.joined(separator: "\n"))
  }

  /// POSTs `json` to `url` as a Connect unary call (HTTP/1.1 unless `arguments` say otherwise).
  static func post(_ url: String, json: String, _ arguments: [String] = []) async throws -> Response {
    try await run(["-H", "content-type: application/json", "--data-binary", json] + arguments + [url])
  }
}
