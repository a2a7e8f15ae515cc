import NIOCore
import SluiceTransport

/// The last handler in a test pipeline: keeps the TLS user events and errors that
/// reach it and passes plaintext on to the channel's inbound buffer.
final class TLSEventRecorder: ChannelInboundHandler {
  typealias InboundIn = ByteBuffer
  typealias InboundOut = ByteBuffer

  private(set) var events: [TLSUserEvent] = []
  private(set) var errors: [any Error] = []

  var handshake: TLSHandshakeSummary? {
    for case .handshakeCompleted(let summary) in self.events { return summary }
    return nil
  }

  func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
    if let event = event as? TLSUserEvent { self.events.append(event) }
    context.fireUserInboundEventTriggered(event)
  }

  func errorCaught(context: ChannelHandlerContext, error: any Error) {
    self.errors.append(error)
  }
}
