internal import Glibc

/// A private `mariadbd` from the system package, started and owned by this process: the
/// embedded default when no database URL is configured, and the tests' database.
///
/// Everything lives in one folder:
///
/// | path | what |
/// |---|---|
/// | `data/` | the data directory, made by `mariadb-install-db` on first start |
/// | `mariadbd.sock` | the unix socket (under `/tmp` when the folder's path is too long for one) |
/// | `mariadbd.pid`, `mariadbd.log` | the server's pid file and error log |
/// | `tmp/` | the server's temporary files (private: servers sharing a directory delete each other's) |
/// | `owner.lock` | held (`flock`) by the owning process while the server runs |
///
/// The server reads no option files (`--no-defaults`), listens on the socket only unless a
/// TCP port is configured (then on 127.0.0.1), and logs in `root` without a password over
/// the socket. It cannot outlive its owner: it runs under `setpriv --pdeathsig TERM` from a
/// thread that lives as long as it does, so the owner's death (even by `SIGKILL`) shuts it
/// down; and should one survive anyway, the next start finds it through the pid file and
/// stops it. A second process cannot start a server on a folder another one owns.
public final class EmbeddedMariaDB: Sendable {
  /// Where and how to run the server.
  public struct Configuration: Sendable, Hashable {
    /// The folder holding the data and the socket; relative paths are resolved against the
    /// working directory when the server starts.
    public var folder: String
    /// The database created at start (if missing) and named in ``EmbeddedMariaDB/database``.
    public var databaseName: String
    /// A TCP port on 127.0.0.1 to listen on as well; `nil` for the socket only.
    public var tcpPort: Int?
    /// How long start-up (including first-time initialisation) may take.
    public var startupTimeout: Duration
    /// How long the server may take to stop after `SIGTERM` before it is killed.
    public var shutdownTimeout: Duration
    /// More `mariadbd` options, such as `--innodb-buffer-pool-size=512M`.
    public var extraArguments: [String]

    /// Creates a configuration.
    public init(
      folder: String, databaseName: String = "sluice", tcpPort: Int? = nil, startupTimeout: Duration = .seconds(60),
      shutdownTimeout: Duration = .seconds(30), extraArguments: [String] = []
    ) {
      self.folder = folder
      self.databaseName = databaseName
      self.tcpPort = tcpPort
      self.startupTimeout = startupTimeout
      self.shutdownTimeout = shutdownTimeout
      self.extraArguments = extraArguments
    }
  }

  /// The configuration it was started with.
  public let configuration: Configuration
  /// The folder, as an absolute path.
  public let folder: String
  /// The unix socket the server listens on.
  public let socketPath: String
  /// How to connect: the socket, user `root`, the configured database.
  public let database: MariaDBConfiguration
  let server: ChildProcess
  private let ownerLock: OwnerLock

  init(
    configuration: Configuration, folder: String, socketPath: String, server: ChildProcess, ownerLock: OwnerLock
  ) {
    self.configuration = configuration
    self.folder = folder
    self.socketPath = socketPath
    self.server = server
    self.ownerLock = ownerLock
    database = MariaDBConfiguration(
      endpoints: [.unixSocket(path: socketPath)], user: "root", database: configuration.databaseName)
  }

  deinit {
    if server.ended == nil { server.send(SIGTERM) }
  }

  /// Starts the server (initialising the folder on first use), waits until it accepts
  /// connections and creates the database. Blocks a thread of its own, not the caller's.
  public static func start(_ configuration: Configuration) async throws(EmbeddedMariaDBError) -> EmbeddedMariaDB {
    try await BlockingThread.run { () throws(EmbeddedMariaDBError) -> EmbeddedMariaDB in
      try launch(configuration)
    }
  }

  /// The server's process id.
  public var processID: Int32 { server.pid }

  /// Whether the server process is still running.
  public var isRunning: Bool { server.ended == nil }

  /// The URL of ``database``: `mariadb+unix://root@<socket>?database=<name>`.
  public var url: String { "mariadb+unix://root@\(socketPath)?database=\(configuration.databaseName)" }

  /// Stops the server: `SIGTERM`, then `SIGKILL` after the shutdown timeout; then releases
  /// the folder. Safe to call more than once.
  public func stop() async {
    await BlockingThread.run { [self] in
      server.send(SIGTERM)
      if server.wait(timeout: configuration.shutdownTimeout) == nil {
        server.send(SIGKILL)
        server.wait(timeout: .seconds(10))
      }
      if !socketPath.hasPrefix(folder + "/") { FileSystem.remove(socketPath) }
      ownerLock.release()
    }
  }
}
