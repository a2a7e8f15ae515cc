import Foundation

/// curl against a test server, with the response head and body kept as files so binary
/// Connect envelopes survive, and helpers for Connect streaming bodies.
enum HTTP1Curl {
  /// A finished curl call.
  struct Response {
    var exitStatus: Int32
    var status: Int
    /// Header names lowercased; the last value of each.
    var headers: [String: String]
    var body: [UInt8]
    var stderr: String

    /// The envelopes of a Connect streaming body: (flags, payload).
    var envelopes: [(flags: UInt8, payload: [UInt8])] {
      var out: [(UInt8, [UInt8])] = []
      var rest = body[...]
      while rest.count >= 5 {
        let bytes = Array(rest.prefix(5))
        let length =
          Int(bytes[1]) << 24 | Int(bytes[2]) << 16 | Int(bytes[3]) << 8 | Int(bytes[4])
        let payload = Array(rest.dropFirst(5).prefix(length))
        out.append((bytes[0], payload))
        rest = rest.dropFirst(5 + length)
      }
      return out
    }

    /// The JSON of the end-stream envelope (flags 2), if the body ends with one.
    var endStream: [String: Any]? {
      guard let last = envelopes.last, last.flags & 2 != 0 else { return nil }
      return try? JSONSerialization.jsonObject(with: Data(last.payload)) as? [String: Any]
    }

    /// The end-stream error's `code`, nil for success.
    var endStreamErrorCode: String? {
      (endStream?["error"] as? [String: Any])?["code"] as? String
    }

    var text: String { String(decoding: body, as: UTF8.self) }

    var description: String {
      "exit \(exitStatus), HTTP \(status), \(headers), \(text.prefix(300)) \(stderr)"
    }
  }

  /// Runs curl with `options` against `path` on `port`; `body` goes in a temporary file
  /// (`--data-binary @file`).
  static func call(
    port: Int, path: String, http2: Bool, options: [String] = [], body: [UInt8]? = nil
  ) async throws -> Response {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "sluice-http1-curl-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let headFile = directory.appendingPathComponent("head")
    let bodyFile = directory.appendingPathComponent("body")
    var arguments = [
      "curl", "-sS", "-D", headFile.path, "-o", bodyFile.path, "-w", "%{http_code}",
    ]
    if http2 { arguments.append("--http2-prior-knowledge") }
    arguments += options
    if let body {
      let requestFile = directory.appendingPathComponent("request")
      try Data(body).write(to: requestFile)
      arguments += ["--data-binary", "@\(requestFile.path)"]
    }
    arguments.append("http://127.0.0.1:\(port)\(path)")
    let output = try await runProcess(arguments)
    var headers: [String: String] = [:]
    let head = (try? String(contentsOf: headFile, encoding: .utf8)) ?? ""
    for line in head.split(whereSeparator: \.isNewline) {
      guard let colon = line.firstIndex(of: ":") else { continue }
      headers[line[..<colon].lowercased()] = line[line.index(after: colon)...]
        .trimmingCharacters(in: .whitespaces)
    }
    let body = (try? Data(contentsOf: bodyFile)).map { [UInt8]($0) } ?? []
    return Response(
      exitStatus: output.status, status: Int(output.stdout) ?? 0, headers: headers, body: body,
      stderr: output.stderr)
  }

  /// One Connect envelope holding `json`.
  static func envelope(_ json: String, flags: UInt8 = 0) -> [UInt8] {
    let payload = Array(json.utf8)
    let count = UInt32(payload.count)
    return [
      flags, UInt8(count >> 24), UInt8((count >> 16) & 0xFF), UInt8((count >> 8) & 0xFF),
      UInt8(count & 0xFF),
    ] + payload
  }

  /// A streaming request's headers for `codec` (`json` or `proto`).
  static func streaming(_ codec: String = "json") -> [String] {
    ["-H", "content-type: application/connect+\(codec)"]
  }
}
