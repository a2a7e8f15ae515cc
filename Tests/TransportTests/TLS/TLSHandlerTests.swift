import NIOCore
import NIOEmbedded
import SluiceTransport
import SluiceTestSupport
import Testing

/// `TLSHandler` in `EmbeddedChannel`s wired back to back.
@Suite("TLS handler")
struct TLSHandlerTests {
  let pki = TLSTestPKI.shared

  /// A client and a server channel; `exchange()` moves ciphertext between them.
  final class ChannelPair {
    let client = EmbeddedChannel()
    let server = EmbeddedChannel()
    let clientEvents = TLSEventRecorder()
    let serverEvents = TLSEventRecorder()

    init(client: TLSConnection, server: TLSConnection, serverExtras: [any ChannelHandler] = []) throws {
      try self.client.pipeline.syncOperations.addHandlers([TLSHandler(connection: client), self.clientEvents])
      try self.server.pipeline.syncOperations.addHandler(TLSHandler(connection: server))
      try self.server.pipeline.syncOperations.addHandlers(serverExtras)
      try self.server.pipeline.syncOperations.addHandler(self.serverEvents)
    }

    func activate() throws {
      let address = try SocketAddress(ipAddress: "127.0.0.1", port: 443)
      try self.server.connect(to: address).wait()
      try self.client.connect(to: address).wait()
      try self.exchange()
    }

    /// Moves ciphertext both ways until both sides are quiet.
    func exchange() throws {
      var moved = true
      while moved {
        moved = false
        while let bytes = try self.client.readOutbound(as: ByteBuffer.self) {
          moved = true
          if self.server.isActive { try self.server.writeInbound(bytes) }
        }
        while let bytes = try self.server.readOutbound(as: ByteBuffer.self) {
          moved = true
          if self.client.isActive { try self.client.writeInbound(bytes) }
        }
      }
    }

    static func readAll(_ channel: EmbeddedChannel) throws -> String {
      var text = ""
      while var buffer = try channel.readInbound(as: ByteBuffer.self) {
        text += buffer.readString(length: buffer.readableBytes) ?? ""
      }
      return text
    }
  }

  private func pair(
    client: TLSClientConfiguration? = nil, server: TLSServerConfiguration? = nil,
    serverExtras: [any ChannelHandler] = []
  ) throws -> ChannelPair {
    try ChannelPair(
      client: TLSConnection(context: TLSContext(configuration: client ?? self.pki.clientConfiguration())),
      server: TLSConnection(context: TLSContext(configuration: server ?? self.pki.serverConfiguration())),
      serverExtras: serverExtras)
  }

  @Test("the handshake fires an event with the ALPN protocol, then data flows")
  func handshakeAndData() throws {
    let channels = try self.pair()
    try channels.activate()
    #expect(channels.clientEvents.handshake?.applicationProtocol == "h2")
    #expect(channels.serverEvents.handshake?.applicationProtocol == "h2")
    #expect(try channels.server.pipeline.syncOperations.handler(type: TLSHandler.self).handshakeSummary != nil)

    let written = channels.client.writeAndFlush(ByteBuffer(string: "hello server"))
    try channels.exchange()
    try written.wait()
    #expect(try ChannelPair.readAll(channels.server) == "hello server")

    try channels.server.writeAndFlush(ByteBuffer(string: "hello client")).wait()
    try channels.exchange()
    #expect(try ChannelPair.readAll(channels.client) == "hello client")
    #expect(channels.clientEvents.errors.isEmpty && channels.serverEvents.errors.isEmpty)
  }

  @Test("1 MiB each way through the handlers, in socket-sized pieces")
  func largePayloads() throws {
    let channels = try self.pair()
    try channels.activate()
    let payload = String(repeating: "0123456789abcdef", count: 1 << 16)
    let clientWrite = channels.client.writeAndFlush(ByteBuffer(string: payload))
    let serverWrite = channels.server.writeAndFlush(ByteBuffer(string: payload))
    var moved = true
    while moved {
      moved = false
      for (from, to) in [(channels.client, channels.server), (channels.server, channels.client)] {
        while var bytes = try from.readOutbound(as: ByteBuffer.self) {
          moved = true
          while bytes.readableBytes > 0 {
            try to.writeInbound(bytes.readSlice(length: min(bytes.readableBytes, 65536))!)
          }
        }
      }
    }
    try clientWrite.wait()
    try serverWrite.wait()
    #expect(try ChannelPair.readAll(channels.server) == payload)
    #expect(try ChannelPair.readAll(channels.client) == payload)
  }

  @Test("writes during the handshake are held, sent after it, and their promises succeed")
  func writesDuringHandshake() throws {
    let channels = try self.pair()
    let address = try SocketAddress(ipAddress: "127.0.0.1", port: 443)
    try channels.server.connect(to: address).wait()
    try channels.client.connect(to: address).wait()
    let early = channels.client.write(ByteBuffer(string: "early "))
    let flushed = channels.client.writeAndFlush(ByteBuffer(string: "bird"))
    var succeeded = 0
    early.assumeIsolated().whenSuccess { succeeded += 1 }
    flushed.assumeIsolated().whenSuccess { succeeded += 1 }
    #expect(succeeded == 0)
    try channels.exchange()
    #expect(succeeded == 2)
    #expect(try ChannelPair.readAll(channels.server) == "early bird")
  }

