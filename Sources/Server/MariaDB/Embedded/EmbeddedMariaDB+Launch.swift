internal import Glibc

extension EmbeddedMariaDB {
  /// The blocking start-up sequence: own the folder, stop an orphaned server, initialise
  /// the data directory, start `mariadbd`, wait for it, create the database.
  static func launch(_ configuration: Configuration) throws(EmbeddedMariaDBError) -> EmbeddedMariaDB {
    guard SQLIdentifier.isPlain(configuration.databaseName) else {
      throw EmbeddedMariaDBError(message: "\"\(configuration.databaseName)\" is not a plain database name")
    }
    let folder = FileSystem.absolute(configuration.folder)
    guard FileSystem.makeDirectories(folder) else {
      throw EmbeddedMariaDBError(message: "cannot create the folder \(folder): \(String(cString: strerror(errno)))")
    }
    let ownerLock = try OwnerLock(path: folder + "/owner.lock")
    // A private temporary directory: servers sharing one remove each other's temporary
    // files when they start.
    let temporaryDirectory = folder + "/tmp"
    guard FileSystem.makeDirectories(temporaryDirectory) else {
      throw EmbeddedMariaDBError(message: "cannot create \(temporaryDirectory): \(String(cString: strerror(errno)))")
    }
    let dataDirectory = folder + "/data"
    let pidFile = folder + "/mariadbd.pid"
    let logFile = folder + "/mariadbd.log"
    let socketPath = socketPath(for: folder)

    stopOrphan(pidFile: pidFile, dataDirectory: dataDirectory, timeout: configuration.shutdownTimeout)
    try initialise(dataDirectory, folder: folder, temporaryDirectory: temporaryDirectory)
    FileSystem.remove(socketPath)
    FileSystem.remove(pidFile)

    guard let serverPath = FileSystem.findExecutable(
      "mariadbd", candidates: ["/usr/sbin/mariadbd", "/usr/local/sbin/mariadbd", "/usr/bin/mariadbd"])
    else {
      throw EmbeddedMariaDBError(message: "mariadbd not found (install the mariadb-server package)")
    }
    var arguments = [
      "--no-defaults", "--datadir=\(dataDirectory)", "--socket=\(socketPath)", "--pid-file=\(pidFile)",
      "--log-error=\(logFile)", "--tmpdir=\(temporaryDirectory)", "--character-set-server=utf8mb4",
      "--skip-name-resolve",
    ]
    if geteuid() == 0 { arguments.append("--user=root") }
    if let port = configuration.tcpPort {
      arguments += ["--port=\(port)", "--bind-address=127.0.0.1"]
    } else {
      arguments.append("--skip-networking")
    }
    arguments += configuration.extraArguments

    let server: ChildProcess
    do {
      if let setpriv = FileSystem.findExecutable("setpriv", candidates: ["/usr/bin/setpriv", "/bin/setpriv"]) {
        server = try ChildProcess(
          executable: setpriv, arguments: ["--pdeathsig", "TERM", "--", serverPath] + arguments, outputPath: logFile)
      } else {
        server = try ChildProcess(executable: serverPath, arguments: arguments, outputPath: logFile)
      }
    } catch {
      throw EmbeddedMariaDBError(message: "\(error)")
    }

    let embedded = EmbeddedMariaDB(
      configuration: configuration, folder: folder, socketPath: socketPath, server: server, ownerLock: ownerLock)
    do {
      try waitUntilReady(embedded, logFile: logFile)
    } catch {
      server.send(SIGKILL)
      server.wait(timeout: .seconds(10))
      ownerLock.release()
      throw error
    }
    return embedded
  }

