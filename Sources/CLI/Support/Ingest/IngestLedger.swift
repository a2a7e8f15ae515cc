public import SluiceGenerated

/// The book-keeping of an ingest run: totals (``IngestTally``), the events not stored and
/// why, lines that could not be read, and how far the input is known to be stored.
///
/// Batches may finish out of order (several are in flight); ``storedThrough`` is the
/// end of the longest run of finished batches from the first one, so after a failure it
/// says where everything before is certainly stored.
public struct IngestLedger: Sendable {
  /// The totals.
  public private(set) var tally = IngestTally()
  /// How inputs are named in messages (`-` shows as `<stdin>`).
  public let inputNames: [String]
  /// Most rejected events, and most unreadable lines, listed one by one.
  public let maxListed: Int
  /// Rejected events beyond ``maxListed``, counted only.
  public private(set) var unlistedRejections = 0
  /// Unreadable lines beyond ``maxListed``, counted only.
  public private(set) var unlistedUnreadable = 0
  /// The end of the longest prefix of finished batches; nil until batch 0 finished.
  public private(set) var storedThrough: InputPosition?
  /// Batches sent.
  public private(set) var batchesSent = 0
  /// Batches finished in order from the first.
  public private(set) var batchesInOrder = 0
  /// Batches finished after a gap (a batch before them is not finished).
  public private(set) var batchesAhead = 0

  private var rejections: [(position: InputPosition, text: String)] = []
  private var lastPositions: [Int: InputPosition] = [:]
  private var finishedAhead: Set<Int> = []

  /// A ledger for inputs named `inputNames`.
  public init(inputNames: [String], maxListed: Int = 20) {
    self.inputNames = inputNames.map { $0 == "-" ? "<stdin>" : $0 }
    self.maxListed = max(0, maxListed)
  }

  /// `name:line`.
  public func describe(_ position: InputPosition) -> String {
    let name = inputNames.indices.contains(position.input) ? inputNames[position.input] : "input"
    return "\(name):\(position.line)"
  }

  /// Notes a line that did not become an event; returns its message unless
  /// ``maxListed`` were shown already.
  public mutating func unreadable(_ error: InputError, input: Int) -> String? {
    tally.unreadable += 1
    guard tally.unreadable <= maxListed else {
      unlistedUnreadable += 1
      return nil
    }
    return "\(describe(InputPosition(input: input, line: error.line))): unreadable: \(error.reason)"
  }

  /// Notes a batch as sent.
  public mutating func sent(_ batch: IngestBatch) {
    tally.sent += batch.positions.count
    batchesSent += 1
    if let last = batch.positions.last {
      lastPositions[batch.index] = last
    }
  }

  /// Records the server's answer for `batch`. An atomic batch refused as a whole comes
  /// as the `IngestResponse` detail of its error: its valid events (outcome unspecified)
  /// count as rejected too.
  public mutating func record(_ response: Sluice_V1_IngestResponse, for batch: IngestBatch) {
    for (offset, position) in batch.positions.enumerated() {
      let result = offset < response.results.count ? response.results[offset] : nil
      switch result?.outcome {
      case .accepted:
        tally.accepted += 1
      case .duplicate:
        tally.duplicates += 1
      case .rejected:
        tally.rejected += 1
        let reasons = result?.violations.map { "\($0.field): \($0.description_)" } ?? []
        list(position, reasons.isEmpty ? "rejected" : reasons.joined(separator: "; "))
      case .unspecified where batch.request.atomic:
        tally.rejected += 1
        list(position, "not stored: another event of its batch is invalid (--atomic)")
      case .unspecified, .unrecognized, nil:
        tally.rejected += 1
        list(position, "not stored: the server gave no outcome for it")
      }
    }
    finish(batch.index)
  }

  /// The rejected events, in input order (at most ``maxListed``), then how many more.
  public func rejectionLines() -> [String] {
    var lines = rejections.sorted { $0.position < $1.position }.map {
      "\(describe($0.position)): \($0.text)"
    }
    if unlistedRejections > 0 {
      lines.append("... and \(IngestTally.grouped(unlistedRejections)) more rejected events")
    }
    return lines
  }

  /// What a stopped run tells its user: how far the input is stored, and that running
  /// it again is safe.
  public func stopReport() -> String {
    var text: String
    if let storedThrough {
      text = "Stored through \(describe(storedThrough)): \(batchesInOrder) of \(batchesSent) "
        + "batches sent were confirmed in order"
      if batchesAhead > 0 { text += ", and \(batchesAhead) more after a gap" }
      text += "."
    } else {
      text = "No batch was confirmed (\(batchesSent) sent)."
    }
    return text + " Running the same input again is safe: events already stored are reported "
      + "as duplicates, not stored twice."
  }

  private mutating func list(_ position: InputPosition, _ text: String) {
    guard rejections.count < maxListed else {
      unlistedRejections += 1
      return
    }
    rejections.append((position, text))
  }

  private mutating func finish(_ index: Int) {
    guard index >= batchesInOrder else { return }
    finishedAhead.insert(index)
    while finishedAhead.remove(batchesInOrder) != nil {
      if let last = lastPositions.removeValue(forKey: batchesInOrder) {
        storedThrough = last
      }
      batchesInOrder += 1
    }
    batchesAhead = finishedAhead.count
  }
}
