/// Admits calls whose `authorization` metadata carries a bearer token your closure
/// accepts (`authorization: Bearer <token>`, RFC 6750), and fails every other call with
/// `UNAUTHENTICATED` before its handler runs.
///
/// The closure maps a token to a principal (a user, a service account, the token's
/// claims), or to nil when it does not accept the token. With a `binding`, the principal
/// is bound to that task-local while the handler runs, which is how handlers learn who
/// called:
///
/// ```swift
/// enum Auth {
///   @TaskLocal static var user: String?
/// }
///
/// let auth = BearerTokenServerInterceptor(binding: Auth.$user) { token, context in
///   await tokenStore.user(forToken: token)          // nil: UNAUTHENTICATED
/// }
/// let server = try Server(configuration: configuration, services: services,
///                         interceptors: [auth])
/// // In a handler: `let user = Auth.user`.
/// ```
///
/// Errors the closure throws fail the call like a handler's (an ``RPCError`` as is, so
/// it can answer `UNAVAILABLE` when its token store is down).
public struct BearerTokenServerInterceptor<Principal: Sendable>: ServerInterceptor {
  /// Checks a token: the principal it stands for, or nil to reject it.
  public typealias Validator =
    @Sendable (_ token: String, _ context: ServerContext) async throws -> Principal?

  private let validate: Validator
  private let binding: TaskLocal<Principal?>?

  /// An interceptor accepting the tokens `validate` maps to a principal, binding the
  /// principal to `binding` (if given) for the handler.
  public init(binding: TaskLocal<Principal?>? = nil, validate: @escaping Validator) {
    self.binding = binding
    self.validate = validate
  }

  /// Checks the call's bearer token, then runs the handler with the principal bound.
  public func intercept(
    context: ServerContext, next: () async throws(RPCError) -> Void
  ) async throws {
    guard let header = context.requestMetadata.firstString(forKey: "authorization") else {
      throw RPCError(code: .unauthenticated, message: "missing bearer token")
    }
    guard let token = Self.token(fromAuthorization: header) else {
      throw RPCError(
        code: .unauthenticated, message: "the authorization header is not \"Bearer <token>\"")
    }
    guard let principal = try await validate(token, context) else {
      throw RPCError(code: .unauthenticated, message: "invalid bearer token")
    }
    if let binding {
      try await binding.withValue(principal) { try await next() }
    } else {
      try await next()
    }
  }

  /// The token of an `authorization` value `Bearer <token>` (the scheme in any case), or
  /// nil when the value has another form.
  private static func token(fromAuthorization value: String) -> String? {
    let scheme = "bearer "
    guard value.utf8.count > scheme.utf8.count,
      value.utf8.prefix(scheme.utf8.count).elementsEqual(
        scheme.utf8, by: { Self.lowercased($0) == $1 })
    else { return nil }
    let token = value.utf8.dropFirst(scheme.utf8.count).drop { $0 == UInt8(ascii: " ") }
    guard !token.isEmpty, !token.contains(UInt8(ascii: " ")) else { return nil }
    return String(Substring(token))
  }

  private static func lowercased(_ byte: UInt8) -> UInt8 {
    (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
  }
}
