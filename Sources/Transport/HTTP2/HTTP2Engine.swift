internal import CNGHTTP2
import SluiceRuntime

/// One HTTP/2 connection's framing, HPACK and flow control, done by nghttp2,
/// with no I/O of its own: bytes in, events and bytes out.
///
/// The caller owns the socket (or TLS memory BIOs) and drives the engine from
/// one thread (it is not `Sendable`):
/// 1. write the initial output (our SETTINGS are queued at creation);
/// 2. feed every received byte to ``receive(_:)``, then handle
///    ``takeEvents(into:)``;
/// 3. act with ``submitResponse(streamID:headers:endStream:)``,
///    ``sendData(streamID:bytes:endStream:)``, ``submitTrailers(streamID:headers:)``,
///    ``consume(streamID:byteCount:)`` (which opens flow-control windows: data
///    the application has not consumed holds the peer back),
///    ``resetWhenEnded(streamID:)`` (a response that ends before its request), ...;
/// 4. while ``wantsWrite``, write what ``produceOutput(into:)`` gives, then
///    take events again (streams close and become writable as frames go out);
/// 5. close the connection once neither ``wantsRead`` nor ``wantsWrite``.
///
/// A connection error makes ``receive(_:)`` throw after a GOAWAY was queued:
/// flush the output, then close.
public final class HTTP2Engine {
  /// Which end of the connection the engine plays.
  public enum Role: Sendable, Hashable {
    /// Accepts streams; expects the client preface first.
    case server
    /// Opens streams; sends the client preface first.
    case client
  }

  /// The engine's end of the connection.
  public let role: Role
  /// The settings and limits the engine was created with.
  public let configuration: HTTP2EngineConfiguration

  /// The nghttp2 session; `nil` only while `init` runs.
  var session: OpaquePointer!
  /// The session hit a fatal nghttp2 error; only `nghttp2_session_del` is allowed.
  var sessionIsDead = false
  /// Why the connection failed, once it did: a protocol violation nghttp2
  /// answered with GOAWAY, a tripped defence, or a fatal nghttp2 error.
  public internal(set) var terminationError: HTTP2EngineError?

  /// Serialized frames not yet taken by the caller.
  var output: [UInt8] = []
  /// `output.count` at which DATA serialization pauses during a flush.
  var outputLimit = Int.max
  /// Events not yet taken by the caller.
  var events: [HTTP2EngineEvent] = []
  /// Per-stream state beside nghttp2's.
  var streams: [Int32: StreamState] = [:]

  /// The header block being received: its stream, encoded fields and size.
  var headerStreamID: Int32 = 0
  var headerBytes: [UInt8] = []
  var headerCount = 0
  var headerListSize = 0

  /// Codes of GOAWAY frames we submitted that nghttp2 has not sent yet; a
  /// GOAWAY it sends with another error code answers a protocol violation.
  var ownGoAwayCodes: [HTTP2ErrorCode] = []
  /// A GOAWAY was submitted by us or received (a shutdown notice is then moot).
  var goAwaySubmitted = false
  var goAwayReceived = false
  /// Set by a callback that decided to end the connection.
  var callbackFailure: HTTP2EngineError.ConnectionErrorReason?

  var resetLimiter: RapidResetLimiter
  /// HEADERS and DATA frames sent so far (wrapping): a server polices client
  /// keepalive PINGs by whether it sent any since the last one.
  public internal(set) var headersOrDataFramesSent: UInt64 = 0
  let clock: () -> UInt64

  /// Scratch array of `nghttp2_nv` for submissions.
  var nameValues: UnsafeMutablePointer<nghttp2_nv>
  var nameValueCapacity: Int

  /// Creates a session, queues our SETTINGS (and, for a client, the
  /// connection preface) into the output.
  ///
  /// - Throws: ``HTTP2EngineError/rejected(nghttp2Error:)`` when a setting is
  ///   out of range.
  public convenience init(role: Role, configuration: HTTP2EngineConfiguration = .init()) throws(HTTP2EngineError) {
    try self.init(role: role, configuration: configuration, clock: monotonicNanoseconds)
  }

