import SluiceGenerated

/// The checked form of one batch: which events are rejected and why, which are stored,
/// and which repeat an earlier event of the same batch.
struct BatchPlan {
  /// What happens to each event of the batch.
  enum Entry {
    case rejected([Sluice_V1_FieldViolation])
    /// Stored as element `index` of ``toStore``.
    case stored(index: Int)
    /// Repeats the event stored as element `index` of ``toStore``.
    case repeated(index: Int)
  }

  private(set) var entries: [Entry] = []
  /// Indexes (into the batch) of the events to store, first occurrences only.
  private(set) var toStore: [Int] = []
  private(set) var rejected = 0

  init(events: [Sluice_V1_Event], validator: EventValidator, nowSeconds: Int64) {
    entries.reserveCapacity(events.count)
    var firstByKey: [EventKey: Int] = [:]
    for (position, event) in events.enumerated() {
      let violations = validator.violations(of: event, now: nowSeconds)
      if !violations.isEmpty {
        entries.append(.rejected(violations))
        rejected += 1
        continue
      }
      let key = EventKey(stream: event.stream, id: event.id)
      if let earlier = firstByKey[key] {
        entries.append(.repeated(index: earlier))
      } else {
        firstByKey[key] = toStore.count
        entries.append(.stored(index: toStore.count))
        toStore.append(position)
      }
    }
  }

  /// The response, given the store's outcome for each element of ``toStore``; nil
  /// outcomes (an atomic batch refused) leave the valid events' outcome unspecified.
  func response(outcomes: [StoreOutcome]?) -> Sluice_V1_IngestResponse {
    var response = Sluice_V1_IngestResponse()
    response.results.reserveCapacity(entries.count)
    for entry in entries {
      var result = Sluice_V1_EventResult()
      switch entry {
      case .rejected(let violations):
        result.outcome = .rejected
        result.violations = violations
        response.rejected += 1
      case .stored(let index):
        switch outcomes?[index] {
        case .inserted(let sequence):
          result.outcome = .accepted
          result.sequence = sequence
          response.accepted += 1
        case .duplicate(let sequence):
          result.outcome = .duplicate
          result.sequence = sequence
          response.duplicates += 1
        case nil: break
        }
      case .repeated(let index):
        if let outcome = outcomes?[index] {
          result.outcome = .duplicate
          switch outcome {
          case .inserted(let sequence), .duplicate(let sequence): result.sequence = sequence
          }
          response.duplicates += 1
        }
      }
      response.results.append(result)
    }
    return response
  }
}

/// The idempotency key of an event.
struct EventKey: Hashable {
  var stream: String
  var id: String
}
