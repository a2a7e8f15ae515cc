public import SluiceRuntime

/// The exit statuses of the client commands.
public enum CommandStatus: Int32, Sendable, Hashable {
  /// Everything worked: every event accepted or already stored; the read finished.
  case success = 0
  /// The command ran, but not everything went in: events rejected, lines unreadable,
  /// or the event asked for does not exist.
  case incomplete = 1
  /// The command line is wrong: an unknown flag, a bad value, a missing file, or
  /// arguments the server refused as invalid.
  case usage = 2
  /// The server could not be reached or the call failed.
  case failure = 3
  /// The user interrupted an ingest (SIGINT); 128 + the signal's number, as shells do.
  case interrupted = 130

  /// The status of a read command that failed with `error`: the server refusing the
  /// arguments is a usage error, a missing event an incomplete result, anything else a
  /// failure.
  public init(readFailure error: RPCError) {
    switch error.code {
    case .invalidArgument, .outOfRange: self = .usage
    case .notFound: self = .incomplete
    default: self = .failure
    }
  }
}
