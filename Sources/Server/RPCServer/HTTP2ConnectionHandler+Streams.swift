internal import NIOCore
internal import SluiceRuntime
internal import SluiceTransport

// Network events of one stream, fed to its state machine.
extension HTTP2ConnectionHandler {
  func openStream(_ streamID: Int32, headers: HTTP2Headers, endStream: Bool) {
    if !routes.isEmpty, serveRoute(streamID, headers: headers, endStream: endStream) { return }
    var parser = RequestHeadParser(router: router, options: options)
    for field in headers {
      field.name.withUnsafeBytes { name in
        field.value.withUnsafeBytes { value in parser.add(name: name, value: value) }
      }
    }
    switch parser.classify() {
    case .rejected(let rejection):
      reject(streamID, rejection, endStream: endStream, withBody: !Self.isHEAD(headers))
    case .accepted(let request):
      accept(request, streamID: streamID, endStream: endStream)
    }
  }

  /// Answers the request on `streamID` with `rejection` at once, without running a
  /// handler; `withBody` false (for HEAD) sends the headers alone.
  func reject(
    _ streamID: Int32, _ rejection: RejectedRequest, endStream: Bool, withBody: Bool = true
  ) {
    headerBlock.removeAll()
    rejection.writeHeaders(into: &headerBlock)
    var body: [UInt8] = []
    if withBody { rejection.writeBody(into: &body) }
    do {
      try engine.submitResponse(
        streamID: streamID, headers: http2Headers(), endStream: body.isEmpty)
      if !body.isEmpty { try engine.sendData(streamID: streamID, bytes: body, endStream: true) }
      // The request body (if any) is not wanted: tell a gRPC or streaming client still
      // sending to stop. A plain HTTP request's body (curl -d) is read and dropped
      // instead: some curl versions report RST_STREAM(NO_ERROR) as a framing error.
      if !endStream && rejection.resetsUnfinishedRequest {
        try engine.resetWhenEnded(streamID: streamID)
      }
    } catch {
      try? engine.resetStream(streamID: streamID, code: .internalError)
    }
  }

  private func accept(_ request: RPCRequest, streamID: Int32, endStream: Bool) {
    let deadline = request.timeout.map { ContinuousClock.now.advanced(by: $0) }
    let context = ServerContext(
      method: request.handler.method, requestMetadata: request.metadata, deadline: deadline,
      peer: peer, authContext: authContext)
    let stream = HTTP2ServerStream(id: streamID, request: request, context: context)
    streams[streamID] = stream
    managedStreamOpened()
    if let timeout = request.timeout {
      let connection = loopBound
      // A gRPC deadline resets the stream, which clients report as CANCELLED when the
      // reset beats their own timer: give the client's timer (started earlier) a head
      // start so it reports DEADLINE_EXCEEDED. Connect answers `deadline_exceeded` itself.
      let slack: Duration = if case .grpc = request.wireProtocol { .milliseconds(50) } else { .zero }
      stream.deadline = executor.loop.scheduleTask(in: Self.timeAmount(timeout + slack)) {
        connection.value.deadlineExpired(streamID)
      }
    }
    switch request.wireProtocol {
    case .grpc, .connectStreaming:
      let isGRPC = if case .grpc = request.wireProtocol { true } else { false }
      stream.streaming = ServerStreamStateMachine(
        wireProtocol: isGRPC ? .grpc : .connect, maxMessageSize: options.maxReceiveMessageSize)
      let decompressor = Decompressor.forMessages(
          request.requestCompression, maxMessageSize: options.maxReceiveMessageSize)
      if let action = stream.streaming?.receiveHeaders(
        kind: request.kind, decompressor: decompressor)
      {
        perform(action, on: stream)
      }
      if endStream, let action = stream.streaming?.receiveEndOfStream() {
        perform(action, on: stream)
      }
    case .connectUnary:
      stream.unary = ConnectUnaryStateMachine(
        maxMessageSize: options.maxReceiveMessageSize,
        decompressor: Decompressor.forMessages(
          request.requestCompression, maxMessageSize: options.maxReceiveMessageSize))
      if request.isGET {
        if let action = request.getMessage.withUnsafeBytes({ stream.unary?.receiveData($0) }) {
          perform(action, on: stream)
        }
        if let action = stream.unary?.receiveEndOfStream() { perform(action, on: stream) }
      } else if endStream, let action = stream.unary?.receiveEndOfStream() {
        perform(action, on: stream)
      }
    }
  }

