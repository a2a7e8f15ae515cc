import SluiceGenerated
import SluiceRuntime
import sluice_interop_server

/// The interop service with every unary method also echoing the call's
/// ``ServerContext/authContext`` as response headers `x-auth-subject` and
/// `x-auth-spiffe`, so tests can see what a handler learns from the client certificate.
struct AuthEchoService: RPCService {
  static var serviceDescriptor: ServiceDescriptor { InteropTestService.serviceDescriptor }

  func handlers() -> [RPCHandler] {
    InteropTestService().handlers().map { handler in
      guard case .unary(let body) = handler.body else { return handler }
      return RPCHandler(
        method: handler.method,
        body: .unary { request, context, codec throws(RPCError) in
          if let auth = context.authContext {
            var headers = context.responseMetadata
            headers.addUnchecked(.string(auth.subject), forKey: "x-auth-subject")
            if let spiffeID = auth.spiffeID {
              headers.addUnchecked(.string(spiffeID), forKey: "x-auth-spiffe")
            }
            context.responseMetadata = headers
          }
          return try await body(request, context, codec)
        })
    }
  }
}
