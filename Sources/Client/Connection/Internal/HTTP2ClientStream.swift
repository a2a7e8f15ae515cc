internal import SluiceRuntime

/// The ``ClientStream`` a connection returns for a call: the caller's handle on a
/// ``StreamingClientCall``. Dropping the last reference cancels the call unless it ended.
final class HTTP2ClientStream: ClientStream {
  private let call: StreamingClientCall

  init(call: StreamingClientCall) {
    self.call = call
  }

  deinit {
    call.cancel()
  }

  func write(_ message: [UInt8]) async throws(RPCError) {
    try await call.write(message)
  }

  func finishRequests() async {
    call.finishRequests()
  }

  func responseMetadata() async throws(RPCError) -> Metadata {
    try await call.responseMetadata()
  }

  func nextResponse() async throws(RPCError) -> [UInt8]? {
    try await call.nextResponse()
  }

  var trailers: Metadata { call.trailers }

  func cancel() {
    call.cancel()
  }
}
