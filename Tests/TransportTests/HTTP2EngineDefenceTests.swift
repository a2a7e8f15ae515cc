import SluiceRuntime
import Testing

@testable import SluiceTransport

@Suite("HTTP2Engine defences")
struct HTTP2EngineDefenceTests {
  @Test("A header list over the limit resets only its stream, with ENHANCE_YOUR_CALM")
  func headerListTooLarge() throws {
    var serverConfiguration = HTTP2EngineConfiguration()
    serverConfiguration.maxHeaderListSize = 1_024
    let pair = try HTTP2EnginePair(server: serverConfiguration)
    let big = try pair.client.submitRequest(
      headers: requestHeaders(extra: [("x-big", String(repeating: "a", count: 2_000))]),
      endStream: false
    )
    let small = try pair.client.submitRequest(headers: requestHeaders(), endStream: true)
    try pair.client.sendData(streamID: big, bytes: testBytes(count: 100), endStream: true)
    pair.pump()
    let serverEvents = pair.drainServerEvents()
    #expect(serverEvents.of(big).isEmpty)
    #expect(serverEvents.contains(.requestHeaders(streamID: small, headers: requestHeaders(), endStream: true)))
    #expect(pair.drainClientEvents().closeCode(of: big) == .enhanceYourCalm)
    #expect(pair.serverError == nil)

    try pair.server.submitResponse(streamID: small, headers: responseHeaders(), endStream: true)
    pair.pump()
    #expect(pair.drainClientEvents().closeCode(of: small) == .noError)
  }

  @Test("Trailers over the limit reset the stream")
  func trailersTooLarge() throws {
    var serverConfiguration = HTTP2EngineConfiguration()
    serverConfiguration.maxHeaderListSize = 1_024
    let pair = try HTTP2EnginePair(server: serverConfiguration)
    let streamID = try pair.client.submitRequest(headers: requestHeaders(), endStream: false)
    pair.pump()
    try pair.client.submitTrailers(streamID: streamID, headers: HTTP2Headers([("x-t", String(repeating: "b", count: 2_000))]))
    pair.pump()
    let events = pair.drainServerEvents()
    #expect(!events.contains { if case .trailers = $0 { true } else { false } })
    #expect(events.closeCode(of: streamID) == .enhanceYourCalm)
  }

  @Test("An HPACK bomb (one large table entry referenced many times) is cut at the decoded size")
  func hpackBomb() throws {
    let server = try HTTP2Engine(role: .server)
    var input = clientPreface
    // :method GET, :scheme http, :path /, :authority localhost (literal, indexed)...
    var block: [UInt8] = [0x82, 0x86, 0x84, 0x41, 0x09] + Array("localhost".utf8)
    // ...then "x-bomb: <4000 bytes>" added to the dynamic table (index 62)...
    block += [0x40, 0x06] + Array("x-bomb".utf8) + [0x7F, 0xA1, 0x1E] + [UInt8](repeating: 0x61, count: 4_000)
    // ...and referenced 1,000 times: about 4 MB decoded from 1 KB.
    block += [UInt8](repeating: 0xBE, count: 1_000)
    input += rawFrame(type: 0x1, flags: 0x5, streamID: 1, payload: block)
    // A normal request afterwards decodes against the same table (index 63 is :authority).
    input += rawFrame(type: 0x1, flags: 0x5, streamID: 3, payload: [0x82, 0x86, 0x84, 0xBF])
    try input.withUnsafeBytes { try server.receive($0) }
    var events: [HTTP2EngineEvent] = []
    server.takeEvents(into: &events)
    #expect(events.of(1).isEmpty)
    #expect(events.contains { if case .requestHeaders(3, _, true) = $0 { true } else { false } })
    var output: [UInt8] = []
    server.produceOutput(into: &output)
    let reset = parseFrames(output).first { $0.type == 0x3 }
    #expect(reset?.streamID == 1)
    #expect(reset?.payload == [0, 0, 0, 0x0B])
  }

