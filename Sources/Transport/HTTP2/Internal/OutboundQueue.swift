/// The bytes a stream has queued for DATA frames, kept as the caller's arrays
/// (no copy on enqueue) and copied once, into the engine's output, when
/// nghttp2 asks for a frame's payload.
struct OutboundQueue {
  /// The chunk being sent and the read position inside it.
  private var current: [UInt8] = []
  private var offset = 0
  /// Chunks behind `current`, consumed from `pendingHead`.
  private var pending: [[UInt8]] = []
  private var pendingHead = 0

  /// Queued bytes not yet moved to the output.
  private(set) var count = 0

  /// Queues `bytes` behind what is already queued.
  mutating func append(_ bytes: [UInt8]) {
    guard !bytes.isEmpty else { return }
    self.count += bytes.count
    if self.offset == self.current.count && self.pendingHead == self.pending.count {
      self.current = bytes
      self.offset = 0
    } else {
      self.pending.append(bytes)
    }
  }

  /// Moves the first `byteCount` queued bytes to the end of `output`.
  mutating func move(_ byteCount: Int, into output: inout [UInt8]) {
    var remaining = min(byteCount, self.count)
    while remaining > 0 {
      if self.offset == self.current.count {
        self.current = self.pending[self.pendingHead]
        self.pending[self.pendingHead] = []
        self.pendingHead += 1
        self.offset = 0
      }
      let take = min(remaining, self.current.count - self.offset)
      let start = self.offset
      self.current.withUnsafeBufferPointer { chunk in
        output.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[start..<(start + take)]))
      }
      self.offset += take
      self.count -= take
      remaining -= take
    }
    if self.count == 0 {
      self.removeAll()
    }
  }

  /// Drops everything queued, releasing the caller's arrays.
  mutating func removeAll() {
    self.current = []
    self.offset = 0
    self.pending.removeAll(keepingCapacity: true)
    self.pendingHead = 0
    self.count = 0
  }
}
