/// The checked filters of a `QueryEvents` request, in store units.
public struct EventFilter: Sendable {
  /// The stream read.
  public var stream: String
  /// Event times in [startMicros, endMicros); nil bounds are open.
  public var startMicros: Int64?
  public var endMicros: Int64?
  /// Accepted types and subjects; empty accepts all.
  public var types: [String]
  public var subjects: [String]
  /// The sort key (event time, sequence) the page continues after, from a page token.
  public var after: (timeMicros: Int64, sequence: Int64)?

  /// Filters without a page position.
  public init(
    stream: String, startMicros: Int64?, endMicros: Int64?, types: [String], subjects: [String]
  ) {
    self.stream = stream
    self.startMicros = startMicros
    self.endMicros = endMicros
    self.types = types
    self.subjects = subjects
  }

  /// Whether a stored event passes the filters (the page position aside).
  public func matches(stream: String, timeMicros: Int64, type: String, subject: String) -> Bool {
    stream == self.stream && startMicros.map { timeMicros >= $0 } != false
      && endMicros.map { timeMicros < $0 } != false
      && (types.isEmpty || types.contains(type)) && (subjects.isEmpty || subjects.contains(subject))
  }
}
