internal import Glibc

/// A plain POSIX thread running one closure; librdkafka's blocking calls (`rd_kafka_poll`,
/// `rd_kafka_metadata`) run here, never on Swift's cooperative pool.
final class NativeThread: @unchecked Sendable {
  // Written once by `init`, read by `join`; `pthread_t` is a plain integer on Linux.
  private var thread = pthread_t()

  /// Starts `body` on a new thread; `name` only appears in the error if that fails.
  init(name: String, body: @escaping @Sendable () -> Void) throws(KafkaProducerError) {
    let box = Unmanaged.passRetained(Box(body: body)).toOpaque()
    let result = pthread_create(&thread, nil, { argument in
      let box = Unmanaged<Box>.fromOpaque(argument!).takeRetainedValue()
      box.body()
      return nil
    }, box)
    if result != 0 {
      Unmanaged<Box>.fromOpaque(box).release()
      throw KafkaProducerError(
        code: .unavailable,
        message: "cannot start thread \(name): \(String(cString: strerror(result)))")
    }
  }

  /// Waits for the thread to finish. Call once, from another thread, and not after `detach`.
  func join() {
    pthread_join(thread, nil)
  }

  /// Lets the thread finish on its own; its resources are freed when it returns.
  func detach() {
    pthread_detach(thread)
  }

  private final class Box {
    let body: @Sendable () -> Void

    init(body: @escaping @Sendable () -> Void) {
      self.body = body
    }
  }
}
