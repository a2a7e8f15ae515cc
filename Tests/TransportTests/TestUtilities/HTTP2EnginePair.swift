import SluiceRuntime
@testable import SluiceTransport

/// A client-mode and a server-mode engine wired back to back in memory:
/// `pump()` moves output to the other side until both are quiet.
final class HTTP2EnginePair {
  let client: HTTP2Engine
  let server: HTTP2Engine
  /// Events collected so far, oldest first.
  var clientEvents: [HTTP2EngineEvent] = []
  var serverEvents: [HTTP2EngineEvent] = []
  /// The first error each side's `receive` threw.
  var clientError: HTTP2EngineError?
  var serverError: HTTP2EngineError?
  /// Every byte each side wrote, in order.
  var clientWritten: [UInt8] = []
  var serverWritten: [UInt8] = []

  private var buffer: [UInt8] = []

  init(
    client clientConfiguration: HTTP2EngineConfiguration = .init(),
    server serverConfiguration: HTTP2EngineConfiguration = .init(),
    serverClock: @escaping () -> UInt64 = { 0 }
  ) throws {
    self.client = try HTTP2Engine(role: .client, configuration: clientConfiguration)
    self.server = try HTTP2Engine(role: .server, configuration: serverConfiguration, clock: serverClock)
  }

  /// Moves bytes both ways until neither side has output (or `rounds` runs out).
  func pump(rounds: Int = 10_000) {
    for _ in 0..<rounds {
      let fromClient = self.transfer(from: self.client, to: self.server, error: &self.serverError, log: &self.clientWritten)
      let fromServer = self.transfer(from: self.server, to: self.client, error: &self.clientError, log: &self.serverWritten)
      self.client.takeEvents(into: &self.clientEvents)
      self.server.takeEvents(into: &self.serverEvents)
      if !fromClient && !fromServer { return }
    }
  }

  /// Moves the client's pending output to the server only.
  func clientToServer() {
    _ = self.transfer(from: self.client, to: self.server, error: &self.serverError, log: &self.clientWritten)
    self.server.takeEvents(into: &self.serverEvents)
  }

  /// Takes and clears the collected events of one side.
  func drainServerEvents() -> [HTTP2EngineEvent] {
    defer { self.serverEvents.removeAll() }
    return self.serverEvents
  }

  /// Takes and clears the collected events of one side.
  func drainClientEvents() -> [HTTP2EngineEvent] {
    defer { self.clientEvents.removeAll() }
    return self.clientEvents
  }

  private func transfer(
    from source: HTTP2Engine,
    to destination: HTTP2Engine,
    error: inout HTTP2EngineError?,
    log: inout [UInt8]
  ) -> Bool {
    self.buffer.removeAll(keepingCapacity: true)
    source.produceOutput(into: &self.buffer)
    guard !self.buffer.isEmpty else { return false }
    log.append(contentsOf: self.buffer)
    guard error == nil else { return true }
    do {
      try self.buffer.withUnsafeBytes { try destination.receive($0) }
    } catch let failure as HTTP2EngineError {
      error = failure
    } catch {
      preconditionFailure("unexpected error \(error)")
    }
    return true
  }
}

/// Request headers for a gRPC-style POST to `path`.
func requestHeaders(path: String = "/test.Service/Method", extra: [(String, String)] = []) -> HTTP2Headers {
  HTTP2Headers(
    [
      (":method", "POST"), (":scheme", "http"), (":path", path), (":authority", "localhost"),
      ("content-type", "application/grpc"), ("te", "trailers"),
    ] + extra
  )
}

/// Response headers with `:status` 200.
func responseHeaders() -> HTTP2Headers {
  HTTP2Headers([(":status", "200"), ("content-type", "application/grpc")])
}

/// Deterministic test bytes.
func testBytes(count: Int, seed: Int = 0) -> [UInt8] {
  (0..<count).map { UInt8(truncatingIfNeeded: ($0 &* 31 &+ seed &* 7) % 251) }
}

