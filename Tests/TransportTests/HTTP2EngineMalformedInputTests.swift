import SluiceRuntime
import Testing

@testable import SluiceTransport

@Suite("HTTP2Engine malformed input")
struct HTTP2EngineMalformedInputTests {
  @Test("HTTP/1.1 instead of the preface is a connection error with GOAWAY after our SETTINGS")
  func badPreface() throws {
    let server = try HTTP2Engine(role: .server)
    let input = Array("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n".utf8)
    #expect(throws: HTTP2EngineError.connectionError(code: .protocolError, reason: .badClientPreface)) {
      try input.withUnsafeBytes { try server.receive($0) }
    }
    var output: [UInt8] = []
    server.produceOutput(into: &output)
    let frames = parseFrames(output)
    #expect(frames.first?.type == 0x4)
    #expect(frames.last?.type == 0x7)
    #expect(lastGoAwayCode(in: output) == .protocolError)
    #expect(!server.wantsRead && !server.wantsWrite)
    #expect(throws: HTTP2EngineError.sessionTerminated) {
      try input.withUnsafeBytes { try server.receive($0) }
    }
  }

  @Test("Garbage after the preface is a connection error with GOAWAY")
  func garbageAfterPreface() throws {
    let server = try HTTP2Engine(role: .server)
    let input = clientPreface + Array("HELLO, THIS IS NOT A FRAME AT ALL".utf8)
    #expect(throws: HTTP2EngineError.connectionError(code: .frameSizeError, reason: .protocolViolation)) {
      try input.withUnsafeBytes { try server.receive($0) }
    }
    var output: [UInt8] = []
    server.produceOutput(into: &output)
    #expect(lastGoAwayCode(in: output) == .frameSizeError)
    #expect(!server.wantsRead && !server.wantsWrite)
  }

  @Test("A frame other than SETTINGS after the magic is a protocol error")
  func settingsExpected() throws {
    let server = try HTTP2Engine(role: .server)
    let input = Array("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".utf8) + rawFrame(type: 0x6, payload: [UInt8](repeating: 0, count: 8))
    #expect(throws: HTTP2EngineError.connectionError(code: .protocolError, reason: .protocolViolation)) {
      try input.withUnsafeBytes { try server.receive($0) }
    }
  }

  @Test("Invalid frames: WINDOW_UPDATE of 0 on the connection, DATA on an idle stream")
  func invalidFrames() throws {
    let cases: [([UInt8], HTTP2ErrorCode)] = [
      (rawFrame(type: 0x8, payload: [0, 0, 0, 0]), .protocolError),
      (rawFrame(type: 0x0, streamID: 5, payload: [1, 2, 3]), .protocolError),
      (rawFrame(type: 0x6, payload: [1, 2, 3]), .frameSizeError),
    ]
    for (frame, code) in cases {
      let server = try HTTP2Engine(role: .server)
      let input = clientPreface + frame
      #expect(throws: HTTP2EngineError.connectionError(code: code, reason: .protocolViolation)) {
        try input.withUnsafeBytes { try server.receive($0) }
      }
    }
  }

  @Test("A request without pseudo-headers is reset as a stream error; the connection lives on")
  func missingPseudoHeaders() throws {
    let server = try HTTP2Engine(role: .server)
    // Only "content-type: application/grpc"-like literal, no :method/:path.
    let block: [UInt8] = [0x00, 0x01, 0x78, 0x01, 0x79]
    let input = clientPreface + rawFrame(type: 0x1, flags: 0x5, streamID: 1, payload: block)
    try input.withUnsafeBytes { try server.receive($0) }
    var events: [HTTP2EngineEvent] = []
    server.takeEvents(into: &events)
    #expect(events.of(1).isEmpty)
    var output: [UInt8] = []
    server.produceOutput(into: &output)
    let reset = parseFrames(output).first { $0.type == 0x3 }
    #expect(reset?.streamID == 1)
    #expect(reset?.payload == [0, 0, 0, 1])
    #expect(server.wantsRead)
  }

  @Test("Bytes split anywhere, even one at a time, give the same events")
  func truncatedFramesReassemble() throws {
    let source = try HTTP2EnginePair()
    let streamID = try source.client.submitRequest(headers: requestHeaders(), endStream: false)
    try source.client.sendData(streamID: streamID, bytes: testBytes(count: 3_000), endStream: true)
    var clientBytes: [UInt8] = []
    source.client.produceOutput(into: &clientBytes)

    let whole = try HTTP2Engine(role: .server)
    try clientBytes.withUnsafeBytes { try whole.receive($0) }
    var expected: [HTTP2EngineEvent] = []
    whole.takeEvents(into: &expected)

    let split = try HTTP2Engine(role: .server)
    var events: [HTTP2EngineEvent] = []
    for byte in clientBytes {
      try [byte].withUnsafeBytes { try split.receive($0) }
    }
    split.takeEvents(into: &events)
    #expect(events.filter { $0.streamID != nil && !isData($0) } == expected.filter { $0.streamID != nil && !isData($0) })
    #expect(events.body(of: streamID) == expected.body(of: streamID))
    #expect(events.dataEnded(on: streamID))
  }

  @Test("A truncated frame produces nothing until the rest arrives")
  func partialFrameWaits() throws {
    let source = try HTTP2Engine(role: .client)
    _ = try source.submitRequest(headers: requestHeaders(), endStream: true)
    var clientBytes: [UInt8] = []
    source.produceOutput(into: &clientBytes)
    let server = try HTTP2Engine(role: .server)
    let cut = clientBytes.count - 5
    try clientBytes[..<cut].withUnsafeBytes { try server.receive($0) }
    var events: [HTTP2EngineEvent] = []
    server.takeEvents(into: &events)
    #expect(!events.contains { if case .requestHeaders = $0 { true } else { false } })
    try clientBytes[cut...].withUnsafeBytes { try server.receive($0) }
    server.takeEvents(into: &events)
    #expect(events.contains { if case .requestHeaders(1, _, true) = $0 { true } else { false } })
  }

  @Test("A client rejects a server that opens streams")
  func serverSendsRequest() throws {
    let client = try HTTP2Engine(role: .client)
    let input = rawFrame(type: 0x4) + rawFrame(type: 0x1, flags: 0x5, streamID: 2, payload: [0x82])
    #expect(throws: HTTP2EngineError.connectionError(code: .protocolError, reason: .protocolViolation)) {
      try input.withUnsafeBytes { try client.receive($0) }
    }
  }

  private func isData(_ event: HTTP2EngineEvent) -> Bool {
    if case .data = event { true } else { false }
  }
}
