/// A first-in first-out queue that can also put elements back at its front.
struct JobQueue<Element> {
  private var storage: [Element?] = []
  private var head = 0

  var physicalCount: Int { storage.count - head }

  mutating func append(_ element: Element) {
    storage.append(element)
  }

  mutating func popFirst() -> Element? {
    guard head < storage.count else { return nil }
    let element = storage[head]
    storage[head] = nil
    head += 1
    if head >= 64 && head * 2 >= storage.count {
      storage.removeFirst(head)
      head = 0
    }
    return element
  }

  /// Puts `elements` back at the front, keeping their order.
  mutating func prepend(_ elements: [Element]) {
    if head >= elements.count {
      head -= elements.count
      for (offset, element) in elements.enumerated() { storage[head + offset] = element }
    } else {
      storage.replaceSubrange(head..<head, with: elements.map { Optional($0) })
    }
  }

  /// Keeps only the elements `isIncluded` accepts.
  mutating func filter(_ isIncluded: (Element) -> Bool) {
    storage = storage[head...].compactMap { $0 }.filter(isIncluded)
    head = 0
  }

  /// Removes and returns every element.
  mutating func removeAll() -> [Element] {
    let elements = storage[head...].compactMap { $0 }
    storage.removeAll()
    head = 0
    return elements
  }
}