  /// Polls the socket until the server accepts a connection, then creates the database.
  private static func waitUntilReady(_ embedded: EmbeddedMariaDB, logFile: String) throws(EmbeddedMariaDBError) {
    let until = ContinuousClock.now + embedded.configuration.startupTimeout
    var admin = embedded.database
    admin.database = nil
    admin.connectTimeout = .seconds(2)
    var lastError: MariaDBError?
    while ContinuousClock.now < until {
      if let ended = embedded.server.ended {
        throw EmbeddedMariaDBError(
          message: "mariadbd \(ended) during start-up", log: FileSystem.tail(logFile, lines: 30))
      }
      if FileSystem.exists(embedded.socketPath) {
        do {
          let connection = try MariaDBConnection(admin, endpoint: admin.endpoints[0])
          defer { connection.close() }
          try connection.executeUnprepared("CREATE DATABASE IF NOT EXISTS `\(embedded.configuration.databaseName)`")
          return
        } catch {
          lastError = error
        }
      }
      usleep(50_000)
    }
    throw EmbeddedMariaDBError(
      message: "mariadbd was not ready after \(embedded.configuration.startupTimeout)"
        + (lastError.map { " (last error: \($0))" } ?? ""),
      log: FileSystem.tail(logFile, lines: 30))
  }

  /// Creates the data directory with `mariadb-install-db` unless it exists. Installs into
  /// a staging folder renamed at the end, so a crash midway leaves no half-made directory.
  private static func initialise(_ dataDirectory: String, folder: String, temporaryDirectory: String)
    throws(EmbeddedMariaDBError)
  {
    guard !FileSystem.isDirectory(dataDirectory + "/mysql") else { return }
    guard let installer = FileSystem.findExecutable(
      "mariadb-install-db", candidates: ["/usr/bin/mariadb-install-db", "/usr/local/bin/mariadb-install-db"])
    else {
      throw EmbeddedMariaDBError(message: "mariadb-install-db not found (install the mariadb-server package)")
    }
    let staging = folder + "/data.initialising"
    let log = folder + "/install.log"
    var arguments = [
      "--no-defaults", "--datadir=\(staging)", "--auth-root-authentication-method=normal", "--skip-test-db",
      "--tmpdir=\(temporaryDirectory)",
    ]
    if geteuid() == 0 { arguments.append("--user=root") }
    do {
      _ = try ChildProcess.run(executable: "/bin/rm", arguments: ["-rf", staging, dataDirectory], outputPath: log)
      let ended = try ChildProcess.run(executable: installer, arguments: arguments, outputPath: log)
      guard ended == .exited(0) else {
        throw EmbeddedMariaDBError(message: "mariadb-install-db \(ended)", log: FileSystem.errorLines(log))
      }
    } catch let error as EmbeddedMariaDBError {
      throw error
    } catch {
      throw EmbeddedMariaDBError(message: "\(error)")
    }
    guard FileSystem.rename(staging, to: dataDirectory) else {
      throw EmbeddedMariaDBError(message: "cannot rename \(staging): \(String(cString: strerror(errno)))")
    }
  }

  /// Stops a server left running on this data directory by an owner that died (found
  /// through the pid file; only a `mariadbd` serving this directory is touched).
  private static func stopOrphan(pidFile: String, dataDirectory: String, timeout: Duration) {
    guard let text = FileSystem.read(pidFile),
      let pid = Int32(text.split(whereSeparator: \.isWhitespace).first ?? ""), pid > 0,
      let commandLine = FileSystem.read("/proc/\(pid)/cmdline"),
      commandLine.split(separator: "\0").contains(where: { $0 == "--datadir=\(dataDirectory)" })
    else { return }
    kill(pid, SIGTERM)
    let until = ContinuousClock.now + timeout
    while kill(pid, 0) == 0 && ContinuousClock.now < until { usleep(50_000) }
    if kill(pid, 0) == 0 {
      kill(pid, SIGKILL)
      while kill(pid, 0) == 0 { usleep(20_000) }
    }
  }

  /// `folder/mariadbd.sock`, or a path under /tmp named after the folder when that would
  /// exceed the 107 bytes a unix socket path may have.
  private static func socketPath(for folder: String) -> String {
    let path = folder + "/mariadbd.sock"
    guard path.utf8.count > 100 else { return path }
    var hash = FNV1a()
    hash.combine(folder.utf8)
    return "/tmp/sluice-mariadb-\(String(hash.value, radix: 16)).sock"
  }
}
