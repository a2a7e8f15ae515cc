internal import NIOCore
internal import SluiceRuntime

/// A call with one request and one response, completed by resuming the caller's
/// continuation once, from the connection's event loop: the fast path, with one hand-off
/// to the loop and one back. A channel's calls subclass it to carry their place in the
/// channel's pool.
class UnaryClientCall: ClientCall, @unchecked Sendable {
  /// The request: framed, or the bare message when it is to be compressed on the loop.
  let request: [UInt8]
  /// Resumed with the outcome; set by the caller before the call reaches the loop.
  var continuation: UnsafeContinuation<Result<ClientResponse<[UInt8]>, RPCError>, Never>?
  private var headers = Metadata()
  private var response: [UInt8]?

  init(
    path: String, request: [UInt8], metadata: Metadata, compressed: Bool, deadline: NIODeadline?,
    maxMessageSize: Int
  ) {
    self.request = request
    super.init(
      path: path, metadata: metadata, compressed: compressed, deadline: deadline,
      maxMessageSize: maxMessageSize)
  }

  override func receiveHeaders(_ metadata: Metadata) {
    headers = metadata
  }

  override func receiveMessage(_ message: [UInt8]) -> RPCError? {
    guard response == nil else {
      return RPCError(code: .internal, message: "the server sent more than one response message")
    }
    response = message
    return nil
  }

  override func complete(_ outcome: Result<Metadata, RPCError>) {
    guard let continuation else { return }
    self.continuation = nil
    switch outcome {
    case .success(let trailers):
      if let response {
        continuation.resume(
          returning: .success(ClientResponse(message: response, metadata: headers, trailers: trailers)))
      } else {
        continuation.resume(
          returning: .failure(RPCError(code: .internal, message: "the server sent no response message")))
      }
    case .failure(let error):
      continuation.resume(returning: .failure(error))
    }
  }
}
