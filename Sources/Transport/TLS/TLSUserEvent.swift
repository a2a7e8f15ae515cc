/// User inbound events `TLSHandler` fires down the pipeline.
public enum TLSUserEvent: Sendable, Hashable {
  /// The handshake completed. Fired before any decrypted data, so a handler reacting
  /// to it synchronously (through `context.pipeline.syncOperations`) can add the
  /// `h2` or HTTP/1.1 handlers the selected `applicationProtocol` calls for, and they
  /// see the first byte of application data.
  case handshakeCompleted(TLSHandshakeSummary)
  /// The peer sent close_notify: no more data will come. The handler answers with its
  /// own close_notify and closes the channel.
  case closeNotifyReceived
}
