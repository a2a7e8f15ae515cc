import SluiceRuntime
import Testing

@testable import SluiceTransport

/// What the rapid-reset defence counts: streams the client makes the server abandon
/// before answering them, and resets the server must send because the client broke a
/// stream's rules; not cancellations of answered calls.
@Suite("HTTP2Engine rapid-reset accounting")
struct HTTP2EngineRapidResetTests {
  static func configuration(burst: Int) -> HTTP2EngineConfiguration {
    var configuration = HTTP2EngineConfiguration()
    configuration.maxResetBurst = burst
    configuration.resetWindow = .seconds(3_600)
    return configuration
  }

  /// Opens `count` streams the client keeps open, in batches the concurrency limit allows;
  /// `answer` runs on the server for each, then the client resets it with CANCEL.
  static func cancelStreams(
    _ pair: HTTP2EnginePair, count: Int, answer: (Int32) throws -> Void
  ) throws {
    pair.pump()
    var remaining = count
    while remaining > 0 && pair.serverError == nil {
      let batch = try (0..<min(50, remaining)).map { _ in
        try pair.client.submitRequest(headers: requestHeaders(), endStream: false)
      }
      remaining -= batch.count
      pair.pump()
      for streamID in batch { try answer(streamID) }
      pair.pump()
      for streamID in batch where pair.serverError == nil {
        try? pair.client.resetStream(streamID: streamID, code: .cancel)
      }
      pair.pump()
    }
  }

  @Test("Cancelling unanswered streams past the burst is a flood")
  func unansweredResetsTrip() throws {
    let pair = try HTTP2EnginePair(server: Self.configuration(burst: 20))
    try Self.cancelStreams(pair, count: 100) { _ in }
    #expect(pair.serverError == .connectionError(code: .enhanceYourCalm, reason: .rapidResetFlood))
  }

  @Test("Cancelling answered streams is free, far past the burst")
  func answeredResetsAreFree() throws {
    let pair = try HTTP2EnginePair(server: Self.configuration(burst: 20))
    try Self.cancelStreams(pair, count: 500) { streamID in
      try pair.server.submitResponse(streamID: streamID, headers: responseHeaders(), endStream: false)
    }
    #expect(pair.serverError == nil)
    #expect(pair.server.wantsRead)
  }

  @Test("Redundant resets after finished responses are free, also past nghttp2's own limit")
  func resetsAfterTheEndAreFree() throws {
    // The default configuration; nghttp2 alone would stop this client after 1,000 resets.
    let pair = try HTTP2EnginePair()
    try Self.cancelStreams(pair, count: 1_500) { streamID in
      try pair.server.submitResponse(streamID: streamID, headers: responseHeaders(), endStream: true)
    }
    #expect(pair.serverError == nil)
    #expect(pair.server.wantsRead)
  }

  @Test("Each answered stream pays for one unanswered cancel")
  func answersRefundCredit() throws {
    let pair = try HTTP2EnginePair(server: Self.configuration(burst: 20))
    pair.pump()
    for _ in 0..<200 {
      let answered = try pair.client.submitRequest(headers: requestHeaders(), endStream: true)
      let cancelled = try pair.client.submitRequest(headers: requestHeaders(), endStream: false)
      pair.pump()
      try pair.server.submitResponse(streamID: answered, headers: responseHeaders(), endStream: true)
      try pair.client.resetStream(streamID: cancelled, code: .cancel)
      pair.pump()
    }
    #expect(pair.serverError == nil)
  }

  @Test("Resets the server sends for the client's stream errors count (CVE-2025-8671)")
  func serverResetsForClientErrorsCount() throws {
    let pair = try HTTP2EnginePair(server: Self.configuration(burst: 20))
    pair.pump()
    var sent = 0
    while pair.server.terminationError == nil && sent < 100 {
      let streamID = try pair.client.submitRequest(headers: requestHeaders(), endStream: false)
      pair.pump()
      try pair.server.resetStream(streamID: streamID, code: .protocolError)
      pair.pump()
      sent += 1
    }
    #expect(pair.server.terminationError == .connectionError(code: .enhanceYourCalm, reason: .rapidResetFlood))
    #expect(sent <= 21)
    #expect(lastGoAwayCode(in: pair.serverWritten) == .enhanceYourCalm)
  }

  @Test("The server's own cancellations (deadlines) are free")
  func serverCancelsAreFree() throws {
    let pair = try HTTP2EnginePair(server: Self.configuration(burst: 20))
    pair.pump()
    for _ in 0..<100 {
      let streamID = try pair.client.submitRequest(headers: requestHeaders(), endStream: false)
      pair.pump()
      try pair.server.resetStream(streamID: streamID, code: .cancel)
      pair.pump()
    }
    #expect(pair.server.terminationError == nil)
  }
}
