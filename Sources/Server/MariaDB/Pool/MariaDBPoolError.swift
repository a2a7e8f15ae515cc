/// Why a ``WriterPool`` or ``ReadPool`` did not complete a job.
///
/// Suggested RPC status per ``Kind``: `queueFull` → `RESOURCE_EXHAUSTED`; `unavailable`
/// and `shutDown` → `UNAVAILABLE`; `deadlineExceeded` → `DEADLINE_EXCEEDED`; `cancelled`
/// → `CANCELLED`; `failed` → by the underlying error (`INVALID_ARGUMENT` for rejected
/// data, else `INTERNAL`). Only a successful return means the job's writes committed;
/// after any of these errors they may or may not have (a commit whose acknowledgement
/// was lost), so callers retry with the same keys and rely on duplicate detection.
public struct MariaDBPoolError: Error, CustomStringConvertible {
  /// The reason.
  public enum Kind: Sendable, Hashable {
    /// The queue was full; the job was not queued. Retry later.
    case queueFull
    /// The database could not be reached (or was lost) before the job's deadline.
    case unavailable
    /// The deadline passed while the database was reachable but busy.
    case deadlineExceeded
    /// The waiting task was cancelled.
    case cancelled
    /// The pool is shutting down or stopped.
    case shutDown
    /// The job's own statements failed (bad data, a constraint); retrying will not help.
    case failed
  }

  /// The reason.
  public var kind: Kind
  /// The error behind it: the last ``MariaDBError`` for `unavailable`, the job's error for
  /// `failed`.
  public var underlying: (any Error)?

  /// Creates an error.
  public init(_ kind: Kind, underlying: (any Error)? = nil) {
    self.kind = kind
    self.underlying = underlying
  }

  /// The kind and the underlying error.
  public var description: String {
    let reason: String =
      switch kind {
      case .queueFull: "the writer queue is full"
      case .unavailable: "the database is unavailable"
      case .deadlineExceeded: "the deadline passed before the write committed"
      case .cancelled: "the call was cancelled"
      case .shutDown: "the pool is shut down"
      case .failed: "the job failed"
      }
    return underlying.map { "\(reason): \($0)" } ?? reason
  }
}
