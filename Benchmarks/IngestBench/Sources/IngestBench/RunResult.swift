/// The figures of one measured run.
struct RunResult: Sendable, Codable {
  /// Events made durable by calls that finished in the window.
  var events: Int
  /// Successful and failed calls that finished in the window.
  var calls: Int
  var failures: Int
  var firstFailure: String?
  /// The window's length.
  var seconds: Double
  var eventsPerSecond: Double
  /// Call latency percentiles, milliseconds.
  var p50Milliseconds: Double
  var p99Milliseconds: Double
  /// CPU seconds each watched process spent in the window.
  var cpuSeconds: [String: Double]
  /// `/proc/loadavg` (1, 5, 15 minutes) at the end of the window.
  var loadAverage: String

  init(tallies: [WorkerTally], seconds: Double, cpuSeconds: [String: Double], loadAverage: String) {
    events = tallies.reduce(0) { $0 + $1.events }
    calls = tallies.reduce(0) { $0 + $1.calls }
    failures = tallies.reduce(0) { $0 + $1.failures }
    firstFailure = tallies.lazy.compactMap(\.firstFailure).first
    self.seconds = seconds
    eventsPerSecond = Double(events) / seconds
    let latencies = tallies.flatMap(\.latencies).sorted()
    p50Milliseconds = Self.percentile(latencies, 0.50) / 1_000
    p99Milliseconds = Self.percentile(latencies, 0.99) / 1_000
    self.cpuSeconds = cpuSeconds
    self.loadAverage = loadAverage
  }

  /// The value below which `fraction` of the sorted `values` lie (nearest rank).
  static func percentile(_ values: [Double], _ fraction: Double) -> Double {
    guard !values.isEmpty else { return 0 }
    let rank = Int((fraction * Double(values.count)).rounded(.up)) - 1
    return values[min(max(rank, 0), values.count - 1)]
  }

  /// CPU milliseconds `process` spent per 1,000 events.
  func cpuPerThousandEvents(_ process: String) -> Double? {
    guard events > 0, let seconds = cpuSeconds[process] else { return nil }
    return seconds * 1_000 / (Double(events) / 1_000)
  }

  /// CPU milliseconds all watched processes together spent per 1,000 events.
  var cpuPerThousandEventsInAll: Double? {
    guard events > 0, !cpuSeconds.isEmpty else { return nil }
    return cpuSeconds.values.reduce(0, +) * 1_000 / (Double(events) / 1_000)
  }

  /// One line for progress output.
  var summary: String {
    let cpu = cpuSeconds.sorted { $0.key < $1.key }
      .map { "\($0.key) \(Report.fixed($0.value / seconds * 100, 0))%" }.joined(separator: " ")
    return "\(Report.fixed(eventsPerSecond, 0)) events/s, p50 \(Report.fixed(p50Milliseconds, 2)) ms, "
      + "p99 \(Report.fixed(p99Milliseconds, 2)) ms, \(failures) failures, CPU \(cpu), load \(loadAverage)"
      + (firstFailure.map { "; first failure: \($0)" } ?? "")
  }
}

/// Sluice and ceiling runs of one batch size.
struct Comparison: Sendable, Codable {
  var batch: Int
  var calls: Int
  var connections: Int
  var eventBytes: Int
  var sluice: [RunResult] = []
  var ceiling: [RunResult] = []
}
