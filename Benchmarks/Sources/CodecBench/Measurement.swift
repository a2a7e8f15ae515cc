internal import AllocCounter

/// What one benchmark measured on one side.
struct Measurement {
  /// Operations per second of each timed run, in run order.
  var opsPerSecond: [Double] = []
  /// Heap allocations per operation (malloc-family calls), counted in a separate pass.
  var allocationsPerOp = 0.0
  /// Bytes requested from the heap per operation.
  var allocatedBytesPerOp = 0.0

  /// Median of the timed runs.
  var median: Double {
    let sorted = opsPerSecond.sorted()
    guard !sorted.isEmpty else { return 0 }
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  }

  /// (max - min) / median of the timed runs.
  var spread: Double {
    guard let low = opsPerSecond.min(), let high = opsPerSecond.max(), median > 0 else { return 0 }
    return (high - low) / median
  }
}

/// Timing and allocation counting for one codec.
enum Meter {
  private static let clock = ContinuousClock()

  /// Seconds taken by `iterations` runs of `kind`; adds the checksum to `sink`.
  static func seconds(
    _ codec: some CodecUnderTest, _ kind: BenchmarkKind, iterations: Int, sink: inout Int
  ) throws -> Double {
    var result = 0
    let elapsed = try clock.measure { result = try codec.run(kind, iterations: iterations) }
    sink &+= result
    let parts = elapsed.components
    return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
  }

  /// Iterations that take about `seconds` of wall time; also warms the code up.
  static func calibrate(
    _ codec: some CodecUnderTest, _ kind: BenchmarkKind, seconds target: Double, sink: inout Int
  ) throws -> Int {
    var iterations = 1
    while true {
      let elapsed = try seconds(codec, kind, iterations: iterations, sink: &sink)
      if elapsed >= target / 4 || iterations >= 1 << 30 {
        return max(1, Int(Double(iterations) * target / max(elapsed, 1e-9)))
      }
      iterations *= 4
    }
  }

  /// Allocations per operation over `iterations` runs (after one untimed warm-up run).
  static func allocations(
    _ codec: some CodecUnderTest, _ kind: BenchmarkKind, iterations: Int, sink: inout Int
  ) throws -> (count: Double, bytes: Double) {
    sink &+= try codec.run(kind, iterations: 1)
    alloc_counter_start()
    let result = try codec.run(kind, iterations: iterations)
    let stats = alloc_counter_stop()
    sink &+= result
    return (Double(stats.allocations) / Double(iterations), Double(stats.bytes) / Double(iterations))
  }

  /// Fails unless the counting malloc is the process's malloc.
  static func checkAllocationCounter() throws {
    alloc_counter_start()
    let probe = [UInt8](repeating: 7, count: 4096)
    let stats = alloc_counter_stop()
    guard stats.allocations >= 1, probe.count == 4096 else {
      throw BenchmarkFailure("allocation counter is not active (malloc was not replaced)")
    }
  }
}
