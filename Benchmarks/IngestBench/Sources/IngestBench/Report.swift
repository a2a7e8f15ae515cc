import Foundation

/// Markdown tables and JSON of the results.
enum Report {
  /// Per round and median: events/s of both sides, their ratio, call latencies, load;
  /// then CPU per 1,000 events of each process in the median runs.
  static func markdown(_ comparison: Comparison) -> String {
    var lines = [
      "### Batches of \(comparison.batch) event\(comparison.batch == 1 ? "" : "s") "
        + "(\(comparison.eventBytes) B each), \(comparison.calls) calls in flight, "
        + "\(comparison.connections) connections",
      "",
      "| round | Sluice events/s | ceiling events/s | Sluice / ceiling | Sluice p50 ms | Sluice p99 ms "
        + "| ceiling p50 ms | ceiling p99 ms | load avg (Sluice; ceiling) |",
      "|--:|--:|--:|--:|--:|--:|--:|--:|--|",
    ]
    for (index, (sluice, ceiling)) in zip(comparison.sluice, comparison.ceiling).enumerated() {
      lines.append(
        "| \(index + 1) | \(fixed(sluice.eventsPerSecond, 0)) | \(fixed(ceiling.eventsPerSecond, 0)) "
          + "| \(percent(sluice.eventsPerSecond / ceiling.eventsPerSecond)) "
          + "| \(fixed(sluice.p50Milliseconds, 2)) | \(fixed(sluice.p99Milliseconds, 2)) "
          + "| \(fixed(ceiling.p50Milliseconds, 2)) | \(fixed(ceiling.p99Milliseconds, 2)) "
          + "| \(sluice.loadAverage); \(ceiling.loadAverage) |")
    }
    let sluiceRate = median(comparison.sluice.map(\.eventsPerSecond))
    let ceilingRate = median(comparison.ceiling.map(\.eventsPerSecond))
    lines.append(
      "| **median** | **\(fixed(sluiceRate, 0))** | **\(fixed(ceilingRate, 0))** "
        + "| **\(percent(sluiceRate / ceilingRate))** "
        + "| \(fixed(median(comparison.sluice.map(\.p50Milliseconds)), 2)) "
        + "| \(fixed(median(comparison.sluice.map(\.p99Milliseconds)), 2)) "
        + "| \(fixed(median(comparison.ceiling.map(\.p50Milliseconds)), 2)) "
        + "| \(fixed(median(comparison.ceiling.map(\.p99Milliseconds)), 2)) | |")
    let failures = (comparison.sluice + comparison.ceiling).filter { $0.failures > 0 }
    for run in failures {
      lines.append("")
      lines.append("Failed calls: \(run.failures); first: \(run.firstFailure ?? "")")
    }
    lines += ["", "CPU ms per 1,000 events (median of the rounds):", ""]
    lines.append("| process | Sluice runs | ceiling runs |")
    lines.append("|---|--:|--:|")
    for process in ["sluice", "mariadbd", "tansu", "bench"] {
      let sluice = comparison.sluice.compactMap { $0.cpuPerThousandEvents(process) }
      let ceiling = comparison.ceiling.compactMap { $0.cpuPerThousandEvents(process) }
      guard !sluice.isEmpty else { continue }
      lines.append(
        "| \(process) | \(fixed(median(sluice), 1)) | \(ceiling.isEmpty ? "" : fixed(median(ceiling), 1)) |")
    }
    let sluiceTotal = median(comparison.sluice.compactMap(\.cpuPerThousandEventsInAll))
    let ceilingTotal = median(comparison.ceiling.compactMap(\.cpuPerThousandEventsInAll))
    lines.append("| **all** | **\(fixed(sluiceTotal, 1))** | **\(fixed(ceilingTotal, 1))** |")
    lines += [
      "",
      "CPU per event, ceiling / Sluice (the throughput ratio when the four processes are "
        + "CPU-bound on a machine of their own): **\(percent(ceilingTotal / sluiceTotal))**",
    ]
    return lines.joined(separator: "\n") + "\n"
  }

  /// The soak's totals and its RSS readings.
  static func soakMarkdown(_ soak: Soak.Result) -> String {
    let readings = soak.samples.map(\.residentKiB)
    let first = readings.first ?? 0
    let last = readings.last ?? 0
    let rate = Double(soak.events) / Double(max(soak.seconds, 1))
    let cap = soak.rate > 0 ? "at most \(soak.rate) events/s" : "no rate cap"
    let heading =
      "### Soak: \(soak.seconds) s of batches of \(soak.batch), \(soak.calls) calls in flight, \(cap)"
    let rates = "| \(fixed(rate, 0)) | \(fixed(soak.p50Milliseconds, 2)) | \(fixed(soak.p99Milliseconds, 2)) "
    let memory =
      "| \(soak.failures) | \(mebibytes(first)) | \(mebibytes(last)) "
      + "| \(mebibytes(readings.min() ?? 0)) | \(mebibytes(readings.max() ?? 0)) "
      + "| \(mebibytes(soak.peakResidentKiB)) | \(soak.loadAverage) |"
    var lines = [
      heading,
      "",
      "| events/s | p50 ms | p99 ms | failures | RSS first MiB | RSS last MiB | RSS min MiB | RSS max MiB "
        + "| peak RSS (VmHWM) MiB | load avg at end |",
      "|--:|--:|--:|--:|--:|--:|--:|--:|--:|--|",
      rates + memory,
      "",
      "RSS every sample (MiB): " + readings.map(mebibytes).joined(separator: " "),
    ]
    if let failure = soak.firstFailure {
      lines.append("")
      lines.append("First failure: \(failure)")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static func json(_ comparisons: [Comparison]) -> String {
    encode(comparisons)
  }

  static func soakJSON(_ soak: Soak.Result) -> String {
    encode(soak)
  }

  private static func encode(_ value: some Encodable) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
  }

  /// The median (the mean of the middle two for an even count).
  static func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  }

  static func fixed(_ value: Double, _ digits: Int) -> String {
    String(format: "%.\(digits)f", value)
  }

  static func percent(_ ratio: Double) -> String {
    ratio.isFinite ? String(format: "%.0f%%", ratio * 100) : "n/a"
  }

  static func mebibytes(_ kibibytes: Int) -> String {
    String(format: "%.1f", Double(kibibytes) / 1024)
  }
}
