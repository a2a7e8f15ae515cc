extension RPCHandler {
  /// This handler behind `interceptors`, the first outermost, leaving out those that do
  /// not apply to ``method`` (``ServerInterceptor/applies(to:)`` is asked here, once).
  ///
  /// Returns this very handler when no interceptor applies, so a method without
  /// interceptors runs exactly as before. Routers call this for every handler they
  /// register; call it directly to intercept a handler served some other way.
  public func intercepted(by interceptors: [any ServerInterceptor]) -> RPCHandler {
    var body = self.body
    var applied = false
    for interceptor in interceptors.reversed() where interceptor.applies(to: method) {
      body = ServerInterception.wrap(body, in: interceptor)
      applied = true
    }
    return applied ? RPCHandler(method: method, body: body) : self
  }
}
