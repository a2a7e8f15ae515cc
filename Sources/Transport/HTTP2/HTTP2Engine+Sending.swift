internal import CNGHTTP2
public import SluiceRuntime

// What the caller submits, and the data provider that feeds each stream's
// queued body to nghttp2 as flow control allows.

extension HTTP2Engine {
  // MARK: Streams

  /// Server: sends the response headers of `streamID`. With `endStream`
  /// the stream ends with them (e.g. a gRPC trailers-only response);
  /// otherwise follow with ``sendData(streamID:bytes:endStream:)`` and/or
  /// ``submitTrailers(streamID:headers:)``.
  public func submitResponse(streamID: Int32, headers: HTTP2Headers, endStream: Bool) throws(HTTP2EngineError) {
    try self.checkAlive()
    guard self.role == .server, let index = self.streams.index(forKey: streamID),
      !self.streams.values[index].headersSubmitted,
      !endStream || (!self.streams.values[index].endRequested && self.streams.values[index].outbound.count == 0)
    else { throw .streamNotWritable(streamID: streamID) }
    var provider = makeDataProvider()
    let result = self.withNameValues(headers) { fields, count in
      endStream
        ? nghttp2_submit_response(self.session, streamID, fields, count, nil)
        : nghttp2_submit_response(self.session, streamID, fields, count, &provider)
    }
    guard result == 0 else { throw .rejected(nghttp2Error: result) }
    // By index: `streams[id]?.x = y` would heap-allocate its modify coroutine frames.
    self.streams.values[index].headersSubmitted = true
    self.streams.values[index].endRequested = self.streams.values[index].endRequested || endStream
  }

  /// Client: opens a stream with a request header block and returns its ID.
  /// Without `endStream`, send the body with
  /// ``sendData(streamID:bytes:endStream:)``. Requests beyond the server's
  /// concurrency limit wait inside nghttp2 until a stream closes.
  public func submitRequest(headers: HTTP2Headers, endStream: Bool) throws(HTTP2EngineError) -> Int32 {
    try self.checkAlive()
    guard self.role == .client else { throw .rejected(nghttp2Error: NGHTTP2_ERR_INVALID_STATE.rawValue) }
    var provider = makeDataProvider()
    let streamID = self.withNameValues(headers) { fields, count in
      endStream
        ? nghttp2_submit_request(self.session, nil, fields, count, nil, nil)
        : nghttp2_submit_request(self.session, nil, fields, count, &provider, nil)
    }
    guard streamID > 0 else { throw .rejected(nghttp2Error: streamID) }
    var state = StreamState(announced: true)
    state.headersSubmitted = true
    state.endRequested = endStream
    self.streams[streamID] = state
    return streamID
  }

  /// Queues body bytes for `streamID` (the array is kept, not copied, until
  /// DATA frames carry it); `endStream` ends our side after them (without
  /// trailers). May be called before the response headers are submitted.
  ///
  /// - Returns: `false` when the stream now holds at least
  ///   ``HTTP2EngineConfiguration/streamHighWaterMark`` unsent bytes: stop
  ///   producing until ``HTTP2EngineEvent/streamWritable(streamID:)``.
  @discardableResult
  public func sendData(streamID: Int32, bytes: [UInt8], endStream: Bool) throws(HTTP2EngineError) -> Bool {
    try self.checkAlive()
    guard let index = self.streams.index(forKey: streamID), !self.streams.values[index].endRequested
    else { throw .streamNotWritable(streamID: streamID) }
    self.streams.values[index].outbound.append(bytes)
    self.streams.values[index].endRequested = endStream
    self.resumeIfDeferred(streamID: streamID, at: index)
    let writable = self.streams.values[index].outbound.count < self.configuration.streamHighWaterMark
    if !writable {
      self.streams.values[index].overHighWaterMark = true
    }
    return writable
  }

