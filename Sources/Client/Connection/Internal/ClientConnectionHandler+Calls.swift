internal import NIOCore
internal import SluiceRuntime
internal import SluiceTransport

// Opening, feeding and ending calls, on the loop.
extension ClientConnectionHandler {
  /// nghttp2's `NGHTTP2_ERR_STREAM_ID_NOT_AVAILABLE`: the connection ran out of stream IDs.
  static let streamIDsExhausted: Int32 = -509

  func startUnary(_ call: UnaryClientCall) {
    guard open(call) else { return }
    var request = call.request
    if call.compressed {
      guard let framed = compressedFrame(call.request) else {
        finish(call, .failure(Self.compressionError), reset: .cancel)
        flushOutput()
        return
      }
      request = framed
    }
    do {
      try engine.sendData(streamID: call.streamID, bytes: request, endStream: true)
      call.requestsEnded = true
    } catch {
      finish(call, .failure(unavailable(.protocolError("\(error)"))), reset: .cancel)
    }
    flushOutput()
  }

  func startStream(_ call: StreamingClientCall) {
    guard open(call) else { return }
    flushOutput()
  }

  /// Queues a streaming call's request bytes (framed, or compressed and framed here).
  func send(_ call: StreamingClientCall, _ payload: [UInt8], byteCount: Int) {
    guard !call.isEnded, !call.requestsEnded, call.streamID != 0 else {
      call.requestAccepted(byteCount: byteCount, writable: true)
      return
    }
    var framed = payload
    if call.compressed {
      guard let compressed = compressedFrame(payload) else {
        call.requestAccepted(byteCount: byteCount, writable: true)
        finish(call, .failure(Self.compressionError), reset: .cancel)
        flushOutput()
        return
      }
      framed = compressed
    }
    var writable = true
    do {
      writable = try engine.sendData(streamID: call.streamID, bytes: framed, endStream: false)
    } catch {
      // The stream closed for sending (the server ended or reset it); the call's outcome
      // arrives on its own.
    }
    call.requestAccepted(byteCount: byteCount, writable: writable)
    flushOutput()
  }

  func finishRequests(_ call: StreamingClientCall) {
    guard !call.isEnded, !call.requestsEnded, call.streamID != 0 else { return }
    call.requestsEnded = true
    _ = try? engine.sendData(streamID: call.streamID, bytes: [], endStream: true)
    flushOutput()
  }

  func cancel(_ call: ClientCall) {
    guard !call.isEnded else { return }
    finish(call, .failure(StreamingClientCall.cancelledError), reset: .cancel)
    flushOutput()
  }

  /// A lagging reader caught up: grant the credit held back for its stream.
  func releaseCredit(_ call: ClientCall) {
    guard call.heldCredit > 0 else { return }
    try? engine.consume(streamID: call.streamID, byteCount: call.heldCredit)
    call.heldCredit = 0
    flushOutput()
  }

  /// Ends `call` with `outcome`: resets its stream with `reset` (or with NO_ERROR when the
  /// server ended the call while requests were still open), returns held credit, and
  /// closes a draining connection after its last call.
  func finish(_ call: ClientCall, _ outcome: Result<Metadata, RPCError>, reset: HTTP2ErrorCode?) {
    guard !call.isEnded else { return }
    call.isEnded = true
    call.deadlineTimer?.cancel()
    call.deadlineTimer = nil
    if call.streamID != 0 {
      calls.removeValue(forKey: call.streamID)
      if let code = reset ?? (call.requestsEnded ? nil : .noError) {
        try? engine.resetStream(streamID: call.streamID, code: code)
      }
      if call.heldCredit > 0 {
        try? engine.consume(streamID: call.streamID, byteCount: call.heldCredit)
        call.heldCredit = 0
      }
    }
    let hadStream = call.streamID != 0
    call.complete(outcome)
    if hadStream { owner?.handlerStreamClosed(openStreams: calls.count) }
    if phase == .draining && calls.isEmpty {
      closeChannel(closeRequested ? .closedByOwner : goAway.map { .goAway($0.code, $0.debug) } ?? .closedByOwner)
    }
  }

  /// Opens the call's stream with its request headers and arms its deadline; false when
  /// the call ended instead (connection not ready, deadline passed, cancelled first).
  private func open(_ call: ClientCall) -> Bool {
    guard !call.isEnded else { return false }
    guard phase == .ready else {
      call.unprocessed = true
      let error =
        phase == .draining
        ? RPCError(
          code: .unavailable,
          message: "connection to \(targetDescription) is draining; it takes no new calls")
        : unavailable(closeReason ?? .closedByOwner)
      finish(call, .failure(error), reset: nil)
      return false
    }
    var timeout: Duration?
    if let deadline = call.deadline {
      let remaining = deadline - .now()
      guard remaining > .zero else {
        finish(call, .failure(Self.deadlineError), reset: nil)
        return false
      }
      timeout = Duration(remaining)
    }
    let headers = requestHead.headers(
      path: call.path, timeout: timeout, compressed: call.compressed,
      previousAttempts: call.previousAttempts, metadata: call.metadata)
    do {
      call.streamID = try engine.submitRequest(headers: headers, endStream: false)
    } catch {
      call.unprocessed = true
      if case .rejected(let code) = error, code == Self.streamIDsExhausted {
        beginDraining()
      }
      finish(call, .failure(RPCError(code: .unavailable, message: "cannot open a stream: \(error)")), reset: nil)
      return false
    }
    calls[call.streamID] = call
    owner?.handlerStreamOpened(openStreams: calls.count)
    if let deadline = call.deadline, let loop = channelContext?.eventLoop {
      let connection = loopBound
      call.deadlineTimer = loop.scheduleTask(deadline: deadline) {
        connection.value.deadlineExpired(call)
      }
    }
    return true
  }

  private func deadlineExpired(_ call: ClientCall) {
    call.deadlineTimer = nil
    guard !call.isEnded else { return }
    finish(call, .failure(Self.deadlineError), reset: .cancel)
    flushOutput()
  }

  /// `payload` gzip-compressed and framed; nil when zlib fails.
  private func compressedFrame(_ payload: [UInt8]) -> [UInt8]? {
    if compressor == nil { compressor = try? Compressor(algorithm: .gzip) }
    guard let compressor else { return nil }
    var framed: [UInt8] = []
    framed.reserveCapacity(payload.count / 2 + 32)
    let result = payload.withUnsafeBytes { bytes in
      Result { () throws(MessageFramingError) in
        try MessageFramer.append(bytes, compressor: compressor, to: &framed)
      }
    }
    guard case .success = result else { return nil }
    return framed
  }

  /// The decompressor for a response encoding, made on first use.
  func decompressor(for algorithm: CompressionAlgorithm) -> (any MessageDecompressor)? {
    switch algorithm {
    case .gzip:
      if gzipDecompressor == nil {
        gzipDecompressor = Decompressor.forMessages(
          .gzip, maxMessageSize: configuration.maxReceiveMessageSize)
      }
      return gzipDecompressor
    case .deflate:
      if deflateDecompressor == nil {
        deflateDecompressor = Decompressor.forMessages(
          .deflate, maxMessageSize: configuration.maxReceiveMessageSize)
      }
      return deflateDecompressor
    case .identity:
      return nil
    }
  }

  static let deadlineError = RPCError(code: .deadlineExceeded, message: "the call's deadline passed")
  static let compressionError = RPCError(code: .internal, message: "cannot gzip the request")
}
