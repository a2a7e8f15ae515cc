internal import NIOCore
internal import NIOHTTP1
internal import SluiceRuntime

/// The first handler of every connection: reads until it can tell the HTTP/2 client
/// preface from anything else, then installs the HTTP/2 handler (h2c with prior
/// knowledge) or the HTTP/1.1 handlers (Connect unary) behind itself, replays what it
/// read, and leaves. A TLS handler, when added, goes in front of it.
final class ProtocolSniffer: ChannelInboundHandler, RemovableChannelHandler {
  typealias InboundIn = ByteBuffer
  typealias InboundOut = ByteBuffer

  static let preface = Array("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".utf8)

  let configuration: ServerConfiguration
  let router: RPCRouter
  private var buffered: ByteBuffer?

  init(configuration: ServerConfiguration, router: RPCRouter) {
    self.configuration = configuration
    self.router = router
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
    let count = min(bytes.readableBytes, Self.preface.count)
    let prefix = bytes.getBytes(at: bytes.readerIndex, length: count) ?? []
    let matches = prefix.elementsEqual(Self.preface[..<count])
    if matches && count < Self.preface.count { return }
    do {
      if matches {
        try installHTTP2(context: context)
      } else {
        try installHTTP1(context: context)
      }
    } catch {
      context.close(promise: nil)
      return
    }
    self.buffered = nil
    context.fireChannelRead(wrapInboundOut(bytes))
    context.fireChannelReadComplete()
    context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
  }

  private func installHTTP2(context: ChannelHandlerContext) throws {
    let executor = EventLoopTaskExecutor(loop: context.eventLoop)
    let handler = try HTTP2ConnectionHandler(
      configuration: configuration, router: router, executor: executor)
    try context.pipeline.syncOperations.addHandler(handler, position: .after(self))
  }

  private func installHTTP1(context: ChannelHandlerContext) throws {
    let executor = EventLoopTaskExecutor(loop: context.eventLoop)
    let handler = HTTP1ConnectHandler(
      router: router, options: configuration.protocolOptions, executor: executor)
    let sync = context.pipeline.syncOperations
    try sync.addHandler(handler, position: .after(self))
    try sync.configureHTTPServerPipeline(
      position: .after(self), withPipeliningAssistance: true, withErrorHandling: true)
  }
}