  /// Ends our side of `streamID` with a trailing header block, sent after
  /// the queued data (gRPC status). The headers must have been submitted with
  /// a body to follow.
  public func submitTrailers(streamID: Int32, headers: HTTP2Headers) throws(HTTP2EngineError) {
    try self.checkAlive()
    guard let index = self.streams.index(forKey: streamID),
      self.streams.values[index].headersSubmitted, !self.streams.values[index].endRequested
    else { throw .streamNotWritable(streamID: streamID) }
    self.streams.values[index].trailers = headers
    self.streams.values[index].endRequested = true
    self.resumeIfDeferred(streamID: streamID, at: index)
  }

  /// Resets `streamID` with RST_STREAM `code`, dropping its queued data.
  public func resetStream(streamID: Int32, code: HTTP2ErrorCode) throws(HTTP2EngineError) {
    try self.checkAlive()
    if let index = self.streams.index(forKey: streamID) {
      self.streams.values[index].outbound.removeAll()
      self.streams.values[index].trailers = nil
      self.streams.values[index].endRequested = true
    }
    let result = nghttp2_submit_rst_stream(self.session, UInt8(NGHTTP2_FLAG_NONE.rawValue), streamID, code.rawValue)
    guard result == 0 else { throw .rejected(nghttp2Error: result) }
  }

  /// Server: resets `streamID` with RST_STREAM NO_ERROR right after our
  /// END_STREAM (the last DATA, the trailers, or a headers-only response) goes
  /// out, unless the client finished sending by then: gRPC's early server
  /// closure, which tells a client still streaming its request that the
  /// response is complete and it should stop. Call it once the response's end
  /// is submitted; when it already went out, the reset is sent now.
  public func resetWhenEnded(streamID: Int32) throws(HTTP2EngineError) {
    try self.checkAlive()
    guard let index = self.streams.index(forKey: streamID) else { return }
    if self.streams.values[index].localEnded {
      self.resetIfPeerStillSending(streamID)
    } else {
      self.streams.values[index].resetWhenEnded = true
    }
  }

  /// Reports `byteCount` received body bytes of `streamID` as processed, so
  /// nghttp2 sends WINDOW_UPDATE once enough is consumed. Call it for every
  /// byte of every ``HTTP2EngineEvent/data(streamID:bytes:endStream:)``,
  /// also after the stream closed (the connection window still counts them).
  public func consume(streamID: Int32, byteCount: Int) throws(HTTP2EngineError) {
    guard byteCount > 0, !self.sessionIsDead else { return }
    let result = nghttp2_session_consume(self.session, streamID, byteCount)
    guard result == 0 else { throw .rejected(nghttp2Error: result) }
  }

  /// Bytes queued on `streamID` and not yet serialized (0 for unknown streams).
  public func queuedBytes(streamID: Int32) -> Int {
    self.streams[streamID]?.outbound.count ?? 0
  }

  // MARK: Connection

  /// Sends GOAWAY: no stream above `lastStreamID` (default: the last one the
  /// peer opened and we processed) will be processed. Streams at or below it
  /// finish normally; once they are closed, ``wantsRead`` turns `false`.
  public func submitGoAway(
    lastStreamID: Int32? = nil,
    code: HTTP2ErrorCode = .noError,
    debugData: [UInt8] = []
  ) throws(HTTP2EngineError) {
    try self.checkAlive()
    let last = lastStreamID ?? nghttp2_session_get_last_proc_stream_id(self.session)
    let result = debugData.withUnsafeBufferPointer { debug in
      nghttp2_submit_goaway(
        self.session,
        UInt8(NGHTTP2_FLAG_NONE.rawValue),
        last,
        code.rawValue,
        debug.baseAddress,
        debug.count
      )
    }
    guard result == 0 else { throw .rejected(nghttp2Error: result) }
    self.ownGoAwayCodes.append(code)
    self.goAwaySubmitted = true
  }

