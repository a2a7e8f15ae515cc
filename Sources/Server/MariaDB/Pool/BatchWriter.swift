/// Writes a group of jobs inside one transaction: what a ``WriterPool`` knows about the
/// data it commits.
///
/// The pool gathers queued jobs into a batch, starts a transaction on a worker's
/// connection, calls ``write(_:on:)``, commits, and only then reports each job's outcome.
/// Implementations typically turn the batch into one or a few multi-row prepared inserts
/// (see ``MultiRowInsert``); values are always bound, never spliced into SQL.
///
/// When ``write(_:on:)`` throws an error that is not a lost connection or a transient
/// error, the pool rolls back and retries each job of the batch in a transaction of its
/// own, so one bad job fails alone.
public protocol BatchWriter: Sendable {
  /// One unit of work a caller submits (such as the events of one ingest call).
  associatedtype Job: Sendable
  /// What the caller learns once the job committed (such as which events were duplicates).
  associatedtype Outcome: Sendable

  /// The job's share of a batch's size limit (such as its row count); at least 1.
  func weight(of job: Job) -> Int

  /// Writes `jobs` on `connection`, inside a transaction the pool opened, and returns one
  /// outcome per job, in order. Runs on a worker thread: it may block, and must not await.
  func write(_ jobs: [Job], on connection: MariaDBConnection) throws -> [Outcome]
}
