import SluiceRuntime
import Testing

/// Every event in every reachable state of ``ServerStreamStateMachine``, each cell from a
/// fresh machine.
@Suite struct ServerStreamTransitionTableTests {
  typealias Action = ServerStreamAction
  typealias Machine = ServerStreamStateMachine

  enum Event: CaseIterable, CustomStringConvertible {
    case headers, data, end, reset, deadline, sendHeaders, sendMessage, finish

    var description: String {
      switch self {
      case .headers: "headers"
      case .data: "data"
      case .end: "end"
      case .reset: "reset"
      case .deadline: "deadline"
      case .sendHeaders: "sendHeaders"
      case .sendMessage: "sendMessage"
      case .finish: "finish"
      }
    }

    func apply(to machine: inout Machine) -> Action {
      switch self {
      case .headers: machine.receiveHeaders(kind: .bidirectionalStreaming, decompressor: nil)
      case .data: ServerStreamStateMachineTests.data(&machine, [0, 0, 0, 0, 1, 1])[0]
      case .end: machine.receiveEndOfStream()
      case .reset: machine.receiveReset()
      case .deadline: machine.deadlineExpired()
      case .sendHeaders: machine.sendHeaders()
      case .sendMessage: machine.sendMessage()
      case .finish: machine.finish(error: nil)
      }
    }
  }

  static func trailers(_ form: ServerStreamTrailers.Form, reset: Bool = false) -> Action {
    .sendTrailers(
      ServerStreamTrailers(error: nil, form: form, resetStreamAfter: reset, cancelHandler: false))
  }

  static func state(_ name: String) -> Machine {
    var machine = Machine(maxMessageSize: 16)
    func open(_ kind: RPCKind) { _ = machine.receiveHeaders(kind: kind, decompressor: nil) }
    switch name {
    case "awaitingHeaders":
      break
    case "unaryOpen":
      open(.unary)
    case "unaryRunning":
      open(.unary)
      _ = ServerStreamStateMachineTests.data(&machine, [0, 0, 0, 0, 1, 9])
      _ = machine.receiveEndOfStream()
    case "bidiOpen":
      open(.bidirectionalStreaming)
    case "bidiHeadersSent":
      open(.bidirectionalStreaming)
      _ = machine.sendMessage()
    case "finished":
      open(.bidirectionalStreaming)
      _ = machine.receiveEndOfStream()
      _ = machine.finish(error: nil)
    case "reset":
      open(.bidirectionalStreaming)
      _ = machine.receiveReset()
    default:
      Issue.record("unknown state \(name)")
    }
    return machine
  }

  static let noRequest = RPCError(
    code: .internal, message: "unary call received no request message")

  /// Expected action per state, in `Event.allCases` order.
  static let table: [(String, [Action])] = [
    (
      "awaitingHeaders",
      [
        .startHandler, .resetStream(.protocolError, cancelHandler: false),
        .resetStream(.protocolError, cancelHandler: false), .none,
        .resetStream(.cancel, cancelHandler: false), .rejectWrite, .rejectWrite, .rejectWrite,
      ]
    ),
    (
      "unaryOpen",
      [
        .resetStream(.protocolError, cancelHandler: false), .none,
        .sendTrailers(
          ServerStreamTrailers(
            error: noRequest, form: .trailersOnly, resetStreamAfter: false, cancelHandler: false)),
        .none, .resetStream(.cancel, cancelHandler: false), .rejectWrite, .rejectWrite,
        .rejectWrite,
      ]
    ),
    (
      "unaryRunning",
      [
        .resetStream(.protocolError, cancelHandler: true),
        .resetStream(.streamClosed, cancelHandler: true),
        .resetStream(.streamClosed, cancelHandler: true), .cancelHandler,
        .resetStream(.cancel, cancelHandler: true), .sendHeaders,
        .sendMessage(sendHeadersFirst: true),
        trailers(.headersAndTrailers),
      ]
    ),
    (
      "bidiOpen",
      [
        .resetStream(.protocolError, cancelHandler: true), .deliverRequest([1]), .finishRequests,
        .cancelHandler, .resetStream(.cancel, cancelHandler: true), .sendHeaders,
        .sendMessage(sendHeadersFirst: true), trailers(.headersAndTrailers, reset: true),
      ]
    ),
    (
      "bidiHeadersSent",
      [
        .resetStream(.protocolError, cancelHandler: true), .deliverRequest([1]), .finishRequests,
        .cancelHandler, .resetStream(.cancel, cancelHandler: true), .rejectWrite,
        .sendMessage(sendHeadersFirst: false), trailers(.trailers, reset: true),
      ]
    ),
    (
      "finished",
      [.none, .none, .none, .none, .none, .rejectWrite, .rejectWrite, .rejectWrite]
    ),
    (
      "reset",
      [.none, .none, .none, .none, .none, .rejectWrite, .rejectWrite, .none]
    ),
  ]

  @Test(arguments: table)
  func transitions(state: String, expected: [Action]) {
    for (event, action) in zip(Event.allCases, expected) {
      var machine = Self.state(state)
      #expect(event.apply(to: &machine) == action, "\(state) + \(event)")
    }
  }
}