  /// As the public initializer, with a clock for the rapid-reset defence.
  init(role: Role, configuration: HTTP2EngineConfiguration, clock: @escaping () -> UInt64) throws(HTTP2EngineError) {
    self.role = role
    self.configuration = configuration
    self.clock = clock
    self.resetLimiter = RapidResetLimiter(
      burst: configuration.maxResetBurst,
      window: configuration.resetWindow,
      now: clock()
    )
    self.nameValueCapacity = 16
    self.nameValues = .allocate(capacity: 16)
    self.session = nil

    let created = withSessionOptions(configuration) { options in
      var session: OpaquePointer?
      let userData = Unmanaged.passUnretained(self).toOpaque()
      let result: Int32 =
        switch role {
        case .server: nghttp2_session_server_new2(&session, sharedCallbacks, userData, options)
        case .client: nghttp2_session_client_new2(&session, sharedCallbacks, userData, options)
        }
      return (result, session)
    }
    guard created.0 == 0, let session = created.1 else {
      throw .rejected(nghttp2Error: created.0)
    }
    self.session = session
    try self.submitInitialSettings()
    self.flush(limit: Int.max)
  }

  deinit {
    if let session = self.session {
      nghttp2_session_del(session)
    }
    self.nameValues.deallocate()
  }

  // MARK: Reading

  /// Processes bytes received from the peer; all of them are consumed.
  ///
  /// Frames that became due (acknowledgements, window updates, resets, a
  /// GOAWAY) are serialized into the pending output right away.
  ///
  /// - Throws: ``HTTP2EngineError/connectionError(code:reason:)`` when the
  ///   peer broke the protocol or a defence tripped; a GOAWAY is then the last
  ///   pending output. ``HTTP2EngineError/sessionTerminated`` after that.
  public func receive(_ bytes: UnsafeRawBufferPointer) throws(HTTP2EngineError) {
    guard self.terminationError == nil else { throw .sessionTerminated }
    let result = nghttp2_session_mem_recv(
      self.session,
      bytes.baseAddress?.assumingMemoryBound(to: UInt8.self),
      bytes.count
    )
    if result < 0 {
      throw self.failFatally(nghttp2Error: Int32(truncatingIfNeeded: result))
    }
    self.flush(limit: self.configuration.maxOutputBatch)
    if let reason = self.callbackFailure {
      let error = HTTP2EngineError.connectionError(code: .enhanceYourCalm, reason: reason)
      self.terminationError = error
      throw error
    }
    if let error = self.terminationError {
      throw error
    }
  }

  /// Whether the session still expects bytes from the peer. `false` once a
  /// connection error was answered, or both sides sent or received GOAWAY
  /// and every stream closed.
  public var wantsRead: Bool {
    !self.sessionIsDead && nghttp2_session_want_read(self.session) != 0
  }

  /// Whether output is pending or nghttp2 has frames to serialize.
  public var wantsWrite: Bool {
    !self.output.isEmpty || (!self.sessionIsDead && nghttp2_session_want_write(self.session) != 0)
  }

  /// Moves the pending events to `events` (appending; when `events` is empty
  /// the two arrays' storage is swapped, so reuse one array to stay
  /// allocation-free).
  public func takeEvents(into events: inout [HTTP2EngineEvent]) {
    if events.isEmpty {
      swap(&events, &self.events)
    } else {
      events.append(contentsOf: self.events)
      self.events.removeAll(keepingCapacity: true)
    }
  }

  // MARK: Writing

  /// Serializes up to ``HTTP2EngineConfiguration/maxOutputBatch`` bytes of
  /// frames and moves all pending output to the end of `buffer` (when
  /// `buffer` is empty, storage is swapped instead of copied: frames are
  /// copied once, from nghttp2 or the stream queues into this buffer).
  public func produceOutput(into buffer: inout [UInt8]) {
    self.flush(limit: self.configuration.maxOutputBatch)
    if buffer.isEmpty {
      swap(&buffer, &self.output)
    } else {
      buffer.append(contentsOf: self.output)
      self.output.removeAll(keepingCapacity: true)
    }
  }

