import SluiceGenerated
import SluiceRuntime
import sluice_interop_server

/// Who the bearer-token interceptor authenticated, bound for the handler.
enum TestPrincipal {
  @TaskLocal static var name: String?
}

/// The interop service with every unary and server-streaming method also sending the
/// bound ``TestPrincipal/name`` as the response header `x-principal`, so a client sees
/// what the handler learned from the interceptor.
struct PrincipalEchoService: RPCService {
  static var serviceDescriptor: ServiceDescriptor { InteropTestService.serviceDescriptor }

  func handlers() -> [RPCHandler] {
    InteropTestService().handlers().map { handler in
      switch handler.body {
      case .unary(let body):
        return RPCHandler(
          method: handler.method,
          body: .unary { request, context, codec throws(RPCError) in
            Self.announce(context)
            return try await body(request, context, codec)
          })
      case .serverStreaming(let body):
        return RPCHandler(
          method: handler.method,
          body: .serverStreaming { request, responses, context, codec throws(RPCError) in
            Self.announce(context)
            try await body(request, responses, context, codec)
          })
      case .clientStreaming, .bidirectionalStreaming:
        return handler
      }
    }
  }

  private static func announce(_ context: ServerContext) {
    var headers = context.responseMetadata
    headers.addUnchecked(.string(TestPrincipal.name ?? "nobody"), forKey: "x-principal")
    context.responseMetadata = headers
  }
}
