internal import Glibc

/// A child process spawned from, and waited for by, a thread of its own.
///
/// The spawning thread lives exactly as long as the child (it blocks in `waitpid`), which
/// makes it a sound parent for `PR_SET_PDEATHSIG`: Linux sends the parent-death signal
/// when the thread that created the child ends, and that thread now ends only with the
/// child or with the whole process. Descriptors other than stdin/stdout/stderr are not
/// inherited.
final class ChildProcess: @unchecked Sendable {
  /// How a child ended.
  enum Termination: Equatable, CustomStringConvertible {
    case exited(Int32)
    case signalled(Int32)

    var description: String {
      switch self {
      case .exited(let code): "exited with status \(code)"
      case .signalled(let signal): "killed by signal \(signal)"
      }
    }
  }

  private let lock = ThreadLock()
  private let changed = ThreadCondition()
  private var spawnResult: Result<pid_t, SpawnError>?
  private var termination: Termination?

  struct SpawnError: Error, CustomStringConvertible {
    var executable: String
    var errno: Int32
    var description: String { "cannot start \(executable): \(String(cString: strerror(errno)))" }
  }

  /// Starts `executable` with `arguments` (not including argv[0]), stdin from /dev/null and
  /// stdout and stderr appended to `outputPath`.
  init(executable: String, arguments: [String], outputPath: String) throws(SpawnError) {
    BlockingThread.start { [self] in
      let result = Self.spawn(executable: executable, arguments: arguments, outputPath: outputPath)
      lock.withLock {
        spawnResult = result
        changed.broadcast()
      }
      guard case .success(let pid) = result else { return }
      var status: Int32 = 0
      while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
      let ended: Termination = status & 0x7f == 0 ? .exited((status >> 8) & 0xff) : .signalled(status & 0x7f)
      lock.withLock {
        termination = ended
        changed.broadcast()
      }
    }
    let result = lock.withLock {
      while spawnResult == nil { changed.wait(lock) }
      return spawnResult!
    }
    if case .failure(let error) = result { throw error }
  }

  /// The child's process id.
  var pid: pid_t {
    lock.withLock { (try? spawnResult?.get()) ?? 0 }
  }

  /// How the child ended, or nil while it runs.
  var ended: Termination? {
    lock.withLock { termination }
  }

  /// Sends `signal` to the child unless it has ended.
  func send(_ signal: Int32) {
    lock.withLock {
      if termination == nil, case .success(let pid) = spawnResult { kill(pid, signal) }
    }
  }

  /// Waits up to `timeout` for the child to end; returns how it ended, or nil.
  @discardableResult
  func wait(timeout: Duration) -> Termination? {
    let until = ContinuousClock.now + timeout
    return lock.withLock {
      while termination == nil {
        let left = ContinuousClock.now.duration(to: until)
        guard left > .zero else { break }
        changed.wait(lock, timeout: left)
      }
      return termination
    }
  }

  /// Runs `executable` to completion and returns how it ended.
  static func run(executable: String, arguments: [String], outputPath: String) throws(SpawnError) -> Termination {
    let child = try ChildProcess(executable: executable, arguments: arguments, outputPath: outputPath)
    return child.lock.withLock {
      while child.termination == nil { child.changed.wait(child.lock) }
      return child.termination!
    }
  }

  private typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

  /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34+), looked up at run time
  /// because Swift's Glibc module does not declare it.
  private static let addCloseFrom: AddCloseFrom? = {
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") else {
      return nil
    }
    return unsafeBitCast(symbol, to: AddCloseFrom.self)
  }()

  private static func spawn(executable: String, arguments: [String], outputPath: String) -> Result<pid_t, SpawnError> {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_APPEND, 0o644)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)
    _ = addCloseFrom?(&actions, 3)

    // The spawning thread may block signals (Dispatch's threads do) and the child would
    // inherit that: start it with no signal blocked and default handlers.
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var noSignals = sigset_t()
    sigemptyset(&noSignals)
    var allSignals = sigset_t()
    sigfillset(&allSignals)
    posix_spawnattr_setsigmask(&attributes, &noSignals)
    posix_spawnattr_setsigdefault(&attributes, &allSignals)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    let status = argv.withUnsafeBufferPointer { pointer in
      posix_spawn(&pid, executable, &actions, &attributes, pointer.baseAddress!, environ)
    }
    return status == 0 ? .success(pid) : .failure(SpawnError(executable: executable, errno: status))
  }
}
