/// What the ingestion service accepts: sizes, counts and (optionally) the streams that
/// exist. Events outside these limits are rejected one by one with a reason.
public struct IngestLimits: Sendable, Hashable {
  /// Most events in one `Ingest` request (or one batch of a bulk load); larger requests
  /// fail as a whole with INVALID_ARGUMENT.
  public var maxEventsPerBatch: Int
  /// Most bytes of `data` in one event (binary or text length; JSON: its encoded length).
  public var maxDataBytes: Int
  /// Most bytes of one event's protobuf encoding, everything included.
  public var maxEventBytes: Int
  /// How far in the future an event's `time` may lie (clock skew allowance).
  public var maxFutureSkew: Duration
  /// The streams events may name; nil accepts any well-formed stream name.
  public var declaredStreams: Set<String>?

  /// Creates limits; by default 10,000 events per batch, 1 MiB of data and 2 MiB per
  /// event, times up to a day ahead, any stream.
  public init(
    maxEventsPerBatch: Int = 10_000, maxDataBytes: Int = 1 << 20, maxEventBytes: Int = 2 << 20,
    maxFutureSkew: Duration = .seconds(86_400), declaredStreams: Set<String>? = nil
  ) {
    self.maxEventsPerBatch = maxEventsPerBatch
    self.maxDataBytes = maxDataBytes
    self.maxEventBytes = maxEventBytes
    self.maxFutureSkew = maxFutureSkew
    self.declaredStreams = declaredStreams
  }
}
