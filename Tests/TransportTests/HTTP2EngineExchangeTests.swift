import SluiceRuntime
import Testing

@testable import SluiceTransport

@Suite("HTTP2Engine request/response exchanges")
struct HTTP2EngineExchangeTests {
  @Test("A request with a body gets headers, data and trailers back")
  func requestResponseWithTrailers() throws {
    let pair = try HTTP2EnginePair()
    let request = requestHeaders(extra: [("x-custom", "value"), ("x-bin", "AAEC")])
    let streamID = try pair.client.submitRequest(headers: request, endStream: false)
    try pair.client.sendData(streamID: streamID, bytes: [1, 2, 3, 4, 5], endStream: true)
    pair.pump()

    #expect(streamID == 1)
    let serverEvents = pair.drainServerEvents()
    #expect(serverEvents.contains(.requestHeaders(streamID: 1, headers: request, endStream: false)))
    #expect(serverEvents.body(of: 1) == [1, 2, 3, 4, 5])
    #expect(serverEvents.dataEnded(on: 1))
    try pair.server.consume(streamID: 1, byteCount: 5)

    let trailers = HTTP2Headers([("grpc-status", "0"), ("grpc-message", "OK")])
    try pair.server.submitResponse(streamID: 1, headers: responseHeaders(), endStream: false)
    try pair.server.sendData(streamID: 1, bytes: [9, 8, 7], endStream: false)
    try pair.server.submitTrailers(streamID: 1, headers: trailers)
    pair.pump()

    let clientEvents = pair.drainClientEvents()
    #expect(
      clientEvents.filter { if case .settingsChanged = $0 { false } else { true } } == [
        .responseHeaders(streamID: 1, headers: responseHeaders(), endStream: false),
        .data(streamID: 1, bytes: [9, 8, 7], endStream: false),
        .trailers(streamID: 1, headers: trailers),
        .streamClosed(streamID: 1, errorCode: .noError),
      ]
    )
    #expect(pair.drainServerEvents() == [.streamClosed(streamID: 1, errorCode: .noError)])
    #expect(pair.clientError == nil && pair.serverError == nil)
  }

  @Test("A headers-only response (gRPC trailers-only) ends the stream")
  func trailersOnlyResponse() throws {
    let pair = try HTTP2EnginePair()
    let streamID = try pair.client.submitRequest(headers: requestHeaders(), endStream: true)
    pair.pump()
    #expect(pair.drainServerEvents().contains(.requestHeaders(streamID: streamID, headers: requestHeaders(), endStream: true)))

    let headers = HTTP2Headers([(":status", "200"), ("content-type", "application/grpc"), ("grpc-status", "12")])
    try pair.server.submitResponse(streamID: streamID, headers: headers, endStream: true)
    #expect(throws: HTTP2EngineError.streamNotWritable(streamID: streamID)) {
      try pair.server.sendData(streamID: streamID, bytes: [1], endStream: false)
    }
    pair.pump()
    let events = pair.drainClientEvents().of(streamID)
    #expect(events == [
      .responseHeaders(streamID: streamID, headers: headers, endStream: true),
      .streamClosed(streamID: streamID, errorCode: .noError),
    ])
  }

  @Test("Data flows both ways on one stream before either side ends")
  func bidirectionalStreaming() throws {
    let pair = try HTTP2EnginePair()
    let streamID = try pair.client.submitRequest(headers: requestHeaders(), endStream: false)
    pair.pump()
    try pair.server.submitResponse(streamID: streamID, headers: responseHeaders(), endStream: false)
    for round in 0..<5 {
      let message = testBytes(count: 100 + round, seed: round)
      try pair.client.sendData(streamID: streamID, bytes: message, endStream: false)
      pair.pump()
      let received = pair.drainServerEvents().body(of: streamID)
      #expect(received == message)
      try pair.server.consume(streamID: streamID, byteCount: received.count)
      try pair.server.sendData(streamID: streamID, bytes: received.reversed(), endStream: false)
      pair.pump()
      let echoed = pair.drainClientEvents().body(of: streamID)
      #expect(echoed == message.reversed())
      try pair.client.consume(streamID: streamID, byteCount: echoed.count)
    }
    try pair.client.sendData(streamID: streamID, bytes: [], endStream: true)
    try pair.server.submitTrailers(streamID: streamID, headers: HTTP2Headers([("grpc-status", "0")]))
    pair.pump()
    #expect(pair.drainServerEvents().contains(.streamClosed(streamID: streamID, errorCode: .noError)))
    #expect(pair.drainClientEvents().closeCode(of: streamID) == .noError)
  }

  @Test("Request trailers reach the server as a trailers event")
  func requestTrailers() throws {
    let pair = try HTTP2EnginePair()
    let streamID = try pair.client.submitRequest(headers: requestHeaders(), endStream: false)
    try pair.client.sendData(streamID: streamID, bytes: [1, 2], endStream: false)
    try pair.client.submitTrailers(streamID: streamID, headers: HTTP2Headers([("x-checksum", "3")]))
    pair.pump()
    let events = pair.drainServerEvents().of(streamID)
    #expect(events.count == 3)
    #expect(events.last == .trailers(streamID: streamID, headers: HTTP2Headers([("x-checksum", "3")])))
    #expect(events.body(of: streamID) == [1, 2])
  }

  @Test("Data queued before the response headers is sent after them")
  func dataQueuedBeforeHeaders() throws {
    let pair = try HTTP2EnginePair()
    let streamID = try pair.client.submitRequest(headers: requestHeaders(), endStream: true)
    pair.pump()
    try pair.server.sendData(streamID: streamID, bytes: [42], endStream: true)
    pair.pump()
    #expect(pair.drainClientEvents().of(streamID).isEmpty)
    try pair.server.submitResponse(streamID: streamID, headers: responseHeaders(), endStream: false)
    pair.pump()
    let events = pair.drainClientEvents()
    #expect(events.body(of: streamID) == [42])
    #expect(events.dataEnded(on: streamID))
    #expect(events.closeCode(of: streamID) == .noError)
  }

  @Test("Many concurrent streams complete independently")
  func concurrentStreams() throws {
    let pair = try HTTP2EnginePair()
    var ids: [Int32] = []
    for index in 0..<20 {
      let id = try pair.client.submitRequest(headers: requestHeaders(path: "/s/\(index)"), endStream: false)
      try pair.client.sendData(streamID: id, bytes: testBytes(count: 1_000, seed: index), endStream: true)
      ids.append(id)
    }
    pair.pump()
    let requests = pair.drainServerEvents()
    for (index, id) in ids.enumerated() {
      #expect(requests.body(of: id) == testBytes(count: 1_000, seed: index))
      try pair.server.consume(streamID: id, byteCount: 1_000)
    }
    for id in ids.reversed() {
      try pair.server.submitResponse(streamID: id, headers: responseHeaders(), endStream: false)
      try pair.server.sendData(streamID: id, bytes: [UInt8(id)], endStream: true)
    }
    pair.pump()
    let responses = pair.drainClientEvents()
    for id in ids {
      #expect(responses.body(of: id) == [UInt8(id)])
      #expect(responses.closeCode(of: id) == .noError)
    }
  }

  @Test("The client sees the server's settings")
  func settingsReported() throws {
    var configuration = HTTP2EngineConfiguration()
    configuration.maxConcurrentStreams = 7
    configuration.maxHeaderListSize = 4_096
    let pair = try HTTP2EnginePair(server: configuration)
    pair.pump()
    let settings = pair.drainClientEvents().compactMap { event -> HTTP2PeerSettings? in
      if case .settingsChanged(let settings) = event { settings } else { nil }
    }
    #expect(settings.count == 1)
    #expect(settings.first?.maxConcurrentStreams == 7)
    #expect(settings.first?.maxHeaderListSize == 4_096)
    #expect(settings.first?.initialWindowSize == 65_535)
  }

  @Test("writeOutput hands pending bytes over in place and keeps the rest")
  func writeOutputPartially() throws {
    let client = try HTTP2Engine(role: .client)
    var taken: [UInt8] = []
    client.writeOutput { bytes in
      taken.append(contentsOf: bytes.prefix(10))
      return 10
    }
    #expect(taken == Array("PRI * HTTP".utf8))
    #expect(client.wantsWrite)
    var rest: [UInt8] = []
    client.produceOutput(into: &rest)
    #expect(Array(rest.prefix(14)) == Array("/2.0\r\n\r\nSM\r\n\r\n".utf8))
  }
}
