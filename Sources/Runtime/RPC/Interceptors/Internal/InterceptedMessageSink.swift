/// Responses passed through a message interceptor's response hook as the handler writes
/// them.
struct InterceptedMessageSink: RPCMessageSink {
  let base: any RPCMessageSink
  let hooks: any ServerMessageInterceptor
  let context: ServerContext

  func write(_ message: [UInt8]) async throws(RPCError) {
    try await base.write(try await hooks.interceptResponse(message, context: context))
  }
}
