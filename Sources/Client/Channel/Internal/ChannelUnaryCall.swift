internal import SluiceRuntime

/// One attempt of a unary call made through a channel: a ``UnaryClientCall`` that also
/// knows what the channel's pool needs (wait for ready, the deadline on the pool's clock)
/// and where it stands in the pool.
final class ChannelUnaryCall: UnaryClientCall, @unchecked Sendable {
  /// Whether the call waits for a connection instead of failing fast.
  let waitForReady: Bool
  /// The deadline on the pool's clock.
  let poolDeadline: ContinuousClock.Instant?
  /// Where the attempt stands (on the channel's loop).
  var placement = PendingCallPlacement.new

  init(
    path: String, request: [UInt8], options: CallOptions, deadline: CallDeadline?,
    previousAttempts: Int, maxMessageSize: Int
  ) {
    waitForReady = options.waitForReady
    poolDeadline = deadline?.instant
    super.init(
      path: path, request: request, metadata: options.metadata, compressed: options.compression,
      deadline: deadline?.loopDeadline, maxMessageSize: maxMessageSize)
    self.previousAttempts = previousAttempts
  }
}
