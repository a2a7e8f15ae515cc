internal import NIOCore
internal import NIOHTTP1
internal import SluiceRuntime
internal import SluiceTransport

/// The first handler of every connection: reads until it can tell what the client
/// speaks, installs the handlers for it behind itself, replays what it read, and leaves.
///
/// When the server has TLS (`tls` is set), it first tells a TLS handshake from
/// plaintext: a TLS connection gets a ``TLSHandler`` and a ``TLSNegotiationHandler``
/// (which continues by ALPN once the handshake completes); plaintext is refused unless
/// the configuration allows it. Plaintext then goes on as without TLS: the HTTP/2
/// client preface installs the HTTP/2 handler (h2c with prior knowledge), anything
/// else the HTTP/1.1 handlers (Connect unary and streaming). Both answer the server's
/// plain HTTP routes before RPC routing.
final class ProtocolSniffer: ChannelInboundHandler, RemovableChannelHandler {
  typealias InboundIn = ByteBuffer
  typealias InboundOut = ByteBuffer

  static let preface = Array("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".utf8)

  let configuration: ServerConfiguration
  let router: RPCRouter
  let routes: HTTPRouteTable
  /// Where TLS contexts come from, while TLS has not been ruled out for this connection.
  private var tls: TLSContextStore?
  /// The identity the TLS handshake verified, for the calls of this connection.
  private let authContext: AuthContext?
  private var buffered: ByteBuffer?

  init(
    configuration: ServerConfiguration, router: RPCRouter, routes: HTTPRouteTable,
    tls: TLSContextStore? = nil, authContext: AuthContext? = nil
  ) {
    self.configuration = configuration
    self.router = router
    self.routes = routes
    self.tls = tls
    self.authContext = authContext
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    var incoming = unwrapInboundIn(data)
    if var buffered {
      buffered.writeBuffer(&incoming)
      self.buffered = buffered
    } else {
      buffered = incoming
    }
    guard let bytes = buffered else { return }
    let install: (ChannelHandlerContext) throws -> Void
    if let store = tls {
      switch TLSRecordDetector.classify(bytes.readableBytesView) {
      case .needMoreBytes:
        return
      case .tls:
        install = { try self.installTLS(context: $0, store: store) }
      case .plaintext:
        guard configuration.allowPlaintext else {
          self.buffered = nil
          context.close(promise: nil)
          return
        }
        tls = nil
        guard let chosen = chooseCleartext(bytes) else { return }
        install = chosen
      }
    } else {
      guard let chosen = chooseCleartext(bytes) else { return }
      install = chosen
    }
    do {
      try install(context)
    } catch {
      self.buffered = nil
      context.close(promise: nil)
      return
    }
    self.buffered = nil
    context.fireChannelRead(wrapInboundOut(bytes))
    context.fireChannelReadComplete()
    context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
  }

  /// The installer for plaintext `bytes`, or nil while they may still be a prefix of
  /// the HTTP/2 preface.
  private func chooseCleartext(_ bytes: ByteBuffer) -> ((ChannelHandlerContext) throws -> Void)? {
    let count = min(bytes.readableBytes, Self.preface.count)
    let prefix = bytes.getBytes(at: bytes.readerIndex, length: count) ?? []
    let matches = prefix.elementsEqual(Self.preface[..<count])
    if matches && count < Self.preface.count { return nil }
    if matches {
      return { try self.installHTTP2(context: $0) }
    }
    return { try self.installHTTP1(context: $0) }
  }

  private func installTLS(context: ChannelHandlerContext, store: TLSContextStore) throws {
    let tlsHandler = TLSHandler(connection: try TLSConnection(context: store.context))
    let negotiation = TLSNegotiationHandler(
      configuration: configuration, router: router, routes: routes)
    let sync = context.pipeline.syncOperations
    try sync.addHandler(negotiation, position: .after(self))
    try sync.addHandler(tlsHandler, position: .after(self))
  }

  private func installHTTP2(context: ChannelHandlerContext) throws {
    try Self.addHTTP2(
      to: context.pipeline.syncOperations, after: self, configuration: configuration,
      router: router, routes: routes, authContext: authContext, loop: context.eventLoop)
  }

  /// Installs NIO's HTTP/1.1 codec (heads limited to `maxHeaderListSize` bytes, request
  /// line included; pipelined requests served in order) and the Connect handler, which
  /// answers malformed requests itself (`431` for heads over the limit).
  private func installHTTP1(context: ChannelHandlerContext) throws {
    let executor = EventLoopTaskExecutor(loop: context.eventLoop)
    let handler = HTTP1ConnectHandler(
      configuration: configuration, router: router, routes: routes, executor: executor,
      authContext: authContext)
    var limits = NIOHTTPDecoderLimitConfiguration()
    limits.maxHeaderListSize = Int(configuration.maxHeaderListSize)
    limits.maxHeaderFieldSize = Int(configuration.maxHeaderListSize)
    let sync = context.pipeline.syncOperations
    try sync.addHandler(handler, position: .after(self))
    try sync.configureHTTPServerPipeline(
      position: .after(self), withPipeliningAssistance: true, withErrorHandling: false,
      withEncoderConfiguration: HTTPResponseEncoder.Configuration(),
      withDecoderLimitConfiguration: limits)
  }

  /// Adds the HTTP/2 connection handler after `handler`.
  static func addHTTP2(
    to sync: ChannelPipeline.SynchronousOperations, after handler: any ChannelHandler,
    configuration: ServerConfiguration, router: RPCRouter, routes: HTTPRouteTable,
    authContext: AuthContext?, loop: any EventLoop
  ) throws {
    let connection = try HTTP2ConnectionHandler(
      configuration: configuration, router: router, routes: routes,
      executor: EventLoopTaskExecutor(loop: loop), authContext: authContext)
    try sync.addHandler(connection, position: .after(handler))
  }
}
