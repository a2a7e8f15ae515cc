import SluiceRuntime
import Testing

@testable import SluiceTransport

@Suite("HTTP2Engine flow control and backpressure")
struct HTTP2EngineFlowControlTests {
  @Test("The sender stops at the window and resumes only after the reader consumes")
  func windowExhaustionAndResume() throws {
    var serverConfiguration = HTTP2EngineConfiguration()
    serverConfiguration.initialWindowSize = 65_535
    serverConfiguration.connectionWindowSize = 65_535
    let pair = try HTTP2EnginePair(server: serverConfiguration)
    let body = testBytes(count: 1 << 20)
    let streamID = try pair.client.submitRequest(headers: requestHeaders(), endStream: false)
    #expect(try pair.client.sendData(streamID: streamID, bytes: body, endStream: true) == false)
    pair.pump()

    // Nothing consumed: exactly one window crossed, the rest waits in the client.
    var received = pair.drainServerEvents().body(of: streamID)
    #expect(received.count == 65_535)
    #expect(pair.client.queuedBytes(streamID: streamID) == body.count - 65_535)
    #expect(!pair.client.wantsWrite)
    pair.pump()
    #expect(pair.drainServerEvents().body(of: streamID).isEmpty)

    // Each consumption lets roughly that much more through, until the end.
    var rounds = 0
    var ended = false
    while !ended {
      rounds += 1
      try #require(rounds < 1_000)
      try pair.server.consume(streamID: streamID, byteCount: 16_384)
      pair.pump()
      let events = pair.drainServerEvents()
      received += events.body(of: streamID)
      ended = events.dataEnded(on: streamID)
      #expect(received.count <= 65_535 + rounds * 16_384)
    }
    #expect(received == body)
    #expect(pair.client.queuedBytes(streamID: streamID) == 0)
  }

  @Test("The connection window bounds all streams together")
  func connectionWindowSharedByStreams() throws {
    var serverConfiguration = HTTP2EngineConfiguration()
    serverConfiguration.initialWindowSize = 1 << 20
    serverConfiguration.connectionWindowSize = 100_000
    let pair = try HTTP2EnginePair(server: serverConfiguration)
    var ids: [Int32] = []
    for _ in 0..<4 {
      let id = try pair.client.submitRequest(headers: requestHeaders(), endStream: false)
      try pair.client.sendData(streamID: id, bytes: testBytes(count: 200_000), endStream: true)
      ids.append(id)
    }
    pair.pump()
    let events = pair.drainServerEvents()
    let total = ids.reduce(0) { $0 + events.body(of: $1).count }
    #expect(total == 100_000)
    // Consuming for streams that already closed still reopens the connection window
    // (nghttp2 sends WINDOW_UPDATE once half of it is consumed).
    for id in ids.prefix(2) {
      try pair.server.resetStream(streamID: id, code: .cancel)
    }
    pair.pump()
    let consumed = ids.prefix(2).reduce(0) { $0 + events.body(of: $1).count }
    #expect(consumed >= 50_000)
    for id in ids.prefix(2) {
      try pair.server.consume(streamID: id, byteCount: events.body(of: id).count)
    }
    pair.pump()
    let more = pair.drainServerEvents()
    #expect(ids.dropFirst(2).reduce(0) { $0 + more.body(of: $1).count } == consumed)
  }

  @Test("A full stream queue reports unwritable, then a streamWritable event once drained")
  func highWaterMark() throws {
    var serverConfiguration = HTTP2EngineConfiguration()
    serverConfiguration.streamHighWaterMark = 100_000
    let pair = try HTTP2EnginePair(server: serverConfiguration)
    let streamID = try pair.client.submitRequest(headers: requestHeaders(), endStream: true)
    pair.pump()
    try pair.server.submitResponse(streamID: streamID, headers: responseHeaders(), endStream: false)
    #expect(try pair.server.sendData(streamID: streamID, bytes: testBytes(count: 50_000), endStream: false))
    #expect(try pair.server.sendData(streamID: streamID, bytes: testBytes(count: 150_000), endStream: false) == false)
    pair.pump()
    // The client's 64 KiB stream window took part of it; not yet below half the mark.
    #expect(!pair.drainServerEvents().contains(.streamWritable(streamID: streamID)))
    var writable = false
    for _ in 0..<100 where !writable {
      let received = pair.drainClientEvents().body(of: streamID).count
      try pair.client.consume(streamID: streamID, byteCount: received)
      pair.pump()
      writable = pair.drainServerEvents().contains(.streamWritable(streamID: streamID))
    }
    #expect(writable)
    #expect(pair.server.queuedBytes(streamID: streamID) <= 50_000)
  }

  @Test("Large frames are split at the peer's maximum frame size")
  func frameSizes() throws {
    let pair = try HTTP2EnginePair()
    let streamID = try pair.client.submitRequest(headers: requestHeaders(), endStream: false)
    try pair.client.sendData(streamID: streamID, bytes: testBytes(count: 40_000), endStream: true)
    pair.pump()
    let dataFrames = parseFrames(pair.clientWritten, skippingPreface: true).filter { $0.type == 0x0 }
    #expect(dataFrames.map(\.payload.count) == [16_384, 16_384, 7_232])
    #expect(dataFrames.last?.flags == 0x1)
  }
}
