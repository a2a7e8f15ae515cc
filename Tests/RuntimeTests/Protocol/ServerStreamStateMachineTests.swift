import SluiceRuntime
import Testing

@Suite struct ServerStreamStateMachineTests {
  typealias Action = ServerStreamAction

  static func framed(_ messages: [UInt8]...) -> [UInt8] {
    var buffer: [UInt8] = []
    for message in messages { try! MessageFramer.append(message, to: &buffer) }
    return buffer
  }

  /// Feeds `bytes` the way a server does: again after each delivered message.
  static func data(_ machine: inout ServerStreamStateMachine, _ bytes: [UInt8]) -> [Action] {
    bytes.withUnsafeBytes { raw in
      var input = raw
      var actions: [Action] = []
      while true {
        let action = machine.receiveData(&input)
        actions.append(action)
        guard case .deliverRequest = action, !input.isEmpty else { break }
      }
      #expect(input.isEmpty)
      return actions
    }
  }

  static func trailers(
    _ error: RPCError?, _ form: ServerStreamTrailers.Form, reset: Bool = false, cancel: Bool = false
  ) -> Action {
    .sendTrailers(
      ServerStreamTrailers(error: error, form: form, resetStreamAfter: reset, cancelHandler: cancel)
    )
  }

  static func opened(_ kind: RPCKind, wireProtocol: ServerStreamStateMachine.WireProtocol = .grpc)
    -> ServerStreamStateMachine
  {
    var machine = ServerStreamStateMachine(wireProtocol: wireProtocol, maxMessageSize: 16)
    _ = machine.receiveHeaders(kind: kind, decompressor: nil)
    return machine
  }

  // MARK: Successful calls

  @Test func unaryCall() {
    var machine = ServerStreamStateMachine()
    #expect(!machine.isClosed)
    #expect(machine.receiveHeaders(kind: .unary, decompressor: nil) == .none)
    let stream = Self.framed([1, 2, 3])
    #expect(Self.data(&machine, Array(stream[..<4])) == [.none])
    #expect(Self.data(&machine, Array(stream[4...])) == [.none])
    #expect(machine.receiveEndOfStream() == .invokeHandler(request: [1, 2, 3]))
    #expect(machine.sendMessage() == .sendMessage(sendHeadersFirst: true))
    #expect(!machine.isClosed)
    #expect(machine.finish(error: nil) == Self.trailers(nil, .trailers))
    #expect(machine.isClosed)
  }

