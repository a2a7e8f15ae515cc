internal import NIOCore
internal import SluiceRuntime

/// The part of a connection's state that callers and the event loop share.
struct ConnectionState {
  var phase = HTTP2ClientConnection.State.idle
  var handler: ConnectionLoop?
  var waiters: [Int: UnsafeContinuation<Result<Void, RPCError>, Never>] = [:]
  var waiterTimers: [Int: Scheduled<Void>] = [:]
  var nextWaiterID = 0
  var maxConcurrentStreams = Int(UInt32.max)
  var openStreams = 0
  var connectTimer: Scheduled<Void>?
  var closeRequestedWhileConnecting = false
  var reportedClose = false
}