  @Test("A rapid-reset flood gets GOAWAY ENHANCE_YOUR_CALM")
  func rapidResetFlood() throws {
    var serverConfiguration = HTTP2EngineConfiguration()
    serverConfiguration.maxResetBurst = 10
    let pair = try HTTP2EnginePair(server: serverConfiguration)
    pair.pump()
    let ids = try (0..<30).map { _ in try pair.client.submitRequest(headers: requestHeaders(), endStream: false) }
    pair.pump()
    for id in ids {
      try pair.client.resetStream(streamID: id, code: .cancel)
    }
    pair.pump()
    #expect(pair.serverError == .connectionError(code: .enhanceYourCalm, reason: .rapidResetFlood))
    #expect(
      pair.drainClientEvents().contains { event in
        if case .goAway(_, .enhanceYourCalm, _) = event { true } else { false }
      }
    )
    #expect(lastGoAwayCode(in: pair.serverWritten) == .enhanceYourCalm)
    #expect(!pair.server.wantsRead && !pair.server.wantsWrite)
    #expect(throws: HTTP2EngineError.sessionTerminated) {
      try pair.server.submitPing(payload: 1)
    }
  }

  @Test("Resets spread over time within the rate are tolerated")
  func resetsWithinRate() throws {
    var serverConfiguration = HTTP2EngineConfiguration()
    serverConfiguration.maxResetBurst = 10
    serverConfiguration.resetWindow = .seconds(1)
    let clock = ResetTestClock()
    let pair = try HTTP2EnginePair(server: serverConfiguration, serverClock: { clock.now })
    pair.pump()
    for _ in 0..<50 {
      let id = try pair.client.submitRequest(headers: requestHeaders(), endStream: false)
      pair.pump()
      clock.now += 200_000_000
      try pair.client.resetStream(streamID: id, code: .cancel)
      pair.pump()
    }
    #expect(pair.serverError == nil)
    #expect(pair.server.wantsRead)
  }

  @Test("Exceeding acknowledged maxConcurrentStreams is a connection PROTOCOL_ERROR (nghttp2's choice)")
  func concurrencyViolationAfterAcknowledgement() throws {
    var configuration = HTTP2EngineConfiguration()
    configuration.maxConcurrentStreams = 1
    let server = try HTTP2Engine(role: .server, configuration: configuration)
    // A raw client acknowledges the server's SETTINGS, then opens two streams;
    // the header blocks use only HPACK's static table (:method GET, :scheme
    // http, :path /, plus :authority from a literal without indexing).
    let get: [UInt8] = [0x82, 0x86, 0x84, 0x01, 0x09] + Array("localhost".utf8)
    let input = clientPreface + rawFrame(type: 0x4, flags: 0x1)
      + rawFrame(type: 0x1, flags: 0x4, streamID: 1, payload: get)
      + rawFrame(type: 0x1, flags: 0x4, streamID: 3, payload: get)
    #expect(throws: HTTP2EngineError.connectionError(code: .protocolError, reason: .protocolViolation)) {
      try input.withUnsafeBytes { try server.receive($0) }
    }
  }

  @Test("A CONTINUATION flood is a connection error")
  func continuationFlood() throws {
    let server = try HTTP2Engine(role: .server)
    var input = clientPreface + rawFrame(type: 0x1, flags: 0x0, streamID: 1, payload: [0x82])
    for _ in 0..<20 {
      input += rawFrame(type: 0x9, flags: 0x0, streamID: 1, payload: [0x86])
    }
    #expect(throws: HTTP2EngineError.connectionError(code: .enhanceYourCalm, reason: .continuationFlood)) {
      try input.withUnsafeBytes { try server.receive($0) }
    }
    var output: [UInt8] = []
    server.produceOutput(into: &output)
    #expect(lastGoAwayCode(in: output) == .enhanceYourCalm)
    #expect(!server.wantsRead)
  }

  @Test("A SETTINGS flood (acknowledgements the peer never reads) is a connection error")
  func settingsFlood() throws {
    var configuration = HTTP2EngineConfiguration()
    configuration.maxQueuedAcknowledgements = 100
    let server = try HTTP2Engine(role: .server, configuration: configuration)
    var input = clientPreface
    for _ in 0..<200 {
      input += rawFrame(type: 0x4)
    }
    #expect(throws: HTTP2EngineError.connectionError(code: .enhanceYourCalm, reason: .controlFrameFlood)) {
      try input.withUnsafeBytes { try server.receive($0) }
    }
    var output: [UInt8] = []
    server.produceOutput(into: &output)
    #expect(lastGoAwayCode(in: output) == .enhanceYourCalm)
  }

  @Test("A PING flood is a connection error")
  func pingFlood() throws {
    var configuration = HTTP2EngineConfiguration()
    configuration.maxQueuedAcknowledgements = 100
    let server = try HTTP2Engine(role: .server, configuration: configuration)
    var input = clientPreface
    for index in 0..<200 {
      input += rawFrame(type: 0x6, payload: [0, 0, 0, 0, 0, 0, 0, UInt8(index)])
    }
    #expect(throws: HTTP2EngineError.connectionError(code: .enhanceYourCalm, reason: .controlFrameFlood)) {
      try input.withUnsafeBytes { try server.receive($0) }
    }
  }

  @Test("Acknowledgements drained in time are not a flood")
  func acknowledgementsDrained() throws {
    var configuration = HTTP2EngineConfiguration()
    configuration.maxQueuedAcknowledgements = 100
    let server = try HTTP2Engine(role: .server, configuration: configuration)
    try clientPreface.withUnsafeBytes { try server.receive($0) }
    var output: [UInt8] = []
    for index in 0..<1_000 {
      let ping = rawFrame(type: 0x6, payload: [0, 0, 0, 0, 0, 0, 0, UInt8(truncatingIfNeeded: index)])
      try ping.withUnsafeBytes { try server.receive($0) }
      output.removeAll(keepingCapacity: true)
      server.produceOutput(into: &output)
    }
    #expect(server.wantsRead)
  }

  @Test("Too many entries in one SETTINGS frame is a connection error")
  func tooManySettings() throws {
    var configuration = HTTP2EngineConfiguration()
    configuration.maxSettingsEntries = 4
    let server = try HTTP2Engine(role: .server, configuration: configuration)
    let entries = (0..<10).flatMap { _ in [UInt8](arrayLiteral: 0, 0x3, 0, 0, 0, 10) }
    let input = Array("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".utf8) + rawFrame(type: 0x4, payload: entries)
    #expect(throws: HTTP2EngineError.connectionError(code: .enhanceYourCalm, reason: .protocolViolation)) {
      try input.withUnsafeBytes { try server.receive($0) }
    }
  }
}

/// A clock the test moves by hand.
final class ResetTestClock: @unchecked Sendable {
  var now: UInt64 = 1_000_000_000
}
