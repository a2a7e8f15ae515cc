internal import CNGHTTP2
import SluiceRuntime

// Turns what nghttp2 reports while it parses received bytes (and sends
// frames) into `HTTP2EngineEvent`s, and applies the defences that need a
// decision per frame or per header.

extension HTTP2Engine {
  /// A header block starts: reset the accumulator; a request opens a stream.
  func beginHeaders(_ frame: UnsafePointer<nghttp2_frame>) -> Int32 {
    let streamID = frame.pointee.hd.stream_id
    self.headerStreamID = streamID
    self.headerBytes.removeAll(keepingCapacity: true)
    self.headerCount = 0
    self.headerListSize = 0
    if self.role == .server && frame.pointee.headers.cat.rawValue == NGHTTP2_HCAT_REQUEST.rawValue {
      self.streams[streamID] = StreamState(announced: false)
    }
    return 0
  }

  /// One decoded header field. Counts the decoded size (which bounds HPACK
  /// bombs too) and resets only this stream when the block grows past
  /// ``HTTP2EngineConfiguration/maxHeaderListSize``.
  func header(
    _ frame: UnsafePointer<nghttp2_frame>,
    name: UnsafeBufferPointer<UInt8>,
    value: UnsafeBufferPointer<UInt8>
  ) -> Int32 {
    self.headerListSize += name.count + value.count + 32
    guard self.headerListSize <= Int(self.configuration.maxHeaderListSize) else {
      // Queued first, so nghttp2's own INTERNAL_ERROR reset is dropped.
      nghttp2_submit_rst_stream(
        self.session,
        UInt8(NGHTTP2_FLAG_NONE.rawValue),
        frame.pointee.hd.stream_id,
        HTTP2ErrorCode.enhanceYourCalm.rawValue
      )
      return NGHTTP2_ERR_TEMPORAL_CALLBACK_FAILURE.rawValue
    }
    HTTP2Headers.appendField(to: &self.headerBytes, nameCount: name.count, valueCount: value.count)
    self.headerBytes.append(contentsOf: name)
    self.headerBytes.append(contentsOf: value)
    self.headerCount += 1
    return 0
  }

  /// A complete frame (HEADERS with its CONTINUATIONs, DATA, control frames).
  func frameReceived(_ frame: UnsafePointer<nghttp2_frame>) -> Int32 {
    let header = frame.pointee.hd
    let endStream = header.flags & UInt8(NGHTTP2_FLAG_END_STREAM.rawValue) != 0
    let ack = header.flags & UInt8(NGHTTP2_FLAG_ACK.rawValue) != 0
    switch UInt32(header.type) {
    case NGHTTP2_HEADERS.rawValue:
      self.headerBlockReceived(streamID: header.stream_id, endStream: endStream)
    case NGHTTP2_DATA.rawValue where endStream:
      self.markEndOfData(streamID: header.stream_id)
    case NGHTTP2_RST_STREAM.rawValue where self.role == .server:
      // Only a reset that abandons a stream we have not answered costs credit.
      if let state = self.streams[header.stream_id], !state.answered {
        self.recordAbandonedStream()
      }
    case NGHTTP2_SETTINGS.rawValue where !ack:
      self.events.append(.settingsChanged(self.peerSettings()))
    case NGHTTP2_PING.rawValue:
      let payload = withUnsafeBytes(of: frame.pointee.ping.opaque_data) { bytes in
        bytes.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
      }
      self.events.append(.ping(ack: ack, payload: payload))
    case NGHTTP2_GOAWAY.rawValue:
      let goAway = frame.pointee.goaway
      let debugData =
        goAway.opaque_data_len > 0
        ? Array(UnsafeBufferPointer(start: goAway.opaque_data, count: goAway.opaque_data_len)) : []
      self.goAwayReceived = true
      self.events.append(
        .goAway(
          lastStreamID: goAway.last_stream_id,
          errorCode: HTTP2ErrorCode(rawValue: goAway.error_code),
          debugData: debugData
        )
      )
    default:
      break
    }
    return 0
  }

