public import SluiceRuntime

/// Something the peer did, reported by ``HTTP2Engine`` after it processed
/// received bytes or produced output. Collect them with
/// ``HTTP2Engine/takeEvents(into:)``.
public enum HTTP2EngineEvent: Sendable, Equatable {
  /// Server: a request's header block opened stream `streamID`.
  /// `endStream` means the request has no body (the peer half-closed).
  case requestHeaders(streamID: Int32, headers: HTTP2Headers, endStream: Bool)

  /// Client: the final (non-1xx) response header block for `streamID`.
  /// `endStream` means a headers-only response (e.g. gRPC trailers-only).
  case responseHeaders(streamID: Int32, headers: HTTP2Headers, endStream: Bool)

  /// The trailing header block of `streamID`; it always ends the peer's side.
  case trailers(streamID: Int32, headers: HTTP2Headers)

  /// Body bytes of `streamID`; consecutive chunks received in one
  /// ``HTTP2Engine/receive(_:)`` call are merged. `endStream` means the peer
  /// half-closed after these bytes (the bytes may then be empty). Every byte
  /// must be passed back to ``HTTP2Engine/consume(streamID:byteCount:)`` once
  /// processed, even after the stream closed: that is what reopens the flow
  /// control windows.
  case data(streamID: Int32, bytes: [UInt8], endStream: Bool)

  /// Stream `streamID` is fully closed: both sides ended (`errorCode` is
  /// `.noError`) or it was reset by either peer (the RST_STREAM code). Only
  /// reported for streams whose headers were reported (server) or that were
  /// opened by ``HTTP2Engine/submitRequest(headers:endStream:)`` (client).
  case streamClosed(streamID: Int32, errorCode: HTTP2ErrorCode)

  /// The peer sent GOAWAY: streams above `lastStreamID` were not and will not
  /// be processed (a client's are closed with `.refusedStream`).
  case goAway(lastStreamID: Int32, errorCode: HTTP2ErrorCode, debugData: [UInt8])

  /// A PING arrived: `ack == false` is the peer's ping (already answered),
  /// `ack == true` answers a ping sent with ``HTTP2Engine/submitPing(payload:)``.
  case ping(ack: Bool, payload: UInt64)

  /// The peer's SETTINGS took effect.
  case settingsChanged(HTTP2PeerSettings)

  /// The outbound queue of `streamID` fell back below half the configured
  /// high-water mark after ``HTTP2Engine/sendData(streamID:bytes:endStream:)``
  /// reported it full: the writer may produce more.
  case streamWritable(streamID: Int32)
}

/// The peer's settings in force after a SETTINGS frame.
public struct HTTP2PeerSettings: Sendable, Hashable {
  /// SETTINGS_MAX_CONCURRENT_STREAMS: streams we may open at once.
  public var maxConcurrentStreams: UInt32
  /// SETTINGS_INITIAL_WINDOW_SIZE: the peer's receive window per stream.
  public var initialWindowSize: UInt32
  /// SETTINGS_MAX_FRAME_SIZE: the largest frame payload the peer accepts.
  public var maxFrameSize: UInt32
  /// SETTINGS_MAX_HEADER_LIST_SIZE: the peer's header list limit.
  public var maxHeaderListSize: UInt32
  /// SETTINGS_HEADER_TABLE_SIZE: the peer's HPACK decoder table size.
  public var headerTableSize: UInt32

  /// Settings with the given values.
  public init(
    maxConcurrentStreams: UInt32,
    initialWindowSize: UInt32,
    maxFrameSize: UInt32,
    maxHeaderListSize: UInt32,
    headerTableSize: UInt32
  ) {
    self.maxConcurrentStreams = maxConcurrentStreams
    self.initialWindowSize = initialWindowSize
    self.maxFrameSize = maxFrameSize
    self.maxHeaderListSize = maxHeaderListSize
    self.headerTableSize = headerTableSize
  }
}
