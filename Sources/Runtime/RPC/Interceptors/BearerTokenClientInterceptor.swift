/// Attaches `authorization: Bearer <token>` to every call it applies to; the client side
/// of ``BearerTokenServerInterceptor``.
///
/// ```swift
/// let transport = InterceptedClientTransport(
///   wrapping: base, interceptors: [BearerTokenClientInterceptor { try await tokens.fresh() }])
/// ```
///
/// The token closure runs before each call (cache inside it as you see fit). A call that
/// already carries an `authorization` value keeps it. When the closure throws, or returns
/// a token that is not a valid metadata value, the call fails locally with
/// `UNAUTHENTICATED` (an ``RPCError`` the closure throws is kept as is).
public struct BearerTokenClientInterceptor: ClientInterceptor {
  private let token: @Sendable () async throws -> String

  /// An interceptor attaching the token `token` returns for each call.
  public init(token: @escaping @Sendable () async throws -> String) {
    self.token = token
  }

  /// An interceptor attaching one fixed token.
  public init(token: String) {
    self.token = { token }
  }

  /// Adds the `authorization` metadata unless the call has one.
  public func intercept(method: MethodDescriptor, options: inout CallOptions) async throws
    -> ClientCallObserver?
  {
    guard !options.metadata.contains(key: "authorization") else { return nil }
    let token: String
    do {
      token = try await self.token()
    } catch let error as RPCError {
      throw error
    } catch {
      throw RPCError(
        code: .unauthenticated, message: "the bearer token provider threw \(type(of: error))")
    }
    do {
      try options.metadata.addString("Bearer " + token, forKey: "authorization")
    } catch {
      throw RPCError(
        code: .unauthenticated, message: "the bearer token is not a valid metadata value")
    }
    return nil
  }
}
