internal import Glibc

/// A flag a thread can sleep on with a timeout and another thread can raise: a POSIX
/// mutex and condition variable, so a sleeping prober costs nothing.
final class WakeupSignal: @unchecked Sendable {
  // The mutex guards `raised`; both C objects live at stable heap addresses.
  private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
  private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
  private var raised = false

  init() {
    pthread_mutex_init(mutex, nil)
    var attributes = pthread_condattr_t()
    pthread_condattr_init(&attributes)
    pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC)
    pthread_cond_init(condition, &attributes)
    pthread_condattr_destroy(&attributes)
  }

  deinit {
    pthread_cond_destroy(condition)
    pthread_mutex_destroy(mutex)
    condition.deallocate()
    mutex.deallocate()
  }

  /// Wakes the waiting thread (or makes its next wait return at once).
  func raise() {
    pthread_mutex_lock(mutex)
    raised = true
    pthread_cond_signal(condition)
    pthread_mutex_unlock(mutex)
  }

  /// Sleeps until `raise` is called or `timeout` passes, then lowers the flag.
  func wait(timeout: Duration) {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    let (seconds, attoseconds) = max(timeout, .zero).components
    var nanoseconds = Int(now.tv_nsec) + Int(attoseconds / 1_000_000_000)
    var deadline = timespec(tv_sec: now.tv_sec + Int(seconds), tv_nsec: 0)
    if nanoseconds >= 1_000_000_000 {
      deadline.tv_sec += 1
      nanoseconds -= 1_000_000_000
    }
    deadline.tv_nsec = nanoseconds
    pthread_mutex_lock(mutex)
    while !raised {
      if pthread_cond_timedwait(condition, mutex, &deadline) == ETIMEDOUT { break }
    }
    raised = false
    pthread_mutex_unlock(mutex)
  }
}
