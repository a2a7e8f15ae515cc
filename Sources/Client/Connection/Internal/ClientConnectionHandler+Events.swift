internal import NIOCore
internal import SluiceRuntime
internal import SluiceTransport

// What the server sent, dispatched to the calls; keepalive; closing.
extension ClientConnectionHandler {
  /// Dispatches the engine's pending events; returns whether there were any.
  @discardableResult
  func processEvents() -> Bool {
    var batch: [HTTP2EngineEvent] = []
    swap(&batch, &events)
    engine.takeEvents(into: &batch)
    let any = !batch.isEmpty
    // By index: a `for` loop's iterator costs an allocation per event in debug builds.
    var index = 0
    while index < batch.count {
      let event = batch[index]
      index += 1
      switch event {
      case .responseHeaders(let streamID, let headers, let endStream):
        receiveHeaders(streamID, headers, endStream: endStream)
      case .data(let streamID, let bytes, let endStream):
        receiveData(streamID, bytes, endStream: endStream)
      case .trailers(let streamID, let headers):
        guard let call = calls[streamID] else { break }
        finish(call, call.reader.readTrailers(headers), reset: nil)
      case .streamClosed(let streamID, let code):
        guard let call = calls[streamID] else { break }
        // Refused (by RST_STREAM, or by a GOAWAY below its ID): the server did not process it.
        if code == .refusedStream { call.unprocessed = true }
        finish(call, .failure(GRPCResponseReader.resetError(code)), reset: nil)
      case .streamWritable(let streamID):
        calls[streamID]?.becameWritable()
      case .goAway(let lastStreamID, let code, let debugData):
        receiveGoAway(lastStreamID: lastStreamID, code: code, debug: String(decoding: debugData, as: UTF8.self))
      case .ping(let ack, let payload):
        if ack && payload == pingPayload {
          pingTimeout?.cancel()
          pingTimeout = nil
        }
      case .settingsChanged(let settings):
        receiveSettings(settings)
      case .requestHeaders:
        break
      }
    }
    batch.removeAll(keepingCapacity: true)
    if events.isEmpty { swap(&batch, &events) }
    return any
  }

  private func receiveHeaders(_ streamID: Int32, _ headers: HTTP2Headers, endStream: Bool) {
    guard let call = calls[streamID] else { return }
    let head = call.reader.readHead(headers, endStream: endStream) { decompressor(for: $0) }
    switch head {
    case .success(.headers(let metadata)):
      call.receiveHeaders(metadata)
    case .success(.trailersOnly(let outcome)):
      finish(call, outcome, reset: nil)
    case .failure(let error):
      finish(call, .failure(error), reset: endStream ? nil : .cancel)
    }
  }

  private func receiveData(_ streamID: Int32, _ bytes: [UInt8], endStream: Bool) {
    guard let call = calls[streamID] else {
      try? engine.consume(streamID: streamID, byteCount: bytes.count)
      return
    }
    var failure: RPCError?
    bytes.withUnsafeBytes { raw in
      var input = raw
      while failure == nil {
        do throws(RPCError) {
          guard let message = try call.reader.nextMessage(from: &input) else { break }
          failure = call.receiveMessage(message)
        } catch {
          failure = error
        }
      }
    }
    if let failure {
      try? engine.consume(streamID: streamID, byteCount: bytes.count)
      finish(call, .failure(failure), reset: .cancel)
      return
    }
    if call.shouldHoldCredit() {
      call.heldCredit += bytes.count
    } else {
      try? engine.consume(streamID: streamID, byteCount: bytes.count)
    }
    if endStream { finish(call, .failure(GRPCResponseReader.missingTrailers), reset: nil) }
  }

  private func receiveSettings(_ settings: HTTP2PeerSettings) {
    let limit = Int(settings.maxConcurrentStreams)
    peerMaxConcurrentStreams = limit
    switch phase {
    case .connecting:
      phase = .ready
      owner?.handlerReady(maxConcurrentStreams: limit)
    case .ready, .draining:
      owner?.handlerMaxConcurrentStreamsChanged(limit)
    case .closed:
      break
    }
  }

  private func receiveGoAway(lastStreamID: Int32, code: HTTP2ErrorCode, debug: String) {
    goAway = (code, debug)
    if phase == .ready || phase == .connecting { phase = .draining }
    owner?.handlerGoingAway(lastStreamID: lastStreamID, code: code)
    if phase == .draining && calls.isEmpty { closeChannel(closeRequested ? .closedByOwner : .goAway(code, debug)) }
  }

  /// Stops taking new calls (the connection ran out of stream IDs) and tells the owner, as
  /// for a GOAWAY; the connection closes when the open ones have ended.
  func beginDraining() {
    guard phase == .ready || phase == .connecting else { return }
    phase = .draining
    owner?.handlerGoingAway(lastStreamID: calls.keys.max() ?? 0, code: .noError)
  }

  // MARK: Closing

  /// Graceful close: GOAWAY to the server, open calls finish, then the channel closes.
  func close() {
    closeRequested = true
    switch phase {
    case .closed:
      return
    case .connecting:
      closeChannel(.closedByOwner)
    case .ready, .draining:
      phase = .draining
      try? engine.submitGoAway(lastStreamID: 0, code: .noError)
      flushOutput()
      if calls.isEmpty { closeChannel(.closedByOwner) }
    }
  }

  // MARK: Keepalive

  func startKeepalive() {
    guard let keepalive = configuration.keepalive, let loop = channelContext?.eventLoop else { return }
    let connection = loopBound
    let interval = TimeAmount(keepalive.interval)
    keepaliveTask = loop.scheduleRepeatedTask(initialDelay: interval, delay: interval) { _ in
      connection.value.sendKeepalivePing()
    }
  }

  private func sendKeepalivePing() {
    guard let keepalive = configuration.keepalive, let loop = channelContext?.eventLoop,
      phase == .ready || phase == .draining, pingTimeout == nil,
      keepalive.permitWithoutCalls || !calls.isEmpty
    else { return }
    pingPayload &+= 1
    do {
      try engine.submitPing(payload: pingPayload)
    } catch {
      return
    }
    let connection = loopBound
    pingTimeout = loop.scheduleTask(in: TimeAmount(keepalive.timeout)) {
      connection.value.closeChannel(.keepaliveTimeout)
    }
    flushOutput()
  }
}
