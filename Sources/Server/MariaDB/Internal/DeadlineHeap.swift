/// A binary min-heap of entries ordered by deadline.
struct DeadlineHeap<Element> {
  private var items: [(deadline: ContinuousClock.Instant, element: Element)] = []

  var isEmpty: Bool { items.isEmpty }
  var count: Int { items.count }

  /// The earliest deadline.
  var earliest: ContinuousClock.Instant? { items.first?.deadline }

  mutating func push(_ element: Element, deadline: ContinuousClock.Instant) {
    items.append((deadline, element))
    var child = items.count - 1
    while child > 0 {
      let parent = (child - 1) / 2
      guard items[child].deadline < items[parent].deadline else { break }
      items.swapAt(child, parent)
      child = parent
    }
  }

  /// Removes and returns the element with the earliest deadline, if it is at or before `now`.
  mutating func popExpired(at now: ContinuousClock.Instant) -> Element? {
    guard let first = items.first, first.deadline <= now else { return nil }
    let last = items.removeLast()
    if !items.isEmpty {
      items[0] = last
      var parent = 0
      while true {
        let left = 2 * parent + 1
        let right = left + 1
        var smallest = parent
        if left < items.count, items[left].deadline < items[smallest].deadline { smallest = left }
        if right < items.count, items[right].deadline < items[smallest].deadline { smallest = right }
        if smallest == parent { break }
        items.swapAt(parent, smallest)
        parent = smallest
      }
    }
    return first.element
  }
}
