import SluiceRuntime
import Testing

@testable import SluiceTransport

@Suite("HTTP2Engine resets, GOAWAY and PING")
struct HTTP2EngineLifecycleTests {
  @Test("A client RST_STREAM reaches the server as streamClosed with its code")
  func clientReset() throws {
    let pair = try HTTP2EnginePair()
    let streamID = try pair.client.submitRequest(headers: requestHeaders(), endStream: false)
    pair.pump()
    try pair.client.resetStream(streamID: streamID, code: .cancel)
    pair.pump()
    #expect(pair.drainServerEvents().closeCode(of: streamID) == .cancel)
    #expect(pair.drainClientEvents().closeCode(of: streamID) == .cancel)
    #expect(throws: HTTP2EngineError.streamNotWritable(streamID: streamID)) {
      try pair.server.submitResponse(streamID: streamID, headers: responseHeaders(), endStream: true)
    }
  }

  @Test("A server RST_STREAM reaches the client and drops queued data")
  func serverReset() throws {
    let pair = try HTTP2EnginePair()
    let streamID = try pair.client.submitRequest(headers: requestHeaders(), endStream: true)
    pair.pump()
    try pair.server.submitResponse(streamID: streamID, headers: responseHeaders(), endStream: false)
    try pair.server.sendData(streamID: streamID, bytes: testBytes(count: 10), endStream: false)
    try pair.server.resetStream(streamID: streamID, code: .refusedStream)
    pair.pump()
    let events = pair.drainClientEvents()
    #expect(events.closeCode(of: streamID) == .refusedStream)
    #expect(events.body(of: streamID).isEmpty)
    #expect(pair.server.queuedBytes(streamID: streamID) == 0)
  }

  @Test("Graceful shutdown: in-flight streams finish, new ones are refused, then both sides are done")
  func gracefulShutdown() throws {
    let pair = try HTTP2EnginePair()
    let first = try pair.client.submitRequest(headers: requestHeaders(), endStream: true)
    let second = try pair.client.submitRequest(headers: requestHeaders(), endStream: true)
    pair.pump()
    _ = pair.drainServerEvents()

    try pair.server.submitShutdownNotice()
    try pair.server.submitPing(payload: 7)
    pair.pump()
    let notice = pair.drainClientEvents()
    #expect(notice.contains(.goAway(lastStreamID: Int32.max, errorCode: .noError, debugData: [])))
    #expect(pair.drainServerEvents().contains(.ping(ack: true, payload: 7)))

    try pair.server.submitGoAway(code: .noError, debugData: Array("bye".utf8))
    pair.pump()
    #expect(pair.drainClientEvents().contains(.goAway(lastStreamID: second, errorCode: .noError, debugData: Array("bye".utf8))))
    #expect(pair.server.wantsRead)

    // A request after GOAWAY never reaches the server.
    if let late = try? pair.client.submitRequest(headers: requestHeaders(), endStream: true) {
      pair.pump()
      #expect(pair.drainClientEvents().closeCode(of: late) == .refusedStream)
    }
    #expect(!pair.drainServerEvents().contains { if case .requestHeaders = $0 { true } else { false } })

    for id in [first, second] {
      try pair.server.submitResponse(streamID: id, headers: responseHeaders(), endStream: false)
      try pair.server.sendData(streamID: id, bytes: [1], endStream: true)
    }
    pair.pump()
    let finished = pair.drainClientEvents()
    #expect(finished.closeCode(of: first) == .noError)
    #expect(finished.closeCode(of: second) == .noError)
    #expect(!pair.server.wantsRead && !pair.server.wantsWrite)
    #expect(!pair.client.wantsRead && !pair.client.wantsWrite)
    #expect(pair.serverError == nil && pair.clientError == nil)
  }

  @Test("GOAWAY with a lower last stream ID refuses the streams above it")
  func goAwayRefusesHigherStreams() throws {
    let pair = try HTTP2EnginePair()
    let first = try pair.client.submitRequest(headers: requestHeaders(), endStream: true)
    let second = try pair.client.submitRequest(headers: requestHeaders(), endStream: true)
    pair.pump()
    try pair.server.submitGoAway(lastStreamID: first, code: .noError)
    pair.pump()
    let events = pair.drainClientEvents()
    #expect(events.closeCode(of: second) == .refusedStream)
    #expect(events.closeCode(of: first) == nil)
  }

  @Test("PING is answered automatically and the answer reported to the sender")
  func ping() throws {
    let pair = try HTTP2EnginePair()
    try pair.client.submitPing(payload: 0x0102_0304_0506_0708)
    pair.pump()
    #expect(pair.drainServerEvents().contains(.ping(ack: false, payload: 0x0102_0304_0506_0708)))
    #expect(pair.drainClientEvents().contains(.ping(ack: true, payload: 0x0102_0304_0506_0708)))
  }

  @Test("Stream limits: beyond maxConcurrentStreams before SETTINGS are acknowledged is refused")
  func refusedBeforeAcknowledgement() throws {
    var serverConfiguration = HTTP2EngineConfiguration()
    serverConfiguration.maxConcurrentStreams = 2
    let pair = try HTTP2EnginePair(server: serverConfiguration)
    // The client has not seen the server's SETTINGS yet, so it sends all three.
    let ids = try (0..<3).map { _ in try pair.client.submitRequest(headers: requestHeaders(), endStream: true) }
    pair.pump()
    let serverEvents = pair.drainServerEvents()
    #expect(serverEvents.filter { if case .requestHeaders = $0 { true } else { false } }.count == 2)
    #expect(pair.drainClientEvents().closeCode(of: ids[2]) == .refusedStream)
    #expect(pair.serverError == nil)
  }

  @Test("Stream limits: once the limit is known the client queues requests until a stream closes")
  func clientWaitsForStreamSlots() throws {
    var serverConfiguration = HTTP2EngineConfiguration()
    serverConfiguration.maxConcurrentStreams = 2
    let pair = try HTTP2EnginePair(server: serverConfiguration)
    pair.pump()
    let ids = try (0..<3).map { _ in try pair.client.submitRequest(headers: requestHeaders(), endStream: true) }
    pair.pump()
    var opened = pair.drainServerEvents().compactMap { event -> Int32? in
      if case .requestHeaders(let id, _, _) = event { id } else { nil }
    }
    #expect(opened == Array(ids.prefix(2)))
    try pair.server.submitResponse(streamID: ids[0], headers: responseHeaders(), endStream: true)
    pair.pump()
    opened = pair.drainServerEvents().compactMap { event -> Int32? in
      if case .requestHeaders(let id, _, _) = event { id } else { nil }
    }
    #expect(opened == [ids[2]])
  }
}
