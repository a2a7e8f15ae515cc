import SluiceRuntime
import Synchronization

/// Records what handlers saw, for tests to assert on (cancellation, deadlines, counts).
final class EchoProbe: Sendable {
  private let events = Mutex<[String]>([])

  func record(_ event: String) {
    events.withLock { $0.append(event) }
  }

  var recorded: [String] { events.withLock { $0 } }

  /// Waits (polling) until `event` was recorded, up to about two seconds.
  func waitFor(_ event: String) async -> Bool {
    for _ in 0..<400 {
      if recorded.contains(event) { return true }
      try? await Task.sleep(for: .milliseconds(5))
    }
    return false
  }
}

/// The echo service as a user would write it: conform to the generated protocol and
/// implement the four methods. Requests steer it (see `EchoMessages.swift`).
///
/// Metadata: the request header `x-echo` comes back as the response header `x-echo`;
/// every successful call sets the trailer `x-handled: <method>`.
struct EchoServiceImpl: Echo_V1_EchoService.ServiceProtocol {
  let probe: EchoProbe

  func get(request: Echo_V1_EchoRequest, context: ServerContext) async throws
    -> Echo_V1_EchoResponse
  {
    probe.record("get started")
    try await observing("get") { try await delay(request) }
    try fail(request, context: context)
    echoHeaders(context)
    try context.trailers.addString("get", forKey: "x-handled")
    return Echo_V1_EchoResponse(text: request.text)
  }

  func expand(
    request: Echo_V1_EchoRequest, response: RPCResponseWriter<Echo_V1_EchoResponse>,
    context: ServerContext
  ) async throws {
    echoHeaders(context)
    try await observing("expand") {
      for index in 0..<request.count {
        try await delay(request)
        try await response.write(
          Echo_V1_EchoResponse(text: "\(request.text) \(index)", index: index))
        probe.record("expand wrote \(index)")
      }
    }
    try fail(request, context: context)
    try context.trailers.addString("expand", forKey: "x-handled")
  }

  func collect(
    requests: RPCRequestStream<Echo_V1_EchoRequest>, context: ServerContext
  ) async throws -> Echo_V1_EchoResponse {
    echoHeaders(context)
    let texts = try await observing("collect") {
      var texts: [String] = []
      for try await request in requests {
        try await delay(request)
        try fail(request, context: context)
        texts.append(request.text)
      }
      return texts
    }
    try context.trailers.addString("collect", forKey: "x-handled")
    return Echo_V1_EchoResponse(text: texts.joined(separator: " "), index: Int32(texts.count))
  }

  func update(
    requests: RPCRequestStream<Echo_V1_EchoRequest>,
    response: RPCResponseWriter<Echo_V1_EchoResponse>, context: ServerContext
  ) async throws {
    echoHeaders(context)
    try await observing("update") {
      var index: Int32 = 0
      for try await request in requests {
        try await delay(request)
        try fail(request, context: context)
        try await response.write(
          Echo_V1_EchoResponse(text: request.text.uppercased(), index: index))
        index += 1
      }
    }
    try context.trailers.addString("update", forKey: "x-handled")
  }

  private func echoHeaders(_ context: ServerContext) {
    if let value = context.requestMetadata.firstString(forKey: "x-echo") {
      var headers = context.responseMetadata
      try? headers.addString(value, forKey: "x-echo")
      context.responseMetadata = headers
    }
  }

  private func delay(_ request: Echo_V1_EchoRequest) async throws {
    guard request.delayMs > 0 else { return }
    try await Task.sleep(for: .milliseconds(Int(request.delayMs)))
  }

  /// Runs a handler body, recording `<name> cancelled` when it ends by cancellation
  /// wherever it was waiting (sleeping, reading requests, writing responses).
  private func observing<T>(_ name: String, _ body: () async throws -> T) async throws -> T {
    do {
      return try await body()
    } catch {
      if error is CancellationError || (error as? RPCError)?.code == .cancelled {
        probe.record("\(name) cancelled")
      }
      throw error
    }
  }

  private func fail(_ request: Echo_V1_EchoRequest, context: ServerContext) throws {
    guard request.failCode != 0 else { return }
    try context.trailers.addString("before-error", forKey: "x-trailer")
    throw RPCError(
      code: StatusCode(grpcStatus: Int(request.failCode)), message: request.failMessage,
      metadata: ["x-error": "yes"],
      details: [RPCError.Detail(typeName: "google.rpc.RetryInfo", value: [8, 1])])
  }
}
