/// A ``ServerInterceptor`` that also sees every message of the calls it intercepts, as
/// raw bytes in the call's codec: to count or size messages, log payloads, or check or
/// rewrite them.
///
/// ``interceptRequest(_:context:)`` runs on each request the handler reads,
/// ``interceptResponse(_:context:)`` on each response it produces; both run after the
/// call was admitted by ``intercept(context:next:)`` and in the task that reads or writes
/// the message (for requests and for unary responses: the handler's task, so task-locals
/// bound in `intercept` are visible). Throwing fails the read or write with that error.
/// Requests pass through the interceptors from the outermost in, responses from the
/// innermost out.
///
/// Only interceptors conforming to this protocol add a layer around the messages; a
/// plain ``ServerInterceptor`` leaves them untouched. Every requirement has a default, so
/// implement only the hooks you need.
public protocol ServerMessageInterceptor: ServerInterceptor {
  /// A request message on its way to the handler; returns the message to deliver.
  func interceptRequest(_ message: [UInt8], context: ServerContext) async throws(RPCError)
    -> [UInt8]

  /// A response message on its way to the client; returns the message to send.
  func interceptResponse(_ message: [UInt8], context: ServerContext) async throws(RPCError)
    -> [UInt8]
}

extension ServerMessageInterceptor {
  /// Runs the call unchanged.
  public func intercept(
    context: ServerContext, next: () async throws(RPCError) -> Void
  ) async throws {
    try await next()
  }

  /// Delivers the request unchanged.
  public func interceptRequest(_ message: [UInt8], context: ServerContext) async throws(RPCError)
    -> [UInt8]
  {
    message
  }

  /// Sends the response unchanged.
  public func interceptResponse(_ message: [UInt8], context: ServerContext) async throws(RPCError)
    -> [UInt8]
  {
    message
  }
}
