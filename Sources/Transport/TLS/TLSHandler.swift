public import NIOCore

/// A SwiftNIO handler that runs a `TLSConnection` over a channel: ciphertext
/// `ByteBuffer`s in from the socket side become plaintext `ByteBuffer`s fired on,
/// plaintext written toward the socket becomes ciphertext.
///
/// Place it first in the pipeline of an accepted (server) or connected (client)
/// channel. The handshake starts when the channel is active; when it completes, the
/// handler fires `TLSUserEvent.handshakeCompleted` with the negotiated ALPN protocol,
/// version and peer certificate, before any data. Writes made earlier are held and sent
/// once it completes. Closing the channel sends close_notify first; a close_notify
/// from the peer is answered and closes the channel. A handshake or record failure
/// sends OpenSSL's alert, fires the `TLSError` through `errorCaught`, fails held
/// writes, and closes the channel.
public final class TLSHandler: ChannelDuplexHandler {
  /// Ciphertext from the socket.
  public typealias InboundIn = ByteBuffer
  /// Plaintext for the handlers after this one.
  public typealias InboundOut = ByteBuffer
  /// Plaintext from the handlers after this one.
  public typealias OutboundIn = ByteBuffer
  /// Ciphertext for the socket.
  public typealias OutboundOut = ByteBuffer

  private enum State {
    case idle
    case handshaking
    case active
    case closing
    case closed
  }

  private struct BufferedWrite {
    var data: ByteBuffer
    var promise: EventLoopPromise<Void>?
  }

  /// The engine this handler drives.
  public let connection: TLSConnection
  private var state = State.idle
  private var bufferedWrites = CircularBuffer<BufferedWrite>()
  /// How many of `bufferedWrites` (from the front) a flush has covered.
  private var flushedWriteCount = 0
  /// The least room offered to each `readPlaintext` call.
  private static let minimumReadSpace = 1024

  /// Creates a handler driving `connection`, made from a server or a client context.
  public init(connection: TLSConnection) {
    self.connection = connection
  }

  /// The handshake's outcome, once it completed.
  public var handshakeSummary: TLSHandshakeSummary? {
    self.connection.handshake
  }

  /// Starts the handshake when added to a channel that is already active.
  public func handlerAdded(context: ChannelHandlerContext) {
    if context.channel.isActive {
      self.startHandshake(context: context)
    }
  }

  /// Fails writes still held.
  public func handlerRemoved(context: ChannelHandlerContext) {
    self.failBufferedWrites(ChannelError.ioOnClosedChannel)
  }

  /// Starts the handshake (a client sends its ClientHello), then passes the event on.
  public func channelActive(context: ChannelHandlerContext) {
    self.startHandshake(context: context)
    context.fireChannelActive()
  }

  /// Fails held writes; a connection lost mid-handshake is reported as a
  /// `handshakeFailed` error first.
  public func channelInactive(context: ChannelHandlerContext) {
    let wasHandshaking = self.state == .handshaking
    self.state = .closed
    self.failBufferedWrites(ChannelError.ioOnClosedChannel)
    if wasHandshaking {
      context.fireErrorCaught(
        TLSError(code: .handshakeFailed, message: "the connection closed during the TLS handshake"))
    }
    context.fireChannelInactive()
  }