extension HTTP2EngineEvent {
  /// The stream the event is about, if any.
  var streamID: Int32? {
    switch self {
    case .requestHeaders(let id, _, _), .responseHeaders(let id, _, _), .trailers(let id, _),
      .data(let id, _, _), .streamClosed(let id, _), .streamWritable(let id):
      id
    case .goAway, .ping, .settingsChanged:
      nil
    }
  }
}

extension [HTTP2EngineEvent] {
  /// All body bytes received on `streamID`, in order.
  func body(of streamID: Int32) -> [UInt8] {
    self.reduce(into: []) { bytes, event in
      if case .data(streamID, let chunk, _) = event { bytes += chunk }
    }
  }

  /// Whether the data of `streamID` ended (END_STREAM seen on DATA).
  func dataEnded(on streamID: Int32) -> Bool {
    self.contains { if case .data(streamID, _, true) = $0 { true } else { false } }
  }

  /// The events of one stream.
  func of(_ streamID: Int32) -> [HTTP2EngineEvent] {
    self.filter { $0.streamID == streamID }
  }

  /// The close code of `streamID`, if it closed.
  func closeCode(of streamID: Int32) -> HTTP2ErrorCode? {
    for case .streamClosed(streamID, let code) in self { return code }
    return nil
  }
}

/// Splits serialized HTTP/2 frames into (type, flags, streamID, payload).
func parseFrames(_ bytes: [UInt8], skippingPreface: Bool = false) -> [(type: UInt8, flags: UInt8, streamID: UInt32, payload: [UInt8])] {
  var frames: [(UInt8, UInt8, UInt32, [UInt8])] = []
  var offset = skippingPreface ? 24 : 0
  while offset + 9 <= bytes.count {
    let length = Int(bytes[offset]) << 16 | Int(bytes[offset + 1]) << 8 | Int(bytes[offset + 2])
    let streamID = (UInt32(bytes[offset + 5]) << 24 | UInt32(bytes[offset + 6]) << 16
      | UInt32(bytes[offset + 7]) << 8 | UInt32(bytes[offset + 8])) & 0x7FFF_FFFF
    guard offset + 9 + length <= bytes.count else { break }
    frames.append((bytes[offset + 3], bytes[offset + 4], streamID, Array(bytes[(offset + 9)..<(offset + 9 + length)])))
    offset += 9 + length
  }
  return frames
}

/// The error code of the last GOAWAY frame in `bytes`, if any.
func lastGoAwayCode(in bytes: [UInt8], skippingPreface: Bool = false) -> HTTP2ErrorCode? {
  guard let frame = parseFrames(bytes, skippingPreface: skippingPreface).last(where: { $0.type == 0x7 }) else { return nil }
  let payload = frame.payload
  return HTTP2ErrorCode(
    rawValue: UInt32(payload[4]) << 24 | UInt32(payload[5]) << 16 | UInt32(payload[6]) << 8 | UInt32(payload[7])
  )
}

/// A raw frame: 9-byte header then `payload`.
func rawFrame(type: UInt8, flags: UInt8 = 0, streamID: UInt32 = 0, payload: [UInt8] = []) -> [UInt8] {
  let length = payload.count
  return [
    UInt8(truncatingIfNeeded: length >> 16), UInt8(truncatingIfNeeded: length >> 8), UInt8(truncatingIfNeeded: length),
    type, flags,
    UInt8(truncatingIfNeeded: streamID >> 24), UInt8(truncatingIfNeeded: streamID >> 16),
    UInt8(truncatingIfNeeded: streamID >> 8), UInt8(truncatingIfNeeded: streamID),
  ] + payload
}

/// The 24-byte client connection preface followed by an empty SETTINGS frame.
let clientPreface: [UInt8] = Array("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".utf8) + rawFrame(type: 0x4)