  /// Body bytes: merged into the previous event when it is this stream's data.
  func dataChunk(streamID: Int32, _ chunk: UnsafeBufferPointer<UInt8>) {
    let last = self.events.count - 1
    if last >= 0, case .data(streamID, var bytes, false) = self.events[last] {
      // Drop the array's second reference so the append does not copy it.
      self.events[last] = .streamWritable(streamID: 0)
      bytes.append(contentsOf: chunk)
      self.events[last] = .data(streamID: streamID, bytes: bytes, endStream: false)
    } else {
      self.events.append(.data(streamID: streamID, bytes: Array(chunk), endStream: false))
    }
  }

  /// A stream closed; the caller hears of it if it knew the stream.
  func streamClosed(streamID: Int32, errorCode: HTTP2ErrorCode) {
    if let state = self.streams.removeValue(forKey: streamID), state.announced {
      self.events.append(.streamClosed(streamID: streamID, errorCode: errorCode))
    }
  }

  /// A frame went out. HEADERS and DATA count for keepalive policing, answer
  /// their stream (credit for the rapid-reset defence) and may end it (then a
  /// requested NO_ERROR reset follows); a reset we send because the client
  /// broke a stream's rules costs rapid-reset credit; a GOAWAY we did not
  /// submit with an error code is nghttp2 answering a protocol violation.
  func frameSent(_ frame: UnsafePointer<nghttp2_frame>) {
    let header = frame.pointee.hd
    switch UInt32(header.type) {
    case NGHTTP2_HEADERS.rawValue, NGHTTP2_DATA.rawValue:
      self.headersOrDataFramesSent &+= 1
      self.streamFrameSent(header)
    case NGHTTP2_RST_STREAM.rawValue where self.role == .server:
      switch HTTP2ErrorCode(rawValue: frame.pointee.rst_stream.error_code) {
      case .noError, .cancel, .refusedStream, .internalError:
        break
      default:
        self.recordAbandonedStream()
      }
    case NGHTTP2_GOAWAY.rawValue:
      let code = HTTP2ErrorCode(rawValue: frame.pointee.goaway.error_code)
      if let own = self.ownGoAwayCodes.first, own == code {
        self.ownGoAwayCodes.removeFirst()
      } else if code != .noError && self.terminationError == nil {
        self.terminationError = .connectionError(code: code, reason: .protocolViolation)
      }
    default:
      break
    }
  }

  /// A frame could not be sent. A client's request never opened its stream;
  /// a server's response or trailers failed, so the stream is reset rather
  /// than left waiting.
  func frameNotSent(_ frame: UnsafePointer<nghttp2_frame>) {
    guard UInt32(frame.pointee.hd.type) == NGHTTP2_HEADERS.rawValue else { return }
    let streamID = frame.pointee.hd.stream_id
    if self.role == .client && frame.pointee.headers.cat.rawValue == NGHTTP2_HCAT_REQUEST.rawValue {
      self.streamClosed(streamID: streamID, errorCode: .refusedStream)
    } else {
      nghttp2_submit_rst_stream(
        self.session,
        UInt8(NGHTTP2_FLAG_NONE.rawValue),
        streamID,
        HTTP2ErrorCode.internalError.rawValue
      )
    }
  }

  // MARK: Helpers

  private func streamFrameSent(_ header: nghttp2_frame_hd) {
    let streamID = header.stream_id
    guard let index = self.streams.index(forKey: streamID) else { return }
    if self.role == .server && !self.streams.values[index].answered
      && UInt32(header.type) == NGHTTP2_HEADERS.rawValue
    {
      self.streams.values[index].answered = true
      self.resetLimiter.recordAnswer()
    }
    guard header.flags & UInt8(NGHTTP2_FLAG_END_STREAM.rawValue) != 0 else { return }
    self.streams.values[index].localEnded = true
    if self.streams.values[index].resetWhenEnded {
      self.resetIfPeerStillSending(streamID)
    }
  }

