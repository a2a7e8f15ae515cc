/// A binary min-heap of (deadline, call) pairs: the earliest deadline on top. Entries of
/// calls that finished early stay until they reach the top or the owner rebuilds the heap
/// (see `InFlightTable.compactIfNeeded`).
struct DeadlineHeap {
  struct Item {
    var deadline: ContinuousClock.Instant
    var call: UInt64
  }

  private var items: [Item] = []

  var count: Int { items.count }
  var first: Item? { items.first }

  mutating func push(_ item: Item) {
    items.append(item)
    var child = items.count - 1
    while child > 0 {
      let parent = (child - 1) / 2
      guard items[child].deadline < items[parent].deadline else { break }
      items.swapAt(child, parent)
      child = parent
    }
  }

  mutating func popFirst() -> Item? {
    guard !items.isEmpty else { return nil }
    items.swapAt(0, items.count - 1)
    let top = items.removeLast()
    siftDown(from: 0)
    return top
  }

  /// Replaces the contents with `newItems` in O(n).
  mutating func rebuild(_ newItems: [Item]) {
    items = newItems
    var index = items.count / 2
    while index > 0 {
      index -= 1
      siftDown(from: index)
    }
  }

  private mutating func siftDown(from start: Int) {
    var parent = start
    while true {
      let left = 2 * parent + 1
      let right = left + 1
      var smallest = parent
      if left < items.count, items[left].deadline < items[smallest].deadline { smallest = left }
      if right < items.count, items[right].deadline < items[smallest].deadline { smallest = right }
      if smallest == parent { return }
      items.swapAt(parent, smallest)
      parent = smallest
    }
  }
}
