public import CoreMetrics
public import SluiceGenerated
public import SluiceRuntime

/// What an ingest call does with one batch: check every event, store the valid ones and
/// publish them, concurrently, and answer per event only when both are durable.
///
/// Valid events go to the publisher whether or not the store already holds them: after a
/// failed call, a retry finds the stored events as duplicates, and publishing them again
/// is what guarantees Kafka has every event the database has (at least once; consumers
/// deduplicate by stream and id). The same (stream, id) twice in one batch is stored and
/// published once; the later copy reports as a duplicate.
public struct IngestPipeline: Sendable {
  /// Checks events.
  public let validator: EventValidator
  /// Makes them durable.
  public let store: any EventStore
  /// Announces them; nil when no Kafka is configured.
  public let publisher: (any EventPublisher)?
  /// The current time in microseconds since the Unix epoch.
  public let clock: @Sendable () -> Int64
  /// Where `sluice_events_total{stream, outcome}` and `sluice_ingest_batch_size` go.
  public let metrics: any MetricsFactory
  private let handles: IngestMetrics

  /// A pipeline over these parts.
  public init(
    validator: EventValidator, store: any EventStore, publisher: (any EventPublisher)?,
    clock: @escaping @Sendable () -> Int64, metrics: any MetricsFactory = MetricsSystem.factory
  ) {
    self.validator = validator
    self.store = store
    self.publisher = publisher
    self.clock = clock
    self.metrics = metrics
    handles = IngestMetrics(factory: metrics)
  }

  /// Ingests `events`; with `atomic`, any invalid event fails the whole batch with
  /// INVALID_ARGUMENT carrying an `IngestResponse` detail of the rejections.
  public func ingest(
    _ events: [Sluice_V1_Event], atomic: Bool, deadline: ContinuousClock.Instant?
  ) async throws(RPCError) -> Sluice_V1_IngestResponse {
    let limit = validator.limits.maxEventsPerBatch
    guard events.count <= limit else {
      throw RPCError(
        code: .invalidArgument,
        message: "a batch holds at most \(limit) events; this one has \(events.count)")
    }
    let now = clock()
    let plan = BatchPlan(events: events, validator: validator, nowSeconds: now / 1_000_000)
    handles.batchSize.record(events.count)
    if atomic && plan.rejected > 0 {
      record(plan.response(outcomes: nil), of: events)
      throw RPCError(
        code: .invalidArgument,
        message: "\(plan.rejected) of \(events.count) events are invalid; "
          + "the batch was rejected as a whole (atomic)",
        details: [RPCError.Detail(plan.response(outcomes: nil))])
    }
    guard !plan.toStore.isEmpty else {
      return record(plan.response(outcomes: []), of: events)
    }
    let records = plan.toStore.map { EventRecord(event: events[$0], ingestMicros: now) }
    async let published = Self.capture { [publisher] () async throws(RPCError) in
      try await publisher?.publish(records, deadline: deadline)
    }
    let stored = await Self.capture { [store] () async throws(RPCError) in
      try await store.insert(records, deadline: deadline)
    }
    let outcomes = try stored.get()
    try await published.get()
    guard outcomes.count == records.count else {
      throw RPCError(
        code: .internal,
        message: "the store answered \(outcomes.count) outcomes for \(records.count) events")
    }
    return record(plan.response(outcomes: outcomes), of: events)
  }

  /// Counts each event's outcome by stream (`sluice_events_total`), returning `response`.
  @discardableResult
  private func record(_ response: Sluice_V1_IngestResponse, of events: [Sluice_V1_Event])
    -> Sluice_V1_IngestResponse
  {
    var counts: [IngestMetrics.Key: Int] = [:]
    for (event, result) in zip(events, response.results) {
      let outcome: String
      switch result.outcome {
      case .accepted: outcome = "accepted"
      case .duplicate: outcome = "duplicate"
      case .rejected: outcome = "rejected"
      case .unspecified, .unrecognized: continue
      }
      // Rejected events may carry any text as their stream; label them all as one.
      let stream = result.outcome == .rejected ? "(rejected)" : event.stream
      counts[IngestMetrics.Key(stream: stream, outcome: outcome), default: 0] += 1
    }
    for (key, count) in counts { handles.countEvents(key, by: count) }
    return response
  }

  /// Runs `body`, keeping its error as a value so two concurrent parts can both finish.
  private static func capture<T>(_ body: () async throws(RPCError) -> T) async -> Result<T, RPCError> {
    do {
      return .success(try await body())
    } catch {
      return .failure(error)
    }
  }
}
