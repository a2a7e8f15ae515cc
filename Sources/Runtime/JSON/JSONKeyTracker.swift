/// Remembers the keys of every open JSON object so that a key repeated within one
/// object is rejected. Small objects are scanned linearly; large ones switch to a set
/// so hostile input with many keys stays linear.
struct JSONKeyTracker {
  private static let linearLimit = 16

  /// Keys of all open objects, innermost last.
  private var keys: [String] = []
  /// Where each open object's keys start in `keys`, with its set once it grew large.
  private var levels: [(start: Int, set: Set<String>?)] = []

  /// Starts tracking a newly opened object.
  mutating func push() {
    levels.append((keys.count, nil))
  }

  /// Forgets the innermost object's keys.
  mutating func pop() {
    guard let level = levels.popLast() else { return }
    keys.removeSubrange(level.start...)
  }

  /// Records `key` in the innermost object; false if it was already there.
  mutating func insert(_ key: String) -> Bool {
    guard let last = levels.indices.last else { return true }
    if levels[last].set != nil {
      return levels[last].set!.insert(key).inserted
    }
    let start = levels[last].start
    for i in start..<keys.count where keys[i] == key { return false }
    if keys.count - start >= JSONKeyTracker.linearLimit {
      var set = Set(keys[start...])
      set.insert(key)
      keys.removeSubrange(start...)
      levels[last].set = set
    } else {
      keys.append(key)
    }
    return true
  }
}