  /// Server: first step of a graceful shutdown, a GOAWAY with the largest
  /// stream ID telling the client to open no new streams. After about one
  /// round trip (e.g. the answer to ``submitPing(payload:)``), call
  /// ``submitGoAway(lastStreamID:code:debugData:)`` to fix the last stream.
  /// Does nothing once a GOAWAY was sent or received.
  public func submitShutdownNotice() throws(HTTP2EngineError) {
    try self.checkAlive()
    guard self.role == .server else { throw .rejected(nghttp2Error: NGHTTP2_ERR_INVALID_STATE.rawValue) }
    guard !self.goAwaySubmitted && !self.goAwayReceived else { return }
    let result = nghttp2_submit_shutdown_notice(self.session)
    guard result == 0 else { throw .rejected(nghttp2Error: result) }
    self.ownGoAwayCodes.append(.noError)
    self.goAwaySubmitted = true
  }

  /// Sends a PING with `payload`; the peer's answer arrives as
  /// ``HTTP2EngineEvent/ping(ack:payload:)`` with `ack == true`.
  public func submitPing(payload: UInt64) throws(HTTP2EngineError) {
    try self.checkAlive()
    let result = withUnsafeBytes(of: payload.bigEndian) { bytes in
      nghttp2_submit_ping(
        self.session,
        UInt8(NGHTTP2_FLAG_NONE.rawValue),
        bytes.baseAddress?.assumingMemoryBound(to: UInt8.self)
      )
    }
    guard result == 0 else { throw .rejected(nghttp2Error: result) }
  }

  // MARK: Internals

  /// Queues our SETTINGS and widens the connection window, at start.
  func submitInitialSettings() throws(HTTP2EngineError) {
    let configuration = self.configuration
    var entries: [nghttp2_settings_entry] = [
      Self.setting(NGHTTP2_SETTINGS_MAX_CONCURRENT_STREAMS, configuration.maxConcurrentStreams),
      Self.setting(NGHTTP2_SETTINGS_INITIAL_WINDOW_SIZE, configuration.initialWindowSize),
      Self.setting(NGHTTP2_SETTINGS_MAX_FRAME_SIZE, configuration.maxFrameSize),
      Self.setting(NGHTTP2_SETTINGS_MAX_HEADER_LIST_SIZE, configuration.maxHeaderListSize),
      Self.setting(NGHTTP2_SETTINGS_HEADER_TABLE_SIZE, configuration.headerTableSize),
    ]
    if self.role == .client {
      entries.append(Self.setting(NGHTTP2_SETTINGS_ENABLE_PUSH, 0))
    }
    let result = nghttp2_submit_settings(self.session, UInt8(NGHTTP2_FLAG_NONE.rawValue), entries, entries.count)
    guard result == 0 else { throw .rejected(nghttp2Error: result) }
    if configuration.connectionWindowSize > 65_535 {
      let window = nghttp2_session_set_local_window_size(
        self.session,
        UInt8(NGHTTP2_FLAG_NONE.rawValue),
        0,
        Int32(clamping: configuration.connectionWindowSize)
      )
      guard window == 0 else { throw .rejected(nghttp2Error: window) }
    }
  }

  private static func setting(_ id: nghttp2_settings_id, _ value: UInt32) -> nghttp2_settings_entry {
    nghttp2_settings_entry(settings_id: Int32(id.rawValue), value: value)
  }

  func checkAlive() throws(HTTP2EngineError) {
    if self.terminationError != nil || self.sessionIsDead {
      throw .sessionTerminated
    }
  }

  private func resumeIfDeferred(streamID: Int32, at index: Dictionary<Int32, StreamState>.Index) {
    guard self.streams.values[index].deferred else { return }
    self.streams.values[index].deferred = false
    nghttp2_session_resume_data(self.session, streamID)
  }

