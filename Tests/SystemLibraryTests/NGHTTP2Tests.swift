internal import CNGHTTP2
import Testing

/// Proves libnghttp2 links and its session API is callable from Swift.
@Suite("CNGHTTP2")
struct NGHTTP2Tests {
  @Test("nghttp2_version reports a 1.x library")
  func version() throws {
    let info = try #require(nghttp2_version(0))
    let text = String(cString: info.pointee.version_str)
    #expect(text.hasPrefix("1."))
    #expect(info.pointee.version_num >= 0x01_34_00)  // 1.52.0 is Debian 12's
    #expect(String(cString: info.pointee.proto_str) == "h2")
  }

  @Test("a server session serializes its SETTINGS frame")
  func serverSessionSendsSettings() throws {
    var callbacks: OpaquePointer?
    #expect(nghttp2_session_callbacks_new(&callbacks) == 0)
    defer { nghttp2_session_callbacks_del(callbacks) }

    var session: OpaquePointer?
    #expect(nghttp2_session_server_new(&session, callbacks, nil) == 0)
    defer { nghttp2_session_del(session) }

    var setting = nghttp2_settings_entry(
      settings_id: Int32(NGHTTP2_SETTINGS_MAX_CONCURRENT_STREAMS.rawValue), value: 100)
    #expect(nghttp2_submit_settings(session, UInt8(NGHTTP2_FLAG_NONE.rawValue), &setting, 1) == 0)

    var data: UnsafePointer<UInt8>?
    let length = nghttp2_session_mem_send(session, &data)
    try #require(length == 9 + 6)
    let frame = UnsafeBufferPointer(start: data, count: length)
    #expect(Array(frame.prefix(4)) == [0, 0, 6, 0x04])  // 6-byte payload, type SETTINGS
    #expect(Array(frame.suffix(6)) == [0, 3, 0, 0, 0, 100])  // MAX_CONCURRENT_STREAMS = 100
  }
}
