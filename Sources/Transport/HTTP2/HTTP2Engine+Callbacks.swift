internal import CNGHTTP2
import SluiceRuntime

// nghttp2 calls these C functions while `nghttp2_session_mem_recv` or
// `nghttp2_session_mem_send` runs. Each recovers its engine from `user_data`
// (the session never outlives the engine) and forwards to a method that
// returns an nghttp2 code; nothing here throws or blocks.

/// The callback table shared by every session (nghttp2 copies it), built
/// once per process.
nonisolated(unsafe) let sharedCallbacks: OpaquePointer = {
  var table: OpaquePointer?
  let result = nghttp2_session_callbacks_new(&table)
  guard result == 0, let callbacks = table else {
    preconditionFailure("nghttp2_session_callbacks_new failed: out of memory")
  }
  nghttp2_session_callbacks_set_on_begin_headers_callback(callbacks, onBeginHeaders)
  nghttp2_session_callbacks_set_on_header_callback(callbacks, onHeader)
  nghttp2_session_callbacks_set_on_frame_recv_callback(callbacks, onFrameReceived)
  nghttp2_session_callbacks_set_on_data_chunk_recv_callback(callbacks, onDataChunk)
  nghttp2_session_callbacks_set_on_stream_close_callback(callbacks, onStreamClose)
  nghttp2_session_callbacks_set_on_frame_send_callback(callbacks, onFrameSent)
  nghttp2_session_callbacks_set_on_frame_not_send_callback(callbacks, onFrameNotSent)
  nghttp2_session_callbacks_set_send_data_callback(callbacks, sendDataFrame)
  return callbacks
}()

/// The data provider given with every HEADERS that has a body to follow.
func makeDataProvider() -> nghttp2_data_provider {
  nghttp2_data_provider(source: nghttp2_data_source(ptr: nil), read_callback: readData)
}

/// Creates the per-session options for `configuration`, for the span of `body`.
func withSessionOptions<Result>(
  _ configuration: HTTP2EngineConfiguration,
  _ body: (OpaquePointer?) -> Result
) -> Result {
  var options: OpaquePointer?
  nghttp2_option_new(&options)
  defer { nghttp2_option_del(options) }
  if let options {
    // The reader's consumption, not arrival, opens the windows.
    nghttp2_option_set_no_auto_window_update(options, 1)
    nghttp2_option_set_no_closed_streams(options, 1)
    nghttp2_option_set_max_send_header_block_length(options, configuration.maxSendHeaderBlockLength)
    nghttp2_option_set_max_deflate_dynamic_table_size(options, configuration.maxEncoderTableSize)
    nghttp2_option_set_max_outbound_ack(options, configuration.maxQueuedAcknowledgements)
    nghttp2_option_set_max_settings(options, configuration.maxSettingsEntries)
    nghttp2_option_set_max_continuations(options, configuration.maxContinuationFrames)
    // nghttp2's rapid-reset limit counts every RST_STREAM, also those after a
    // finished response; the engine's own count (`RapidResetLimiter`) replaces it.
    nghttp2_option_set_stream_reset_rate_limit(options, UInt64.max, UInt64.max)
  }
  return body(options)
}

private func engine(_ userData: UnsafeMutableRawPointer?) -> HTTP2Engine? {
  guard let userData else { return nil }
  return Unmanaged<HTTP2Engine>.fromOpaque(userData).takeUnretainedValue()
}

private let callbackFailure = NGHTTP2_ERR_CALLBACK_FAILURE.rawValue

private func onBeginHeaders(
  _ session: OpaquePointer?,
  _ frame: UnsafePointer<nghttp2_frame>?,
  _ userData: UnsafeMutableRawPointer?
) -> Int32 {
  guard let frame, let engine = engine(userData) else { return callbackFailure }
  return engine.beginHeaders(frame)
}

private func onHeader(
  _ session: OpaquePointer?,
  _ frame: UnsafePointer<nghttp2_frame>?,
  _ name: UnsafePointer<UInt8>?,
  _ nameLength: Int,
  _ value: UnsafePointer<UInt8>?,
  _ valueLength: Int,
  _ flags: UInt8,
  _ userData: UnsafeMutableRawPointer?
) -> Int32 {
  guard let frame, let engine = engine(userData) else { return callbackFailure }
  return engine.header(
    frame,
    name: UnsafeBufferPointer(start: name, count: nameLength),
    value: UnsafeBufferPointer(start: value, count: valueLength)
  )
}

private func onFrameReceived(
  _ session: OpaquePointer?,
  _ frame: UnsafePointer<nghttp2_frame>?,
  _ userData: UnsafeMutableRawPointer?
) -> Int32 {
  guard let frame, let engine = engine(userData) else { return callbackFailure }
  return engine.frameReceived(frame)
}

private func onDataChunk(
  _ session: OpaquePointer?,
  _ flags: UInt8,
  _ streamID: Int32,
  _ data: UnsafePointer<UInt8>?,
  _ length: Int,
  _ userData: UnsafeMutableRawPointer?
) -> Int32 {
  guard let engine = engine(userData) else { return callbackFailure }
  engine.dataChunk(streamID: streamID, UnsafeBufferPointer(start: data, count: length))
  return 0
}

private func onStreamClose(
  _ session: OpaquePointer?,
  _ streamID: Int32,
  _ errorCode: UInt32,
  _ userData: UnsafeMutableRawPointer?
) -> Int32 {
  guard let engine = engine(userData) else { return callbackFailure }
  engine.streamClosed(streamID: streamID, errorCode: HTTP2ErrorCode(rawValue: errorCode))
  return 0
}

private func onFrameSent(
  _ session: OpaquePointer?,
  _ frame: UnsafePointer<nghttp2_frame>?,
  _ userData: UnsafeMutableRawPointer?
) -> Int32 {
  guard let frame, let engine = engine(userData) else { return callbackFailure }
  engine.frameSent(frame)
  return 0
}

private func onFrameNotSent(
  _ session: OpaquePointer?,
  _ frame: UnsafePointer<nghttp2_frame>?,
  _ errorCode: Int32,
  _ userData: UnsafeMutableRawPointer?
) -> Int32 {
  guard let frame, let engine = engine(userData) else { return callbackFailure }
  engine.frameNotSent(frame)
  return 0
}

private func readData(
  _ session: OpaquePointer?,
  _ streamID: Int32,
  _ buffer: UnsafeMutablePointer<UInt8>?,
  _ length: Int,
  _ flags: UnsafeMutablePointer<UInt32>?,
  _ source: UnsafeMutablePointer<nghttp2_data_source>?,
  _ userData: UnsafeMutableRawPointer?
) -> Int {
  guard let flags, let engine = engine(userData) else { return Int(callbackFailure) }
  return engine.readData(streamID: streamID, maxLength: length, flags: flags)
}

private func sendDataFrame(
  _ session: OpaquePointer?,
  _ frame: UnsafeMutablePointer<nghttp2_frame>?,
  _ frameHeader: UnsafePointer<UInt8>?,
  _ length: Int,
  _ source: UnsafeMutablePointer<nghttp2_data_source>?,
  _ userData: UnsafeMutableRawPointer?
) -> Int32 {
  guard let frame, let frameHeader, let engine = engine(userData) else { return callbackFailure }
  return engine.sendDataFrame(
    streamID: frame.pointee.hd.stream_id,
    header: UnsafeBufferPointer(start: frameHeader, count: 9),
    length: length,
    padding: frame.pointee.data.padlen
  )
}