  @Test func unaryWithCompressedRequest() {
    var machine = ServerStreamStateMachine()
    #expect(
      machine.receiveHeaders(kind: .serverStreaming, decompressor: ReversingCompressor()) == .none)
    var stream: [UInt8] = []
    try! [UInt8]([7, 8]).withUnsafeBytes {
      try MessageFramer.append($0, compressor: ReversingCompressor(), to: &stream)
    }
    #expect(Self.data(&machine, stream) == [.none])
    #expect(machine.receiveEndOfStream() == .invokeHandler(request: [7, 8]))
    #expect(machine.sendHeaders() == .sendHeaders)
    #expect(machine.sendHeaders() == .rejectWrite)
    #expect(machine.sendMessage() == .sendMessage(sendHeadersFirst: false))
    #expect(machine.sendMessage() == .sendMessage(sendHeadersFirst: false))
    #expect(
      machine.finish(error: RPCError(code: .aborted))
        == Self.trailers(RPCError(code: .aborted), .trailers))
  }

  @Test func clientStreamingCall() {
    var machine = ServerStreamStateMachine()
    #expect(machine.receiveHeaders(kind: .clientStreaming, decompressor: nil) == .startHandler)
    #expect(
      Self.data(&machine, Self.framed([1], [], [2, 2])) == [
        .deliverRequest([1]), .deliverRequest([]), .deliverRequest([2, 2]),
      ])
    let split = Self.framed([3, 3, 3])
    #expect(Self.data(&machine, Array(split[..<6])) == [.none])
    #expect(Self.data(&machine, Array(split[6...])) == [.deliverRequest([3, 3, 3])])
    #expect(machine.receiveEndOfStream() == .finishRequests)
    #expect(machine.finish(error: nil) == Self.trailers(nil, .headersAndTrailers))
    #expect(machine.isClosed)
  }

  @Test func bidirectionalCallEndingBeforeTheClient() {
    var machine = ServerStreamStateMachine()
    #expect(
      machine.receiveHeaders(kind: .bidirectionalStreaming, decompressor: nil) == .startHandler)
    #expect(machine.sendMessage() == .sendMessage(sendHeadersFirst: true))
    #expect(Self.data(&machine, Self.framed([1])) == [.deliverRequest([1])])
    #expect(machine.sendMessage() == .sendMessage(sendHeadersFirst: false))
    // Early server closure: trailers, then RST_STREAM NO_ERROR; later input is dropped.
    #expect(machine.finish(error: nil) == Self.trailers(nil, .trailers, reset: true))
    #expect(machine.isClosed)
    #expect(Self.data(&machine, Self.framed([2])) == [.none])
    #expect(machine.receiveEndOfStream() == .none)
    #expect(machine.receiveReset() == .none)
  }

  @Test func failingBeforeAnyResponseIsTrailersOnly() {
    var machine = Self.opened(.unary)
    _ = Self.data(&machine, Self.framed([1]))
    _ = machine.receiveEndOfStream()
    #expect(
      machine.finish(error: RPCError(code: .notFound, message: "x"))
        == Self.trailers(RPCError(code: .notFound, message: "x"), .trailersOnly))
  }

  // MARK: Invalid orderings from the network

  @Test func dataBeforeHeadersResetsTheStream() {
    var machine = ServerStreamStateMachine()
    #expect(
      Self.data(&machine, [0, 0, 0, 0, 0]) == [.resetStream(.protocolError, cancelHandler: false)])
    #expect(machine.isClosed)
    #expect(machine.receiveHeaders(kind: .unary, decompressor: nil) == .none)
    #expect(machine.receiveEndOfStream() == .none)
    #expect(machine.sendMessage() == .rejectWrite)
    #expect(machine.finish(error: nil) == .rejectWrite)
  }

  @Test func endOfStreamBeforeHeadersResetsTheStream() {
    var machine = ServerStreamStateMachine()
    #expect(machine.receiveEndOfStream() == .resetStream(.protocolError, cancelHandler: false))
    #expect(machine.isClosed)
  }

  @Test func secondHeadersResetTheStream() {
    var idle = Self.opened(.unary)
    #expect(
      idle.receiveHeaders(kind: .unary, decompressor: nil)
        == .resetStream(.protocolError, cancelHandler: false))
    var running = Self.opened(.bidirectionalStreaming)
    #expect(
      running.receiveHeaders(kind: .unary, decompressor: nil)
        == .resetStream(.protocolError, cancelHandler: true))
    #expect(running.sendMessage() == .rejectWrite)
    #expect(running.finish(error: nil) == .none)
    #expect(running.finish(error: nil) == .rejectWrite)
    var ended = Self.opened(.unary)
    _ = Self.data(&ended, Self.framed([1]))
    _ = ended.receiveEndOfStream()
    #expect(
      ended.receiveHeaders(kind: .unary, decompressor: nil)
        == .resetStream(.protocolError, cancelHandler: true))
  }

  @Test func dataAfterEndOfStreamIsStreamClosed() {
    var machine = Self.opened(.unary)
    _ = Self.data(&machine, Self.framed([1]))
    #expect(machine.receiveEndOfStream() == .invokeHandler(request: [1]))
    #expect(
      Self.data(&machine, Self.framed([2])) == [.resetStream(.streamClosed, cancelHandler: true)])
    #expect(machine.finish(error: nil) == .none)
    #expect(machine.isClosed)

    var twice = Self.opened(.clientStreaming)
    #expect(twice.receiveEndOfStream() == .finishRequests)
    #expect(twice.receiveEndOfStream() == .resetStream(.streamClosed, cancelHandler: true))
  }

  @Test func unaryCardinalityIsEnforced() {
    var none = Self.opened(.unary)
    #expect(
      none.receiveEndOfStream()
        == Self.trailers(
          RPCError(code: .internal, message: "unary call received no request message"),
          .trailersOnly))
    #expect(none.isClosed)
    var two = Self.opened(.serverStreaming)
    #expect(
      Self.data(&two, Self.framed([1], [2]))
        == [
          Self.trailers(
            RPCError(
              code: .internal,
              message: "serverStreaming call received more than one request message"),
            .trailersOnly, reset: true)
        ])
    #expect(two.receiveEndOfStream() == .none)
    #expect(two.isClosed)
  }

  @Test func framingErrorsEndTheCallWithTheirStatus() {
    let table: [([UInt8], MessageFramingError)] = [
      ([0, 0, 0, 0, 17], .messageTooLarge(size: 17, limit: 16)),
      ([2, 0, 0, 0, 0], .invalidFlags(2)),
      ([1, 0, 0, 0, 1, 0], .compressedWithoutEncoding),
    ]
    for (bytes, error) in table {
      var machine = Self.opened(.bidirectionalStreaming)
      #expect(
        Self.data(&machine, bytes) == [
          Self.trailers(error.rpcError, .trailersOnly, reset: true, cancel: true)
        ],
        "\(error)")
      #expect(machine.finish(error: nil) == .none)
      #expect(machine.isClosed)
    }
    var afterHeaders = Self.opened(.bidirectionalStreaming)
    _ = afterHeaders.sendMessage()
    #expect(
      Self.data(&afterHeaders, [9, 0, 0, 0, 0])
        == [
          Self.trailers(
            MessageFramingError.invalidFlags(9).rpcError, .trailers, reset: true, cancel: true)
        ])
  }

  @Test func truncatedRequestStream() {
    var machine = Self.opened(.clientStreaming)
    #expect(Self.data(&machine, [0, 0, 0, 0, 3, 1]) == [.none])
    #expect(
      machine.receiveEndOfStream()
        == Self.trailers(
          MessageFramingError.truncatedMessage(received: 6, expected: 8).rpcError, .trailersOnly,
          cancel: true))
    #expect(machine.isClosed)
    var unary = Self.opened(.unary)
    #expect(Self.data(&unary, [0, 0]) == [.none])
    #expect(
      unary.receiveEndOfStream()
        == Self.trailers(
          MessageFramingError.truncatedMessage(received: 2, expected: 5).rpcError, .trailersOnly))
  }

  @Test func clientResetCancelsTheHandler() {
    var running = Self.opened(.clientStreaming)
    #expect(running.receiveReset() == .cancelHandler)
    #expect(running.isClosed)
    #expect(running.sendMessage() == .rejectWrite)
    #expect(running.sendHeaders() == .rejectWrite)
    #expect(running.finish(error: nil) == .none)
    #expect(running.receiveReset() == .none)
    #expect(Self.data(&running, [1, 2, 3]) == [.none])
    var waiting = Self.opened(.unary)
    #expect(waiting.receiveReset() == .none)
    #expect(waiting.deadlineExpired() == .none)
  }

  @Test func grpcDeadlineResetsWithCancel() {
    var running = Self.opened(.bidirectionalStreaming)
    #expect(running.deadlineExpired() == .resetStream(.cancel, cancelHandler: true))
    #expect(running.isClosed)
    #expect(running.deadlineExpired() == .none)
    #expect(running.finish(error: RPCError(code: .cancelled)) == .none)
    var waiting = Self.opened(.unary)
    #expect(waiting.deadlineExpired() == .resetStream(.cancel, cancelHandler: false))
    var finished = Self.opened(.clientStreaming)
    _ = finished.receiveEndOfStream()
    _ = finished.finish(error: nil)
    #expect(finished.deadlineExpired() == .none)
  }

  @Test func connectDeadlineEndsTheResponse() {
    let expired = RPCError(code: .deadlineExceeded, message: "the deadline passed")
    var running = Self.opened(.bidirectionalStreaming, wireProtocol: .connect)
    #expect(
      running.deadlineExpired() == Self.trailers(expired, .trailersOnly, reset: true, cancel: true))
    var streaming = Self.opened(.serverStreaming, wireProtocol: .connect)
    _ = Self.data(&streaming, Self.framed([1]))
    _ = streaming.receiveEndOfStream()
    _ = streaming.sendMessage()
    #expect(streaming.deadlineExpired() == Self.trailers(expired, .trailers, cancel: true))
    #expect(streaming.isClosed)
  }

  @Test func connectRequestsRejectEndStreamFlag() {
    var machine = Self.opened(.clientStreaming, wireProtocol: .connect)
    #expect(
      Self.data(&machine, [2, 0, 0, 0, 0])
        == [
          Self.trailers(
            MessageFramingError.invalidFlags(2).rpcError, .trailersOnly, reset: true, cancel: true)
        ])
  }

  // MARK: Invalid orderings from the handler

  @Test func handlerEventsBeforeTheCallStarts() {
    var machine = ServerStreamStateMachine()
    #expect(machine.sendHeaders() == .rejectWrite)
    #expect(machine.sendMessage() == .rejectWrite)
    #expect(machine.finish(error: nil) == .rejectWrite)
    var waiting = Self.opened(.unary)
    #expect(waiting.sendMessage() == .rejectWrite)
    #expect(waiting.finish(error: nil) == .rejectWrite)
    #expect(Self.data(&waiting, Self.framed([4])) == [.none])
    #expect(waiting.receiveEndOfStream() == .invokeHandler(request: [4]))
  }

  @Test func handlerWritesAfterFinishing() {
    var machine = Self.opened(.clientStreaming)
    _ = machine.receiveEndOfStream()
    #expect(machine.finish(error: nil) == Self.trailers(nil, .headersAndTrailers))
    #expect(machine.sendMessage() == .rejectWrite)
    #expect(machine.sendHeaders() == .rejectWrite)
    #expect(machine.finish(error: nil) == .rejectWrite)
    #expect(machine.finish(error: RPCError(code: .internal)) == .rejectWrite)
  }
}

