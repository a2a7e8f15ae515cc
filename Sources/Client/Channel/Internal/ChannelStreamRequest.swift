internal import SluiceRuntime

/// A stream a caller waits for: what to open once the channel's pool gives it a
/// connection, and the continuation that gets the opened call.
final class ChannelStreamRequest: @unchecked Sendable {
  let path: String
  let metadata: Metadata
  let compressed: Bool
  let deadline: CallDeadline?
  let waitForReady: Bool
  let previousAttempts: Int
  /// Resumed once, on the loop (or by the caller before the request reached it).
  var continuation: UnsafeContinuation<Result<StreamingClientCall, RPCError>, Never>?
  /// Where the request stands (on the channel's loop).
  var placement = PendingCallPlacement.new
  /// The attempt failed without the server processing it.
  var unprocessed = false

  init(path: String, options: CallOptions, deadline: CallDeadline?, previousAttempts: Int) {
    self.path = path
    metadata = options.metadata
    compressed = options.compression
    self.deadline = deadline
    waitForReady = options.waitForReady
    self.previousAttempts = previousAttempts
  }

  var poolDeadline: ContinuousClock.Instant? { deadline?.instant }

  func resume(_ result: Result<StreamingClientCall, RPCError>) {
    guard let continuation else { return }
    self.continuation = nil
    continuation.resume(returning: result)
  }
}
