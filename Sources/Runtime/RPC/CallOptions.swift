/// Per-call settings a client passes with an RPC.
public struct CallOptions: Sendable {
  /// How long the call may take; the transport turns it into a deadline when the call
  /// starts (gRPC's `grpc-timeout`, Connect's `connect-timeout-ms`) and fails the call with
  /// `.deadlineExceeded` when it passes. `nil`: no deadline.
  public var timeout: Duration?
  /// Metadata sent as request headers.
  public var metadata: Metadata
  /// Whether to compress request messages (gzip) when the transport supports it.
  public var compression: Bool
  /// Whether to wait for the transport to become ready instead of failing at once with
  /// `.unavailable` while it is not connected.
  public var waitForReady: Bool

  /// Creates options; by default no deadline, no metadata, no compression, fail fast.
  public init(
    timeout: Duration? = nil, metadata: Metadata = Metadata(), compression: Bool = false,
    waitForReady: Bool = false
  ) {
    self.timeout = timeout
    self.metadata = metadata
    self.compression = compression
    self.waitForReady = waitForReady
  }
}
