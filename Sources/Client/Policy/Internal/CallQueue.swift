/// Calls waiting for a stream, first come first served; an array read from a moving head
/// so taking the first call does not shift the rest.
struct CallQueue: Sendable {
  struct Entry: Sendable {
    let id: ConnectionPoolState.CallID
    let waitForReady: Bool
    let deadline: ContinuousClock.Instant?
  }

  private var entries: [Entry] = []
  private var head = 0

  var isEmpty: Bool { head == entries.count }
  var count: Int { entries.count - head }
  var first: Entry? { isEmpty ? nil : entries[head] }

  mutating func append(_ entry: Entry) {
    entries.append(entry)
  }

  mutating func removeFirst() -> Entry? {
    guard !isEmpty else { return nil }
    let entry = entries[head]
    head += 1
    compact()
    return entry
  }

  /// Removes the call with `id`, if queued.
  mutating func remove(_ id: ConnectionPoolState.CallID) -> Entry? {
    guard let index = entries[head...].firstIndex(where: { $0.id == id }) else { return nil }
    let entry = entries.remove(at: index)
    compact()
    return entry
  }

  /// Removes and returns the calls matching `predicate`, in queue order.
  mutating func removeAll(where predicate: (Entry) -> Bool) -> [Entry] {
    let removed = entries[head...].filter(predicate)
    guard !removed.isEmpty else { return [] }
    entries = entries[head...].filter { !predicate($0) }
    head = 0
    return removed
  }

  private mutating func compact() {
    if head == entries.count {
      entries.removeAll(keepingCapacity: true)
      head = 0
    } else if head >= 32, head * 2 >= entries.count {
      entries.removeFirst(head)
      head = 0
    }
  }
}
