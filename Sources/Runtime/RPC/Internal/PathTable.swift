/// An open-addressing hash table from a method path's UTF-8 bytes to a handler index,
/// so a lookup from request header bytes needs no `String` and no allocation.
struct PathTable: Sendable {
  /// Handler index + 1 per slot; 0 marks an empty slot. Count is a power of two.
  private var slots: [Int32]
  private var paths: [[UInt8]]

  /// An empty table.
  init() {
    slots = [0]
    paths = []
  }

  /// A table over `handlers`' paths, which must be distinct.
  init(handlers: [RPCHandler]) {
    var capacity = 8
    while capacity < handlers.count * 2 { capacity *= 2 }
    slots = [Int32](repeating: 0, count: capacity)
    paths = handlers.map { Array($0.method.path.utf8) }
    let mask = capacity - 1
    for (index, path) in paths.enumerated() {
      var slot = path.withUnsafeBytes { Self.hash($0) } & mask
      while slots[slot] != 0 { slot = (slot + 1) & mask }
      slots[slot] = Int32(index + 1)
    }
  }

  /// The index of the handler for `path`, if any.
  func index(of path: String) -> Int? {
    var path = path
    return path.withUTF8 { index(of: UnsafeRawBufferPointer($0)) }
  }

  /// The index of the handler for the path in `bytes`, if any.
  func index(of bytes: UnsafeRawBufferPointer) -> Int? {
    guard !paths.isEmpty else { return nil }
    let mask = slots.count - 1
    var slot = Self.hash(bytes) & mask
    while true {
      let entry = Int(slots[slot])
      if entry == 0 { return nil }
      if paths[entry - 1].withUnsafeBytes({ $0.elementsEqual(bytes) }) { return entry - 1 }
      slot = (slot + 1) & mask
    }
  }

  /// FNV-1a over the bytes.
  private static func hash(_ bytes: UnsafeRawBufferPointer) -> Int {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
      hash = (hash ^ UInt64(byte)) &* 0x0100_0000_01b3
    }
    return Int(truncatingIfNeeded: hash)
  }
}