  /// Sends RST_STREAM NO_ERROR on `streamID` unless the peer already ended its side.
  func resetIfPeerStillSending(_ streamID: Int32) {
    guard nghttp2_session_get_stream_remote_close(self.session, streamID) == 0 else { return }
    nghttp2_submit_rst_stream(
      self.session, UInt8(NGHTTP2_FLAG_NONE.rawValue), streamID, HTTP2ErrorCode.noError.rawValue)
  }

  /// The client made us abandon a stream: over the rapid-reset limit, the
  /// connection ends with GOAWAY ENHANCE_YOUR_CALM.
  private func recordAbandonedStream() {
    guard !self.resetLimiter.recordReset(now: self.clock()) && self.callbackFailure == nil else {
      return
    }
    self.callbackFailure = .rapidResetFlood
    // Set here too: the limit may trip while frames are sent, outside `receive(_:)`.
    self.terminationError = .connectionError(code: .enhanceYourCalm, reason: .rapidResetFlood)
    self.ownGoAwayCodes.append(.enhanceYourCalm)
    nghttp2_session_terminate_session2(
      self.session,
      nghttp2_session_get_last_proc_stream_id(self.session),
      HTTP2ErrorCode.enhanceYourCalm.rawValue
    )
  }

  private func headerBlockReceived(streamID: Int32, endStream: Bool) {
    guard streamID == self.headerStreamID else { return }
    // An exact-size copy; the scratch array keeps its capacity for the next block.
    let storage = self.headerBytes.withUnsafeBufferPointer { Array($0) }
    let headers = HTTP2Headers(storage: storage, count: self.headerCount)
    guard let index = self.streams.index(forKey: streamID) else { return }
    switch self.role {
    case .server:
      if self.streams.values[index].announced {
        self.events.append(.trailers(streamID: streamID, headers: headers))
      } else {
        self.streams.values[index].announced = true
        self.events.append(.requestHeaders(streamID: streamID, headers: headers, endStream: endStream))
      }
    case .client:
      if self.streams.values[index].finalResponseReceived {
        self.events.append(.trailers(streamID: streamID, headers: headers))
      } else if !Self.isInformational(headers) {
        self.streams.values[index].finalResponseReceived = true
        self.events.append(.responseHeaders(streamID: streamID, headers: headers, endStream: endStream))
      }
    }
  }

  private func markEndOfData(streamID: Int32) {
    let last = self.events.count - 1
    if last >= 0, case .data(streamID, let bytes, false) = self.events[last] {
      self.events[last] = .data(streamID: streamID, bytes: bytes, endStream: true)
    } else {
      self.events.append(.data(streamID: streamID, bytes: [], endStream: true))
    }
  }

  /// Whether a response header block is 1xx (interim; gRPC and Connect
  /// have no use for them, so they are not reported).
  private static func isInformational(_ headers: HTTP2Headers) -> Bool {
    guard let status = headers.first(name: ":status"), !status.isEmpty else { return false }
    return status[status.startIndex] == UInt8(ascii: "1")
  }

  private func peerSettings() -> HTTP2PeerSettings {
    HTTP2PeerSettings(
      maxConcurrentStreams: nghttp2_session_get_remote_settings(self.session, NGHTTP2_SETTINGS_MAX_CONCURRENT_STREAMS),
      initialWindowSize: nghttp2_session_get_remote_settings(self.session, NGHTTP2_SETTINGS_INITIAL_WINDOW_SIZE),
      maxFrameSize: nghttp2_session_get_remote_settings(self.session, NGHTTP2_SETTINGS_MAX_FRAME_SIZE),
      maxHeaderListSize: nghttp2_session_get_remote_settings(self.session, NGHTTP2_SETTINGS_MAX_HEADER_LIST_SIZE),
      headerTableSize: nghttp2_session_get_remote_settings(self.session, NGHTTP2_SETTINGS_HEADER_TABLE_SIZE)
    )
  }
}
