public import SluiceGenerated

/// Groups events into ``IngestBatch``es of at most ``batchSize`` events and about
/// ``maxBatchBytes`` of encoded events, so no request outgrows the server's message limit
/// (4 MiB by default). A batch is handed out as soon as it is full.
public struct IngestBatcher: Sendable {
  /// Most events per batch.
  public let batchSize: Int
  /// A batch is closed before an event would take its encoding past this many bytes
  /// (a single larger event still gets a batch of its own).
  public let maxBatchBytes: Int
  /// Whether requests ask for all-or-nothing batches.
  public let atomic: Bool

  private var events: [Sluice_V1_Event] = []
  private var positions: [InputPosition] = []
  private var bytes = 0
  private var nextIndex = 0

  /// A batcher; `maxBatchBytes` defaults to 3 MiB, under the server's 4 MiB messages.
  public init(batchSize: Int, maxBatchBytes: Int = 3 << 20, atomic: Bool) {
    self.batchSize = max(1, batchSize)
    self.maxBatchBytes = maxBatchBytes
    self.atomic = atomic
  }

  /// Adds an event; returns the batches it completes (none, or one; two when the event
  /// both closes the open batch by size and fills a batch of one).
  public mutating func add(_ event: Sluice_V1_Event, at position: InputPosition) -> [IngestBatch] {
    var done: [IngestBatch] = []
    let size = event.serializedSize() + 5  // field tag and length prefix, at most
    if !events.isEmpty && bytes + size > maxBatchBytes, let batch = flush() {
      done.append(batch)
    }
    events.append(event)
    positions.append(position)
    bytes += size
    if events.count >= batchSize, let batch = flush() {
      done.append(batch)
    }
    return done
  }

  /// The open batch, if it holds any event.
  public mutating func flush() -> IngestBatch? {
    guard !events.isEmpty else { return nil }
    var request = Sluice_V1_IngestRequest()
    request.events = events
    request.atomic = atomic
    let batch = IngestBatch(index: nextIndex, request: request, positions: positions)
    nextIndex += 1
    events = []
    positions = []
    bytes = 0
    return batch
  }
}
