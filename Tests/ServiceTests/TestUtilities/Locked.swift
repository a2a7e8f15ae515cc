import Synchronization

/// A value shared between tasks behind a lock.
final class Locked<Value: Sendable>: Sendable {
  private let mutex: Mutex<Value>

  init(_ value: Value) {
    mutex = Mutex(value)
  }

  /// The current value.
  var value: Value { mutex.withLock { $0 } }

  /// Changes the value.
  func update(_ change: (inout Value) -> Void) {
    mutex.withLock { change(&$0) }
  }
}
