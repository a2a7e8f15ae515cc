internal import Glibc

/// A pthread mutex with condition variables, for threads that block (writer and reader
/// threads, the maintenance thread). Swift concurrency code only takes it briefly.
final class ThreadLock: @unchecked Sendable {
  fileprivate let mutex: UnsafeMutablePointer<pthread_mutex_t>

  init() {
    mutex = .allocate(capacity: 1)
    pthread_mutex_init(mutex, nil)
  }

  deinit {
    pthread_mutex_destroy(mutex)
    mutex.deallocate()
  }

  func lock() { pthread_mutex_lock(mutex) }
  func unlock() { pthread_mutex_unlock(mutex) }

  func withLock<T>(_ body: () throws -> T) rethrows -> T {
    lock()
    defer { unlock() }
    return try body()
  }
}

/// A condition variable used with one ``ThreadLock``; timed waits use the monotonic clock.
final class ThreadCondition: @unchecked Sendable {
  private let condition: UnsafeMutablePointer<pthread_cond_t>

  init() {
    condition = .allocate(capacity: 1)
    var attributes = pthread_condattr_t()
    pthread_condattr_init(&attributes)
    pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC)
    pthread_cond_init(condition, &attributes)
    pthread_condattr_destroy(&attributes)
  }

  deinit {
    pthread_cond_destroy(condition)
    condition.deallocate()
  }

  /// Waits for a signal; `lock` must be held.
  func wait(_ lock: ThreadLock) {
    pthread_cond_wait(condition, lock.mutex)
  }

  /// Waits for a signal or until `duration` passes; `lock` must be held.
  func wait(_ lock: ThreadLock, timeout duration: Duration) {
    guard duration > .zero else { return }
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    let (seconds, attoseconds) = duration.components
    let nanoseconds = Int64(now.tv_nsec) + attoseconds / 1_000_000_000
    var deadline = timespec()
    deadline.tv_sec = now.tv_sec + Int(seconds) + Int(nanoseconds / 1_000_000_000)
    deadline.tv_nsec = Int(nanoseconds % 1_000_000_000)
    pthread_cond_timedwait(condition, lock.mutex, &deadline)
  }

  func signal() { pthread_cond_signal(condition) }
  func broadcast() { pthread_cond_broadcast(condition) }
}
