internal import CMariaDB
import Testing

/// Proves MariaDB Connector/C links and the `mysql_optionsv` shims reach it.
/// Serialized: the library initializes its globals on first use, which is not thread-safe.
@Suite("CMariaDB", .serialized)
struct MariaDBTests {
  @Test("mysql_get_client_info reports Connector/C 3.x")
  func clientInfo() throws {
    let info = String(cString: try #require(mysql_get_client_info()))
    #expect(info.hasPrefix("3."))
    #expect(csluice_mysql_library_init() == 0)
  }

  @Test("options set through the shims read back")
  func optionsRoundTrip() throws {
    #expect(csluice_mysql_library_init() == 0)
    let handle = try #require(mysql_init(nil))
    defer { mysql_close(handle) }

    #expect(csluice_mysql_optionsv_uint(handle, MYSQL_OPT_CONNECT_TIMEOUT, 7) == 0)
    var timeout: UInt32 = 0
    #expect(csluice_mysql_get_optionv_uint(handle, MYSQL_OPT_CONNECT_TIMEOUT, &timeout) == 0)
    #expect(timeout == 7)

    #expect(csluice_mysql_optionsv_bool(handle, MYSQL_OPT_SSL_ENFORCE, true) == 0)
    var enforce = false
    #expect(csluice_mysql_get_optionv_bool(handle, MYSQL_OPT_SSL_ENFORCE, &enforce) == 0)
    #expect(enforce)

    #expect(csluice_mysql_optionsv_string(handle, MYSQL_SET_CHARSET_NAME, "utf8mb4") == 0)
    var charset: UnsafePointer<CChar>?
    #expect(csluice_mysql_get_optionv_string(handle, MYSQL_SET_CHARSET_NAME, &charset) == 0)
    #expect(charset.map { String(cString: $0) } == "utf8mb4")

    #expect(csluice_mysql_optionsv_pair(handle, MYSQL_OPT_CONNECT_ATTR_ADD, "program_name", "sluice") == 0)
    #expect(csluice_mysql_optionsv_pointer(handle, MYSQL_OPT_NONBLOCK, nil) == 0)
  }
}
