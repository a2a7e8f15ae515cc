extension ConnectionPoolState {
  /// Names one connection of the pool. The pool makes a new one for every connection
  /// attempt and never reuses it, so late events about an old connection are recognised
  /// and ignored.
  public struct ConnectionID: Sendable, Hashable, CustomStringConvertible {
    /// The number behind the identifier, unique within one pool.
    public let rawValue: UInt64

    init(_ rawValue: UInt64) {
      self.rawValue = rawValue
    }

    /// `connection N`.
    public var description: String { "connection \(rawValue)" }
  }

  /// Names one call waiting for or given a connection; made by
  /// ``ConnectionPoolState/makeCallID()``.
  public struct CallID: Sendable, Hashable, CustomStringConvertible {
    /// The number behind the identifier, unique within one pool.
    public let rawValue: UInt64

    init(_ rawValue: UInt64) {
      self.rawValue = rawValue
    }

    /// `call N`.
    public var description: String { "call \(rawValue)" }
  }

  /// Names a timer the pool asked for; the I/O layer hands it back in
  /// ``Event/timerFired(_:)`` when the time comes. A timer the pool no longer needs is
  /// ignored when it fires, so cancelling one is optional.
  public enum TimerToken: Sendable, Hashable {
    /// The connection attempt has had its time.
    case connectTimeout(ConnectionID)
    /// Time to check whether the connection has been idle for the idle timeout.
    case idleTimeout(ConnectionID)
    /// The address's connection backoff is over.
    case backoffEnded(Address)
    /// The queued call's deadline.
    case callDeadline(CallID)
    /// Time to try resolving the target's name again after a failure.
    case resolutionRetry
  }
}
