import NIOCore
import NIOPosix
import SluiceTransport

/// A NIO server on 127.0.0.1 with a `TLSHandler` in front of a `Reporter`, taking each
/// connection's context from a `TLSContextStore`.
final class TLSLoopbackServer {
  let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
  let channel: any Channel
  let port: Int

  init(store: TLSContextStore) throws {
    let bootstrap = ServerBootstrap(group: self.group).childChannelInitializer { channel in
      channel.eventLoop.makeCompletedFuture {
        let connection = try TLSConnection(context: store.context)
        try channel.pipeline.syncOperations.addHandlers([TLSHandler(connection: connection), Reporter()])
      }
    }
    do {
      self.channel = try bootstrap.bind(host: "127.0.0.1", port: 0).wait()
    } catch {
      try? self.group.syncShutdownGracefully()
      throw error
    }
    self.port = self.channel.localAddress?.port ?? 0
  }

  func shutdown() {
    try? self.channel.close().wait()
    try? self.group.syncShutdownGracefully()
  }

  /// Reads until a newline, then answers with what the handshake settled and the bytes
  /// received (`alpn=h2 version=TLSv1.3 peer=CN=client-1 bytes=5\n` + the bytes), and
  /// closes (sending close_notify).
  final class Reporter: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private var summary: TLSHandshakeSummary?
    private var received = ByteBuffer()

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
      if case .handshakeCompleted(let summary) = event as? TLSUserEvent {
        self.summary = summary
      }
      context.fireUserInboundEventTriggered(event)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
      var buffer = self.unwrapInboundIn(data)
      self.received.writeBuffer(&buffer)
      guard self.received.readableBytesView.last == UInt8(ascii: "\n") else { return }
      let alpn = self.summary?.applicationProtocol ?? "none"
      let version = self.summary.map { "\($0.protocolVersion)" } ?? "none"
      let peer = self.summary?.peerCertificate?.subject ?? "none"
      let header = "alpn=\(alpn) version=\(version) peer=\(peer) bytes=\(self.received.readableBytes)\n"
      var reply = ByteBuffer(string: header)
      reply.writeBuffer(&self.received)
      context.writeAndFlush(self.wrapOutboundOut(reply), promise: nil)
      context.close(promise: nil)
    }
  }
}