  @Test("an unflushed write stays held until flush")
  func flushControlsSending() throws {
    let channels = try self.pair()
    try channels.activate()
    let pending = channels.client.write(ByteBuffer(string: "later"))
    try channels.exchange()
    #expect(try ChannelPair.readAll(channels.server) == "")
    channels.client.flush()
    try channels.exchange()
    try pending.wait()
    #expect(try ChannelPair.readAll(channels.server) == "later")
  }

  @Test("a handler reacting to the event can switch the pipeline before the first byte")
  func pipelineSwitchOnALPN() throws {
    let channels = try self.pair(
      client: self.pki.clientConfiguration(applicationProtocols: ["http/1.1"]),
      serverExtras: [ALPNProtocolSwitcher()])
    try channels.activate()
    try channels.client.writeAndFlush(ByteBuffer(string: "GET / HTTP/1.1\r\n\r\n")).wait()
    try channels.exchange()
    #expect(try ChannelPair.readAll(channels.server) == "[http/1.1] GET / HTTP/1.1\r\n\r\n")
  }

  @Test("closing sends close_notify; the peer sees it and closes too")
  func closeNotify() throws {
    let channels = try self.pair()
    try channels.activate()
    let closed = channels.client.close()
    try channels.exchange()
    try closed.wait()
    #expect(!channels.client.isActive)
    #expect(channels.serverEvents.events.contains(.closeNotifyReceived))
    #expect(!channels.server.isActive)
    #expect(channels.serverEvents.errors.isEmpty)
  }

  @Test("writes after close fail")
  func writeAfterClose() throws {
    let channels = try self.pair()
    try channels.activate()
    try channels.client.close().wait()
    #expect(throws: (any Error).self) { try channels.client.writeAndFlush(ByteBuffer(string: "x")).wait() }
  }

  @Test("garbage instead of a ClientHello: a TLSError and a closed channel, with an alert for a bad record")
  func garbage() throws {
    func serverChannel() throws -> (EmbeddedChannel, TLSEventRecorder) {
      let server = EmbeddedChannel()
      let events = TLSEventRecorder()
      try server.pipeline.syncOperations.addHandlers([
        TLSHandler(connection: TLSConnection(context: TLSContext(configuration: self.pki.serverConfiguration()))),
        events,
      ])
      try server.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 443)).wait()
      return (server, events)
    }

    // OpenSSL recognises plain HTTP and fails without an alert (a plaintext peer
    // would not understand one).
    let (http, httpEvents) = try serverChannel()
    try http.writeInbound(ByteBuffer(string: "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n"))
    #expect((httpEvents.errors.first as? TLSError)?.code == .handshakeFailed)
    #expect(!http.isActive)

    // A handshake record full of noise is answered with a fatal alert record.
    let (noise, noiseEvents) = try serverChannel()
    var record = ByteBuffer(bytes: [0x16, 0x03, 0x01, 0x00, 0x40])
    record.writeRepeatingByte(0xA5, count: 0x40)
    try noise.writeInbound(record)
    #expect((noiseEvents.errors.first as? TLSError)?.code == .handshakeFailed)
    #expect(!noise.isActive)
    let alert = try #require(try noise.readOutbound(as: ByteBuffer.self))
    #expect(alert.getInteger(at: 0, as: UInt8.self) == 0x15)
  }

  @Test("a refused client certificate reaches the client as an error")
  func refusedClientCertificate() throws {
    let channels = try self.pair(
      server: self.pki.serverConfiguration(clientCA: self.pki.caCertificate, requireClientCertificate: true))
    try channels.activate()
    #expect(!channels.server.isActive)
    #expect((channels.serverEvents.errors.first as? TLSError)?.code == .handshakeFailed)
    #expect(channels.clientEvents.errors.contains { ($0 as? TLSError) != nil })
    #expect(!channels.client.isActive)
  }

  @Test("losing the connection mid-handshake is a handshake error")
  func inactiveDuringHandshake() throws {
    let channels = try self.pair()
    let address = try SocketAddress(ipAddress: "127.0.0.1", port: 443)
    try channels.client.connect(to: address).wait()
    channels.client.pipeline.fireChannelInactive()
    let error = try #require(channels.clientEvents.errors.first as? TLSError)
    #expect(error.code == .handshakeFailed)
  }
}

/// Stands in for the server's protocol switch: on the handshake event it adds, right
/// behind itself, a handler tagging data with the negotiated protocol.
final class ALPNProtocolSwitcher: ChannelInboundHandler {
  typealias InboundIn = ByteBuffer

  func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
    if case .handshakeCompleted(let summary) = event as? TLSUserEvent {
      let tagger = Tagger(tag: summary.applicationProtocol ?? "none")
      try? context.pipeline.syncOperations.addHandler(tagger, position: .after(self))
    }
    context.fireUserInboundEventTriggered(event)
  }

  final class Tagger: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    let tag: String
    private var tagged = false

    init(tag: String) {
      self.tag = tag
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
      var buffer = self.unwrapInboundIn(data)
      if !self.tagged {
        self.tagged = true
        var prefixed = ByteBuffer(string: "[\(self.tag)] ")
        prefixed.writeBuffer(&buffer)
        buffer = prefixed
      }
      context.fireChannelRead(self.wrapInboundOut(buffer))
    }
  }
}