  func receiveData(_ streamID: Int32, bytes: [UInt8], endStream: Bool) {
    guard let stream = streams[streamID] else {
      try? engine.consume(streamID: streamID, byteCount: bytes.count)
      return
    }
    if stream.streaming != nil {
      bytes.withUnsafeBytes { raw in
        var input = raw
        repeat {
          guard let action = stream.streaming?.receiveData(&input) else { break }
          perform(action, on: stream)
        } while !input.isEmpty
      }
    } else if let action = bytes.withUnsafeBytes({ stream.unary?.receiveData($0) }) {
      perform(action, on: stream)
    }
    if let source = stream.source, source.shouldHoldCredit(limit: maxBufferedRequestBytes) {
      stream.unconsumedBytes += bytes.count
    } else {
      try? engine.consume(streamID: streamID, byteCount: bytes.count)
    }
    if endStream { receiveEndOfStream(streamID) }
  }

  func receiveEndOfStream(_ streamID: Int32) {
    guard let stream = streams[streamID] else { return }
    if let action = stream.streaming?.receiveEndOfStream() {
      perform(action, on: stream)
    } else if let action = stream.unary?.receiveEndOfStream() {
      perform(action, on: stream)
    }
  }

  func closeStream(_ streamID: Int32) {
    guard let stream = streams.removeValue(forKey: streamID) else {
      if !routeTasks.isEmpty { routeTasks.removeValue(forKey: streamID)?.cancel() }
      return
    }
    managedStreamClosed()
    stream.deadline?.cancel()
    if stream.unconsumedBytes > 0 {
      try? engine.consume(streamID: streamID, byteCount: stream.unconsumedBytes)
      stream.unconsumedBytes = 0
    }
    _ = stream.streaming?.receiveReset()
    _ = stream.unary?.receiveReset()
    stream.cancelHandler()
  }

  func deadlineExpired(_ streamID: Int32) {
    guard let stream = streams[streamID] else { return }
    if let action = stream.streaming?.deadlineExpired() {
      perform(action, on: stream)
    } else if let action = stream.unary?.deadlineExpired() {
      perform(action, on: stream)
    }
    flushOutput()
  }

  /// The handler read its buffered requests down: grant the held-back credit.
  func resumeConsuming(_ streamID: Int32) {
    guard let stream = streams[streamID], stream.unconsumedBytes > 0 else { return }
    try? engine.consume(streamID: streamID, byteCount: stream.unconsumedBytes)
    stream.unconsumedBytes = 0
    flushOutput()
  }

  static func timeAmount(_ duration: Duration) -> TimeAmount {
    let (seconds, attoseconds) = duration.components
    guard seconds < Int64.max / 1_000_000_000 else { return .hours(24 * 365) }
    return .nanoseconds(max(0, seconds * 1_000_000_000 + attoseconds / 1_000_000_000))
  }

  /// The value of pseudo-header `name` (pseudo-headers come first), without allocating.
  static func pseudoHeader(_ name: StaticString, in headers: HTTP2Headers) -> ArraySlice<UInt8>? {
    for field in headers {
      // Not `name.first`: generic collection code allocates in debug builds.
      guard field.name.withUnsafeBytes({ !$0.isEmpty && $0[0] == UInt8(ascii: ":") }) else {
        return nil
      }
      if equals(field.name, name) { return field.value }
    }
    return nil
  }

  /// Whether the request's method is `HEAD`, whose answer has no body.
  static func isHEAD(_ headers: HTTP2Headers) -> Bool {
    guard let method = pseudoHeader(":method", in: headers) else { return false }
    return equals(method, "HEAD")
  }

  /// Whether `bytes` are `text`'s UTF-8, byte for byte.
  static func equals(_ bytes: ArraySlice<UInt8>, _ text: StaticString) -> Bool {
    guard bytes.count == text.utf8CodeUnitCount else { return false }
    return bytes.withUnsafeBufferPointer { bytes in
      var index = 0
      while index < bytes.count && bytes[index] == text.utf8Start[index] { index += 1 }
      return index == bytes.count
    }
  }

  /// The header block as the engine takes it.
  func http2Headers() -> HTTP2Headers {
    // Each field also takes 8 bytes of lengths: reserve it all, or the storage regrows.
    var headers = HTTP2Headers(byteCapacity: headerBlock.bytes.count + 8 * headerBlock.fields.count)
    headerBlock.withUnsafeFields { bytes, fields in
      for field in fields {
        headers.append(
          name: UnsafeRawBufferPointer(
            rebasing: bytes[field.nameOffset..<(field.nameOffset + field.nameCount)]),
          value: UnsafeRawBufferPointer(
            rebasing: bytes[field.valueOffset..<(field.valueOffset + field.valueCount)]))
      }
    }
    return headers
  }
}