  /// Decrypts received ciphertext, moving the handshake on and firing plaintext.
  public func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    let ciphertext = self.unwrapInboundIn(data)
    if self.state == .idle {
      self.startHandshake(context: context)
    }
    guard self.state != .closed else { return }
    do throws(TLSError) {
      let completed = try ciphertext.withUnsafeReadableBytes { bytes throws(TLSError) in
        try self.connection.receiveCiphertext(bytes)
      }
      if let completed {
        self.handshakeCompleted(completed, context: context)
      }
      if self.state != .closed {
        try self.deliverPlaintext(context: context, sizeHint: ciphertext.readableBytes)
      }
    } catch {
      self.fail(error, context: context)
      return
    }
    self.writeCiphertext(context: context)
  }

  /// Holds plaintext until the next flush (and the end of the handshake).
  public func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
    switch self.state {
    case .closing, .closed:
      promise?.fail(ChannelError.ioOnClosedChannel)
    case .idle, .handshaking, .active:
      self.bufferedWrites.append(BufferedWrite(data: self.unwrapOutboundIn(data), promise: promise))
    }
  }

  /// Encrypts and sends the writes made so far, once the handshake is done.
  public func flush(context: ChannelHandlerContext) {
    self.flushedWriteCount = self.bufferedWrites.count
    if self.state == .active {
      self.encryptFlushedWrites(context: context)
    }
  }

  /// Sends close_notify after the flushed writes, then closes; unflushed writes fail.
  public func close(context: ChannelHandlerContext, mode: CloseMode, promise: EventLoopPromise<Void>?) {
    guard mode != .input else {
      context.close(mode: mode, promise: promise)
      return
    }
    switch self.state {
    case .active:
      self.encryptFlushedWrites(context: context)
      self.failBufferedWrites(ChannelError.ioOnClosedChannel)
      if mode == .all {
        self.state = .closing
      }
      self.sendCloseNotify(context: context) {
        context.close(mode: mode, promise: promise)
      }
    case .idle, .handshaking:
      self.state = .closed
      self.failBufferedWrites(ChannelError.ioOnClosedChannel)
      context.close(mode: mode, promise: promise)
    case .closing, .closed:
      context.close(mode: mode, promise: promise)
    }
  }

  // MARK: Internals

  private func startHandshake(context: ChannelHandlerContext) {
    guard self.state == .idle else { return }
    self.state = .handshaking
    do throws(TLSError) {
      try self.connection.startHandshake()
    } catch {
      self.fail(error, context: context)
      return
    }
    self.writeCiphertext(context: context)
  }

  private func handshakeCompleted(_ summary: TLSHandshakeSummary, context: ChannelHandlerContext) {
    self.state = .active
    context.fireUserInboundEventTriggered(TLSUserEvent.handshakeCompleted(summary))
    if self.state == .active {
      self.encryptFlushedWrites(context: context)
    }
  }

  /// Fires everything the received ciphertext decrypted to as one buffer, then
  /// handles a close_notify among it. Plaintext is never longer than the ciphertext
  /// it came from, so a buffer of `sizeHint` plus a little rarely has to grow.
  private func deliverPlaintext(context: ChannelHandlerContext, sizeHint: Int) throws(TLSError) {
    guard self.connection.isHandshakeComplete else { return }
    var plaintext = context.channel.allocator.buffer(capacity: sizeHint + Self.minimumReadSpace)
    var peerClosed = false
    reading: while true {
      var result = TLSReadResult.needsMoreCiphertext
      try plaintext.writeWithUnsafeMutableBytes(minimumWritableBytes: Self.minimumReadSpace) {
        buffer throws(TLSError) -> Int in
        result = try self.connection.readPlaintext(into: buffer)
        if case .bytes(let count) = result { return count }
        return 0
      }
      switch result {
      case .bytes:
        continue
      case .needsMoreCiphertext:
        break reading
      case .closed:
        peerClosed = true
        break reading
      }
    }
    if plaintext.readableBytes > 0 {
      context.fireChannelRead(self.wrapInboundOut(plaintext))
    }
    if peerClosed {
      context.fireUserInboundEventTriggered(TLSUserEvent.closeNotifyReceived)
      if self.state == .active {
        self.state = .closing
        self.failBufferedWrites(ChannelError.ioOnClosedChannel)
        self.sendCloseNotify(context: context) {
          context.close(promise: nil)
        }
      }
    }
  }

  /// Encrypts the writes a flush covered and sends the ciphertext, completing their
  /// promises when it is written.
  private func encryptFlushedWrites(context: ChannelHandlerContext) {
    guard self.flushedWriteCount > 0 else { return }
    var promise: EventLoopPromise<Void>?
    while self.flushedWriteCount > 0 {
      let write = self.bufferedWrites.removeFirst()
      self.flushedWriteCount -= 1
      do throws(TLSError) {
        try write.data.withUnsafeReadableBytes { bytes throws(TLSError) in
          try self.connection.writePlaintext(bytes)
        }
      } catch {
        write.promise?.fail(error)
        continue
      }
      if let next = write.promise {
        if let promise {
          promise.futureResult.cascade(to: next)
        } else {
          promise = next
        }
      }
    }
    self.writeCiphertext(context: context, promise: promise)
  }

  /// Writes and flushes all ciphertext the engine has queued.
  private func writeCiphertext(context: ChannelHandlerContext, promise: EventLoopPromise<Void>? = nil) {
    let pending = self.connection.pendingCiphertextCount
    guard pending > 0 else {
      promise?.succeed(())
      return
    }
    var buffer = context.channel.allocator.buffer(capacity: pending)
    buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: pending) { self.connection.pullCiphertext(into: $0) }
    context.writeAndFlush(self.wrapOutboundOut(buffer), promise: promise)
  }

  /// Queues close_notify, sends it, and runs `then` once it is written (or failed to be).
  private func sendCloseNotify(context: ChannelHandlerContext, then: @escaping () -> Void) {
    try? self.connection.shutdown()
    let written = context.eventLoop.makePromise(of: Void.self)
    self.writeCiphertext(context: context, promise: written)
    written.futureResult.assumeIsolated().whenComplete { _ in then() }
  }

  /// Sends the alert OpenSSL queued, reports `error`, and closes.
  private func fail(_ error: TLSError, context: ChannelHandlerContext) {
    guard self.state != .closed else { return }
    self.state = .closed
    self.writeCiphertext(context: context)
    self.failBufferedWrites(error)
    context.fireErrorCaught(error)
    context.close(promise: nil)
  }

  private func failBufferedWrites(_ error: any Error) {
    while let write = self.bufferedWrites.popFirst() {
      write.promise?.fail(error)
    }
    self.flushedWriteCount = 0
  }
}

@available(*, unavailable)
extension TLSHandler: Sendable {}
