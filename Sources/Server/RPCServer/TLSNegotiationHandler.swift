internal import NIOCore
internal import SluiceRuntime
internal import SluiceTransport

/// Sits behind a server's ``TLSHandler`` until the handshake completes, then installs
/// what ALPN chose and leaves: `h2` gets the HTTP/2 handler directly; `http/1.1` or no
/// ALPN gets a ``ProtocolSniffer`` (so HTTP/1.1 and h2 with prior knowledge both work).
/// The verified client certificate, if any, becomes the calls' ``AuthContext``.
final class TLSNegotiationHandler: ChannelInboundHandler, RemovableChannelHandler {
  typealias InboundIn = ByteBuffer
  typealias InboundOut = ByteBuffer

  let configuration: ServerConfiguration
  let router: RPCRouter
  let routes: HTTPRouteTable

  init(configuration: ServerConfiguration, router: RPCRouter, routes: HTTPRouteTable) {
    self.configuration = configuration
    self.router = router
    self.routes = routes
  }

  func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
    guard case .handshakeCompleted(let summary) = event as? TLSUserEvent else {
      context.fireUserInboundEventTriggered(event)
      return
    }
    let authContext = summary.peerCertificate.map(Self.authContext)
    let sync = context.pipeline.syncOperations
    do {
      if summary.applicationProtocol == "h2" {
        try ProtocolSniffer.addHTTP2(
          to: sync, after: self, configuration: configuration, router: router, routes: routes,
          authContext: authContext, loop: context.eventLoop)
      } else {
        let sniffer = ProtocolSniffer(
          configuration: configuration, router: router, routes: routes, authContext: authContext)
        try sync.addHandler(sniffer, position: .after(self))
      }
    } catch {
      context.close(promise: nil)
      return
    }
    sync.removeHandler(context: context, promise: nil)
  }

  /// TLS failures (bad handshakes, garbage) end only this connection; the TLS handler
  /// has already sent its alert and is closing.
  func errorCaught(context: ChannelHandlerContext, error: any Error) {
    context.close(promise: nil)
  }

  static func authContext(_ certificate: TLSCertificateInfo) -> AuthContext {
    AuthContext(
      subject: certificate.subject, issuer: certificate.issuer,
      serialNumber: certificate.serialNumber, dnsNames: certificate.dnsNames,
      uris: certificate.uris)
  }
}
