internal import Glibc

/// An exclusive `flock` on a file, held while this process owns an embedded server's
/// folder. The kernel drops it when the process dies, so it never goes stale.
final class OwnerLock: @unchecked Sendable {
  private let descriptor: Int32
  private let lock = ThreadLock()
  private var isReleased = false

  init(path: String) throws(EmbeddedMariaDBError) {
    let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      throw EmbeddedMariaDBError(message: "cannot open \(path): \(String(cString: strerror(errno)))")
    }
    guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
      close(descriptor)
      throw EmbeddedMariaDBError(message: "another process owns the MariaDB folder (\(path) is locked)")
    }
    self.descriptor = descriptor
  }

  deinit {
    release()
  }

  /// Releases the lock; later calls do nothing.
  func release() {
    lock.withLock {
      guard !isReleased else { return }
      isReleased = true
      close(descriptor)
    }
  }
}
