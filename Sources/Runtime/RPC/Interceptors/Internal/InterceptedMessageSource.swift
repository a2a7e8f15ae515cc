/// Requests passed through a message interceptor's request hook as the handler reads them.
struct InterceptedMessageSource: RPCMessageSource {
  let base: any RPCMessageSource
  let hooks: any ServerMessageInterceptor
  let context: ServerContext

  func next() async throws(RPCError) -> [UInt8]? {
    guard let message = try await base.next() else { return nil }
    return try await hooks.interceptRequest(message, context: context)
  }
}
