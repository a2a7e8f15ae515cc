internal import Glibc

/// Starts detached pthreads for blocking work, outside Swift concurrency's cooperative pool.
enum BlockingThread {
  private final class Box {
    let body: @Sendable () -> Void
    init(body: @escaping @Sendable () -> Void) {
      self.body = body
    }
  }

  /// Runs `body` on a new detached thread. Returns false when the system refuses a thread.
  @discardableResult
  static func start(_ body: @escaping @Sendable () -> Void) -> Bool {
    let box = Unmanaged.passRetained(Box(body: body))
    var thread: pthread_t = 0
    let status = pthread_create(&thread, nil, { context in
      Unmanaged<Box>.fromOpaque(context!).takeRetainedValue().body()
      return nil
    }, box.toOpaque())
    guard status == 0 else {
      box.release()
      return false
    }
    pthread_detach(thread)
    return true
  }

  /// Runs blocking `body` on a new thread and returns its result to the awaiting task.
  static func run<T: Sendable, E: Error>(_ body: @escaping @Sendable () throws(E) -> T) async throws(E) -> T {
    let result: Result<T, E> = await withCheckedContinuation { continuation in
      let started = start {
        continuation.resume(returning: Result { () throws(E) -> T in try body() })
      }
      if !started {
        // No thread to spare: run here rather than fail.
        continuation.resume(returning: Result { () throws(E) -> T in try body() })
      }
    }
    return try result.get()
  }
}
