@testable import SluiceRuntime
import Synchronization
import Testing

/// The logging interceptors' lines.
@Suite struct LoggingInterceptorTests {
  final class Lines: Sendable {
    private let lines = Mutex<[String]>([])
    func append(_ line: String) { lines.withLock { $0.append(line) } }
    var all: [String] { lines.withLock { $0 } }
  }

  /// `line` with its `duration=…ms` value replaced by `D`, after checking its form.
  private func normalized(_ line: String) -> String {
    let parts = line.split(separator: " ", omittingEmptySubsequences: false).map { part in
      guard part.hasPrefix("duration=") else { return String(part) }
      let value = part.dropFirst("duration=".count)
      let isWellFormed = value.hasSuffix("ms")
        && value.dropLast(2).split(separator: ".").map(\.count).count == 2
        && value.dropLast(2).split(separator: ".")[1].count == 3
        && value.dropLast(2).allSatisfy { $0.isNumber || $0 == "." }
      return isWellFormed ? "duration=D" : String(part)
    }
    return parts.joined(separator: " ")
  }

  @Test func theServerLogsOneLinePerCall() async throws {
    let lines = Lines()
    let echo = try InterceptedEcho(
      server: { log in
        [
          LoggingServerInterceptor { lines.append($0) },
          RejectingServerInterceptor(code: .permissionDenied, log: log)
            .scoped(to: .methods([Echo_V1_EchoService.Method.collect])),
        ]
      }, peer: "ipv4:10.0.0.7:51234")
    _ = await echo.callAllKinds(Echo_V1_EchoRequest(text: "x", count: 1))
    _ = await rpcError {
      try await echo.client.get(
        Echo_V1_EchoRequest(text: "x", failCode: 3, failMessage: "say \"no\"\nplease"))
    }
    let prefix = "method=/echo.v1.EchoService/"
    let peer = " peer=ipv4:10.0.0.7:51234"
    #expect(
      lines.all.map(normalized) == [
        prefix + "Get" + peer + " status=OK duration=D",
        prefix + "Expand" + peer + " status=OK duration=D",
        prefix + "Collect" + peer
          + " status=PERMISSION_DENIED duration=D message=\"rejected by interceptor\"",
        prefix + "Update" + peer + " status=OK duration=D",
        prefix + "Get" + peer
          + " status=INVALID_ARGUMENT duration=D message=\"say \\\"no\\\" please\"",
      ])
  }

  @Test func theClientLogsOneLinePerCall() async throws {
    let lines = Lines()
    let echo = try InterceptedEcho(client: { _ in [LoggingClientInterceptor { lines.append($0) }] })
    _ = await echo.callAllKinds(Echo_V1_EchoRequest(text: "x", count: 1, failCode: 14))
    #expect(
      lines.all.map(normalized)
        == echoMethodNames.map {
          "method=/echo.v1.EchoService/\($0) status=UNAVAILABLE duration=D"
        })
  }

  @Test func durationsAreMillisecondsWithThreeDecimals() {
    #expect(LogLine.milliseconds(.zero) == "0.000ms")
    #expect(LogLine.milliseconds(.microseconds(7)) == "0.007ms")
    #expect(LogLine.milliseconds(.microseconds(1_234_567)) == "1234.567ms")
    #expect(LogLine.milliseconds(.nanoseconds(999)) == "0.000ms")
    #expect(LogLine.milliseconds(.seconds(-1)) == "0.000ms")
  }
}
