import Foundation
public import SluiceMariaDB

/// The MariaDB server the tests of this process share, and a fresh database per test.
///
/// The server is an ``EmbeddedMariaDB`` on a folder under the package's `.build-stack/`
/// (reused across runs, so only the first run pays for `mariadb-install-db`); a second
/// test process running at the same time takes the next slot. The server stops when this
/// process exits.
public enum TestDatabase {
  private static let shared = Task { () throws -> EmbeddedMariaDB in
    var lastError: (any Error)?
    for slot in 0..<4 {
      let folder = "\(RepositoryPaths.root)/.build-stack/mariadb-tests/\(slot)"
      do {
        return try await EmbeddedMariaDB.start(EmbeddedMariaDB.Configuration(folder: folder))
      } catch {
        lastError = error
      }
    }
    throw lastError!
  }

  /// The shared server.
  public static func server() async throws -> EmbeddedMariaDB {
    try await shared.value
  }

  /// Creates an empty database for one test and returns how to reach it.
  public static func fresh(_ label: String = "t") async throws -> MariaDBConfiguration {
    let server = try await server()
    let name = "\(label)_\(UInt32.random(in: .min ... .max))"
    try await onThread {
      let connection = try MariaDBConnection.connect(server.database)
      try connection.executeUnprepared("CREATE DATABASE `\(name)`")
    }
    var configuration = server.database
    configuration.database = name
    return configuration
  }

  /// Drops a database made by ``fresh(_:)``.
  public static func drop(_ configuration: MariaDBConfiguration) async {
    guard let name = configuration.database else { return }
    try? await onThread {
      let connection = try MariaDBConnection.connect(configuration)
      try connection.executeUnprepared("DROP DATABASE IF EXISTS `\(name)`")
    }
  }
}

/// Runs blocking database work on a thread of its own, off the cooperative pool.
@discardableResult
public func onThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
  try await withCheckedThrowingContinuation { continuation in
    Thread.detachNewThread {
      continuation.resume(with: Result { try body() })
    }
  }
}

/// Connects to `configuration` and runs `body` on a thread of its own.
@discardableResult
public func withConnection<T: Sendable>(
  _ configuration: MariaDBConfiguration, _ body: @escaping @Sendable (MariaDBConnection) throws -> T
) async throws -> T {
  try await onThread {
    let connection = try MariaDBConnection.connect(configuration)
    defer { connection.close() }
    return try body(connection)
  }
}