@Suite struct ConnectUnaryStateMachineTests {
  typealias Action = ConnectUnaryStateMachine.Action

  static func feed(_ machine: inout ConnectUnaryStateMachine, _ bytes: [UInt8]) -> Action {
    bytes.withUnsafeBytes { machine.receiveData($0) }
  }

  @Test func successfulCall() {
    var machine = ConnectUnaryStateMachine(maxMessageSize: 8)
    #expect(Self.feed(&machine, [1, 2]) == .none)
    #expect(Self.feed(&machine, []) == .none)
    #expect(Self.feed(&machine, [3]) == .none)
    #expect(!machine.isClosed)
    #expect(machine.receiveEndOfStream() == .invokeHandler(request: [1, 2, 3]))
    #expect(machine.finish(error: nil) == .sendResponse)
    #expect(machine.isClosed)
    #expect(machine.finish(error: nil) == .rejectWrite)
    #expect(machine.deadlineExpired() == .none)
    #expect(machine.receiveReset() == .none)
  }

  @Test func emptyBodyAndGET() {
    var machine = ConnectUnaryStateMachine(decompressor: ReversingCompressor())
    #expect(machine.receiveEndOfStream() == .invokeHandler(request: []))
    #expect(
      machine.finish(error: RPCError(code: .notFound))
        == .sendError(RPCError(code: .notFound), resetStreamAfter: false, cancelHandler: false))
  }

  @Test func compressedBody() {
    var machine = ConnectUnaryStateMachine(decompressor: ReversingCompressor())
    #expect(Self.feed(&machine, [UInt8(ascii: "Z"), 3, 2, 1]) == .none)
    #expect(machine.receiveEndOfStream() == .invokeHandler(request: [1, 2, 3]))
    var corrupt = ConnectUnaryStateMachine(decompressor: ReversingCompressor())
    _ = Self.feed(&corrupt, [1])
    #expect(
      corrupt.receiveEndOfStream()
        == .sendError(
          MessageFramingError.decompressionFailed("no Z").rpcError, resetStreamAfter: false,
          cancelHandler: false))
    #expect(corrupt.isClosed)
  }

  @Test func sizeLimits() {
    var machine = ConnectUnaryStateMachine(maxMessageSize: 4)
    #expect(Self.feed(&machine, [1, 2, 3]) == .none)
    #expect(
      Self.feed(&machine, [4, 5])
        == .sendError(
          MessageFramingError.messageTooLarge(size: 5, limit: 4).rpcError, resetStreamAfter: true,
          cancelHandler: false))
    #expect(Self.feed(&machine, [6]) == .none)
    #expect(machine.receiveEndOfStream() == .none)
    #expect(machine.finish(error: nil) == .rejectWrite)

    var expanding = ConnectUnaryStateMachine(
      maxMessageSize: 4, decompressor: ExpandingDecompressor(factor: 3))
    _ = Self.feed(&expanding, [1, 2])
    #expect(
      expanding.receiveEndOfStream()
        == .sendError(
          MessageFramingError.messageTooLarge(size: 6, limit: 4).rpcError, resetStreamAfter: false,
          cancelHandler: false))
  }

  @Test func resetAndDeadline() {
    let expired = RPCError(code: .deadlineExceeded, message: "the deadline passed")
    var receiving = ConnectUnaryStateMachine()
    #expect(
      receiving.deadlineExpired()
        == .sendError(expired, resetStreamAfter: true, cancelHandler: false))
    #expect(receiving.deadlineExpired() == .none)

    var running = ConnectUnaryStateMachine()
    _ = running.receiveEndOfStream()
    #expect(
      running.deadlineExpired() == .sendError(expired, resetStreamAfter: false, cancelHandler: true)
    )
    #expect(running.finish(error: nil) == .none)
    #expect(running.finish(error: nil) == .rejectWrite)

    var reset = ConnectUnaryStateMachine()
    _ = reset.receiveEndOfStream()
    #expect(reset.receiveReset() == .cancelHandler)
    #expect(reset.isClosed)
    #expect(reset.finish(error: nil) == .none)

    var early = ConnectUnaryStateMachine()
    #expect(early.receiveReset() == .none)
    #expect(early.receiveEndOfStream() == .none)
    #expect(early.finish(error: nil) == .rejectWrite)
  }

  @Test func invalidOrderings() {
    var machine = ConnectUnaryStateMachine()
    #expect(machine.finish(error: nil) == .rejectWrite)
    _ = machine.receiveEndOfStream()
    #expect(Self.feed(&machine, [1]) == .resetStream(.streamClosed, cancelHandler: true))
    #expect(machine.finish(error: nil) == .none)
    var twice = ConnectUnaryStateMachine()
    _ = twice.receiveEndOfStream()
    #expect(twice.receiveEndOfStream() == .resetStream(.streamClosed, cancelHandler: true))
  }
}
