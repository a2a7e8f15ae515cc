/// What the engine tracks for one stream beside nghttp2's own state.
struct StreamState {
  /// Body bytes waiting for DATA frames.
  var outbound = OutboundQueue()
  /// Trailers to send once `outbound` drains.
  var trailers: HTTP2Headers?
  /// Our HEADERS (request or response) were submitted with a body to follow.
  var headersSubmitted = false
  /// Our side is finished: no more data may be queued.
  var endRequested = false
  /// nghttp2 parked the data provider (NGHTTP2_ERR_DEFERRED) for lack of data.
  var deferred = false
  /// The caller was told about this stream, so it hears of its closure.
  var announced = false
  /// Client: a final (non-1xx) response arrived, so later HEADERS are trailers.
  var finalResponseReceived = false
  /// `sendData` reported the queue full; a `streamWritable` event is owed.
  var overHighWaterMark = false
  /// Server: our response HEADERS went out.
  var answered = false
  /// Our END_STREAM went out.
  var localEnded = false
  /// Reset the stream with NO_ERROR once our END_STREAM went out, if the peer still sends.
  var resetWhenEnded = false

  init(announced: Bool) {
    self.announced = announced
  }
}
