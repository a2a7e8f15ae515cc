internal import NIOCore
internal import SluiceRuntime

/// One call as its connection's event loop sees it: its stream, how its response is read
/// and when it must end. Subclasses hand what arrives to the caller.
///
/// Everything mutable here is touched only on the connection's event loop (the caller
/// creates the object, then hands it to the loop), which is why the class may cross
/// threads.
class ClientCall: @unchecked Sendable {
  /// The method's path, `/package.Service/Method`.
  let path: String
  /// Request metadata.
  let metadata: Metadata
  /// Whether request messages are gzip-compressed.
  let compressed: Bool
  /// When the call must have ended; nil for no deadline.
  let deadline: NIODeadline?

  /// The HTTP/2 stream, once opened; 0 before.
  var streamID: Int32 = 0
  /// Reads the response.
  var reader: GRPCResponseReader
  /// Fires at ``deadline``.
  var deadlineTimer: Scheduled<Void>?
  /// The outcome was delivered; nothing more happens to the call.
  var isEnded = false
  /// Our END_STREAM was queued.
  var requestsEnded = false
  /// Received bytes whose flow-control credit is held back while the reader lags.
  var heldCredit = 0
  /// The call failed without the server processing it: it never left the client, or the
  /// server refused its stream (REFUSED_STREAM, or a GOAWAY below its stream ID). Such a
  /// call may be retried transparently (gRFC A6).
  var unprocessed = false
  /// Earlier attempts of the same call, sent as `grpc-previous-rpc-attempts` when not 0.
  var previousAttempts = 0

  init(path: String, metadata: Metadata, compressed: Bool, deadline: NIODeadline?, maxMessageSize: Int) {
    self.path = path
    self.metadata = metadata
    self.compressed = compressed
    self.deadline = deadline
    reader = GRPCResponseReader(maxMessageSize: maxMessageSize)
  }

  /// The response headers arrived.
  func receiveHeaders(_ metadata: Metadata) {}

  /// A response message arrived; returns an error when the call cannot take it.
  func receiveMessage(_ message: [UInt8]) -> RPCError? { nil }

  /// The call ended: trailers' metadata for OK, or the error. Called once.
  func complete(_ outcome: Result<Metadata, RPCError>) {}

  /// Whether the connection should hold back the credit of bytes just delivered (the
  /// reader has too much unread).
  func shouldHoldCredit() -> Bool { false }

  /// The stream can take more request bytes.
  func becameWritable() {}

  /// The loop handed `byteCount` request bytes to the stream; `writable` is false when
  /// the stream's queue is over its high-water mark.
  func requestAccepted(byteCount: Int, writable: Bool) {}
}