  /// Points the scratch `nghttp2_nv` array at the fields of `headers` (which
  /// nghttp2 copies during the submission) for the span of `body`.
  func withNameValues<Result>(
    _ headers: HTTP2Headers,
    _ body: (UnsafePointer<nghttp2_nv>, Int) -> Result
  ) -> Result {
    if headers.count > self.nameValueCapacity {
      self.nameValues.deallocate()
      self.nameValueCapacity = headers.count
      self.nameValues = .allocate(capacity: headers.count)
    }
    let fields = self.nameValues
    return headers.storage.withUnsafeBufferPointer { storage in
      var offset = 0
      var index = 0
      if let base = storage.baseAddress {
        let bytes = UnsafeMutablePointer(mutating: base)
        while offset < storage.count {
          let nameCount = HTTP2Headers.readLength(headers.storage, at: offset)
          let valueCount = HTTP2Headers.readLength(headers.storage, at: offset + 4)
          fields[index] = nghttp2_nv(
            name: bytes + offset + 8,
            value: bytes + offset + 8 + nameCount,
            namelen: nameCount,
            valuelen: valueCount,
            flags: UInt8(NGHTTP2_NV_FLAG_NONE.rawValue)
          )
          offset += 8 + nameCount + valueCount
          index += 1
        }
      }
      return body(fields, index)
    }
  }

  // MARK: Data provider

  /// nghttp2 asks for up to `maxLength` bytes of the next DATA frame. Data is
  /// not copied here (NO_COPY): ``sendDataFrame(streamID:header:length:padding:)``
  /// writes the frame. With nothing queued the provider is parked (DEFERRED)
  /// until more data or the end arrives.
  func readData(streamID: Int32, maxLength: Int, flags: UnsafeMutablePointer<UInt32>) -> Int {
    guard let index = self.streams.index(forKey: streamID) else {
      return Int(NGHTTP2_ERR_TEMPORAL_CALLBACK_FAILURE.rawValue)
    }
    let queued = self.streams.values[index].outbound.count
    let length = min(maxLength, queued)
    guard queued > 0 || self.streams.values[index].endRequested else {
      self.streams.values[index].deferred = true
      return Int(NGHTTP2_ERR_DEFERRED.rawValue)
    }
    if length > 0 {
      flags.pointee |= NGHTTP2_DATA_FLAG_NO_COPY.rawValue
    }
    guard length == queued && self.streams.values[index].endRequested else { return length }
    flags.pointee |= NGHTTP2_DATA_FLAG_EOF.rawValue
    guard let trailers = self.streams.values[index].trailers else { return length }
    self.streams.values[index].trailers = nil
    flags.pointee |= NGHTTP2_DATA_FLAG_NO_END_STREAM.rawValue
    let result = self.withNameValues(trailers) { fields, count in
      nghttp2_submit_trailer(self.session, streamID, fields, count)
    }
    return result == 0 ? length : Int(NGHTTP2_ERR_TEMPORAL_CALLBACK_FAILURE.rawValue)
  }

  /// Writes one DATA frame: nghttp2's 9-byte header, then `length` queued
  /// bytes copied straight from the stream's queue into the output.
  func sendDataFrame(
    streamID: Int32,
    header: UnsafeBufferPointer<UInt8>,
    length: Int,
    padding: Int
  ) -> Int32 {
    guard padding == 0, let index = self.streams.index(forKey: streamID) else {
      return NGHTTP2_ERR_CALLBACK_FAILURE.rawValue
    }
    self.output.append(contentsOf: header)
    self.streams.values[index].outbound.move(length, into: &self.output)
    if self.streams.values[index].overHighWaterMark
      && self.streams.values[index].outbound.count <= self.configuration.streamHighWaterMark / 2
    {
      self.streams.values[index].overHighWaterMark = false
      self.events.append(.streamWritable(streamID: streamID))
    }
    return self.output.count >= self.outputLimit ? NGHTTP2_ERR_PAUSE.rawValue : 0
  }
}