  /// Serializes up to ``HTTP2EngineConfiguration/maxOutputBatch`` bytes and
  /// hands the pending output to `write` in place (e.g. to `write(2)` or
  /// `SSL_write`), which returns how many bytes it took; the rest stays pending.
  public func writeOutput<Failure: Error>(
    _ write: (UnsafeRawBufferPointer) throws(Failure) -> Int
  ) throws(Failure) {
    self.flush(limit: self.configuration.maxOutputBatch)
    guard !self.output.isEmpty else { return }
    var pending: [UInt8] = []
    swap(&pending, &self.output)
    defer {
      swap(&pending, &self.output)
    }
    let written = pending.withUnsafeBytes { bytes in Result { () throws(Failure) in try write(bytes) } }
    pending.removeFirst(min(max(try written.get(), 0), pending.count))
  }

  /// Runs `nghttp2_session_mem_send` until nothing is due or `output` holds
  /// `limit` bytes, copying each frame once into `output`.
  func flush(limit: Int) {
    guard !self.sessionIsDead else { return }
    self.outputLimit = limit
    defer { self.outputLimit = Int.max }
    while self.output.count < limit {
      var frame: UnsafePointer<UInt8>?
      let length = nghttp2_session_mem_send(self.session, &frame)
      if length < 0 {
        self.terminationError = self.failFatally(nghttp2Error: Int32(truncatingIfNeeded: length))
        return
      }
      guard length > 0, let frame else { return }
      self.output.append(contentsOf: UnsafeBufferPointer(start: frame, count: length))
    }
  }

  /// Handles an error after which nghttp2 forbids further use of the session:
  /// queues a GOAWAY by hand and returns the error to throw.
  func failFatally(nghttp2Error: Int32) -> HTTP2EngineError {
    let code: HTTP2ErrorCode
    let reason: HTTP2EngineError.ConnectionErrorReason
    switch nghttp2Error {
    case NGHTTP2_ERR_BAD_CLIENT_MAGIC.rawValue:
      (code, reason) = (.protocolError, .badClientPreface)
    case NGHTTP2_ERR_FLOODED.rawValue:
      (code, reason) = (.enhanceYourCalm, .controlFrameFlood)
    case NGHTTP2_ERR_TOO_MANY_CONTINUATIONS.rawValue:
      (code, reason) = (.enhanceYourCalm, .continuationFlood)
    default:
      (code, reason) = (.internalError, .internalFailure(nghttp2Error: nghttp2Error))
    }
    let lastStreamID = nghttp2_session_get_last_proc_stream_id(self.session)
    self.sessionIsDead = true
    self.streams.removeAll()
    appendGoAwayFrame(to: &self.output, lastStreamID: lastStreamID, code: code)
    let error = HTTP2EngineError.connectionError(code: code, reason: reason)
    self.terminationError = error
    return error
  }
}

/// Appends a GOAWAY frame (RFC 9113 §6.8) without debug data.
func appendGoAwayFrame(to output: inout [UInt8], lastStreamID: Int32, code: HTTP2ErrorCode) {
  let last = UInt32(bitPattern: lastStreamID) & 0x7FFF_FFFF
  output.append(contentsOf: [0, 0, 8, 0x7, 0, 0, 0, 0, 0])
  output.append(contentsOf: [
    UInt8(truncatingIfNeeded: last >> 24), UInt8(truncatingIfNeeded: last >> 16),
    UInt8(truncatingIfNeeded: last >> 8), UInt8(truncatingIfNeeded: last),
    UInt8(truncatingIfNeeded: code.rawValue >> 24), UInt8(truncatingIfNeeded: code.rawValue >> 16),
    UInt8(truncatingIfNeeded: code.rawValue >> 8), UInt8(truncatingIfNeeded: code.rawValue),
  ])
}
