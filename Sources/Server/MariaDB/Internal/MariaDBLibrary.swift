internal import CMariaDB

/// One-time initialisation of Connector/C, which is not thread-safe on first use.
enum MariaDBLibrary {
  private static let initialised: Bool = csluice_mysql_library_init() == 0

  /// Initialises the library once per process; throws when it cannot be initialised.
  static func initialise() throws(MariaDBError) {
    guard initialised else {
      throw MariaDBError(code: 2000, message: "mysql_library_init failed")
    }
  }
}
