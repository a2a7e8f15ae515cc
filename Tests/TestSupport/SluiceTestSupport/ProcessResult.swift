/// What a finished ``TestProcess`` printed and how it ended.
public struct ProcessResult: Sendable {
  /// The exit status, or 128 + the signal that ended it.
  public var status: Int32
  /// Everything the process wrote to standard output.
  public var stdout: String
  /// Everything the process wrote to standard error.
  public var stderr: String
}
