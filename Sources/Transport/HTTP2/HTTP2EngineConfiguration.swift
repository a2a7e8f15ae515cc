/// Settings advertised to the peer and the limits that defend the engine.
///
/// The defaults suit a gRPC/Connect server: at most 100 concurrent streams,
/// 16 KiB of decoded headers per block, 64 KiB stream windows and a 1 MiB
/// connection window, all opened only as the application consumes data.
public struct HTTP2EngineConfiguration: Sendable, Hashable {
  /// SETTINGS_MAX_CONCURRENT_STREAMS we advertise (server: streams the client
  /// may open). Streams above it are refused with REFUSED_STREAM until the
  /// peer acknowledges our SETTINGS; afterwards nghttp2 treats a violation as
  /// a connection PROTOCOL_ERROR.
  public var maxConcurrentStreams: UInt32 = 100

  /// SETTINGS_INITIAL_WINDOW_SIZE we advertise: unconsumed bytes the peer may
  /// send on each stream.
  public var initialWindowSize: UInt32 = 65_535

  /// The connection-level receive window: unconsumed bytes the peer may send
  /// across all streams. Raised from the protocol's 65,535 by WINDOW_UPDATE.
  public var connectionWindowSize: UInt32 = 1 << 20

  /// SETTINGS_MAX_FRAME_SIZE we advertise (16,384 ... 16,777,215).
  public var maxFrameSize: UInt32 = 16_384

  /// SETTINGS_MAX_HEADER_LIST_SIZE we advertise and enforce: the decoded size
  /// of one header block (names + values + 32 bytes per field, RFC 9113
  /// §6.5.2). A larger block resets only its stream, with ENHANCE_YOUR_CALM.
  /// Being measured after HPACK decoding, it also bounds HPACK bombs.
  public var maxHeaderListSize: UInt32 = 16_384

  /// SETTINGS_HEADER_TABLE_SIZE we advertise: the peer's HPACK encoder may use
  /// this much of our decoder's dynamic table.
  public var headerTableSize: UInt32 = 4_096

  /// The most our HPACK encoder keeps in its dynamic table, whatever the peer
  /// allows.
  public var maxEncoderTableSize: Int = 4_096

  /// The largest header block we will send (nghttp2's estimate before
  /// compression); larger submissions fail with ``HTTP2EngineError/rejected(nghttp2Error:)``.
  public var maxSendHeaderBlockLength: Int = 65_536

  /// CONTINUATION frames allowed after one HEADERS frame; more is a
  /// connection error (CONTINUATION flood).
  public var maxContinuationFrames: Int = 8

  /// SETTINGS and PING acknowledgements we queue before treating the peer as
  /// flooding (they pile up when the peer does not read our output).
  public var maxQueuedAcknowledgements: Int = 1_000

  /// Entries allowed in one SETTINGS frame.
  public var maxSettingsEntries: Int = 32

  /// Server only: streams the client may make us abandon in a burst before the
  /// rapid-reset defence (CVE-2023-44487, CVE-2025-8671) answers GOAWAY
  /// ENHANCE_YOUR_CALM. Counted are RST_STREAM frames from the client for
  /// streams we had not answered yet (no response HEADERS sent), and RST_STREAM
  /// frames we send because the client broke a stream's rules (codes other
  /// than NO_ERROR, CANCEL, REFUSED_STREAM and INTERNAL_ERROR). Resets of
  /// answered or finished streams are free (clients cancel long calls, and some
  /// reset after every response). Credit comes back at `maxResetBurst` per
  /// `resetWindow`, and one reset's worth for every stream we answer. The
  /// defaults are nghttp2's own (1,000 at once, 33 per second), which the
  /// engine replaces with this finer count.
  public var maxResetBurst: Int = 1_000

  /// The period over which `maxResetBurst` resets are tolerated.
  public var resetWindow: Duration = .seconds(30)

  /// Bytes queued on one stream before ``HTTP2Engine/sendData(streamID:bytes:endStream:)``
  /// reports it full; ``HTTP2EngineEvent/streamWritable(streamID:)`` follows
  /// once it drains below half of this.
  public var streamHighWaterMark: Int = 65_536

  /// Bytes serialized by one ``HTTP2Engine/produceOutput(into:)`` (at least one
  /// frame is always produced); call it again while ``HTTP2Engine/wantsWrite``.
  public var maxOutputBatch: Int = 256 * 1_024

  /// The defaults.
  public init() {}
}
