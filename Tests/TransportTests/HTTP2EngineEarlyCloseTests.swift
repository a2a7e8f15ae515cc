import SluiceRuntime
import Testing

@testable import SluiceTransport

@Suite("HTTP2Engine early server closure")
struct HTTP2EngineEarlyCloseTests {
  /// The frames the server wrote on `streamID`: (type, flags, payload).
  static func serverFrames(_ pair: HTTP2EnginePair, on streamID: Int32) -> [(UInt8, UInt8, [UInt8])] {
    parseFrames(pair.serverWritten).filter { $0.streamID == UInt32(streamID) }.map {
      ($0.type, $0.flags, $0.payload)
    }
  }

  static let headersType: UInt8 = 0x1
  static let resetType: UInt8 = 0x3
  static let endStream: UInt8 = 0x1

  /// A stream the client keeps open after some DATA.
  static func openStream(_ pair: HTTP2EnginePair) throws -> Int32 {
    pair.pump()
    let streamID = try pair.client.submitRequest(headers: requestHeaders(), endStream: false)
    try pair.client.sendData(streamID: streamID, bytes: testBytes(count: 100), endStream: false)
    pair.pump()
    return streamID
  }

  @Test("Trailers before the client finished are followed by RST_STREAM NO_ERROR")
  func resetAfterTrailers() throws {
    let pair = try HTTP2EnginePair()
    let streamID = try Self.openStream(pair)
    try pair.server.submitResponse(streamID: streamID, headers: responseHeaders(), endStream: false)
    try pair.server.sendData(streamID: streamID, bytes: testBytes(count: 10), endStream: false)
    try pair.server.submitTrailers(streamID: streamID, headers: HTTP2Headers([("grpc-status", "3")]))
    try pair.server.resetWhenEnded(streamID: streamID)
    pair.pump()
    let frames = Self.serverFrames(pair, on: streamID)
    let last = frames.suffix(2)
    #expect(last.first?.0 == Self.headersType && ((last.first?.1 ?? 0) & Self.endStream) != 0)
    #expect(last.last?.0 == Self.resetType && last.last?.2 == [0, 0, 0, 0])
    let events = pair.drainClientEvents()
    #expect(events.contains { if case .trailers(streamID, _) = $0 { true } else { false } })
    #expect(events.closeCode(of: streamID) == .noError)
    // The client can no longer send on the stream; the connection lives on.
    #expect(throws: HTTP2EngineError.streamNotWritable(streamID: streamID)) {
      try pair.client.sendData(streamID: streamID, bytes: [1], endStream: false)
    }
    #expect(pair.serverError == nil && pair.clientError == nil)
  }

  @Test("A headers-only response (gRPC trailers-only) is followed by the reset too")
  func resetAfterTrailersOnly() throws {
    let pair = try HTTP2EnginePair()
    let streamID = try Self.openStream(pair)
    try pair.server.submitResponse(streamID: streamID, headers: responseHeaders(), endStream: true)
    try pair.server.resetWhenEnded(streamID: streamID)
    pair.pump()
    let types = Self.serverFrames(pair, on: streamID).map(\.0)
    #expect(types == [Self.headersType, Self.resetType])
  }

  @Test("A reset asked for after the end went out is sent at once")
  func resetAfterEndAlreadySent() throws {
    let pair = try HTTP2EnginePair()
    let streamID = try Self.openStream(pair)
    try pair.server.submitResponse(streamID: streamID, headers: responseHeaders(), endStream: true)
    pair.pump()
    #expect(!Self.serverFrames(pair, on: streamID).map(\.0).contains(Self.resetType))
    try pair.server.resetWhenEnded(streamID: streamID)
    pair.pump()
    #expect(Self.serverFrames(pair, on: streamID).map(\.0) == [Self.headersType, Self.resetType])
    #expect(pair.drainClientEvents().closeCode(of: streamID) == .noError)
  }

  @Test("No reset when the client finished sending first")
  func noResetAfterHalfClose() throws {
    let pair = try HTTP2EnginePair()
    pair.pump()
    let streamID = try pair.client.submitRequest(headers: requestHeaders(), endStream: true)
    pair.pump()
    try pair.server.submitResponse(streamID: streamID, headers: responseHeaders(), endStream: false)
    try pair.server.submitTrailers(streamID: streamID, headers: HTTP2Headers([("grpc-status", "0")]))
    try pair.server.resetWhenEnded(streamID: streamID)
    pair.pump()
    #expect(!Self.serverFrames(pair, on: streamID).map(\.0).contains(Self.resetType))
    #expect(pair.drainClientEvents().closeCode(of: streamID) == .noError)
  }
}
