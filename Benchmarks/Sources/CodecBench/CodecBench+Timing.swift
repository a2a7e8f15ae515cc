extension CodecBench {
  /// Times `kind` on every side (runs interleaved, alternating the order) and counts its
  /// allocations; prints one progress line per side.
  static func measure(
    _ kind: BenchmarkKind, on instances: [any CodecUnderTest], options: Options, sink: inout Int
  ) throws -> [String: Measurement] {
    var iterations: [Int] = []
    for codec in instances {
      iterations.append(try Meter.calibrate(codec, kind, seconds: options.runSeconds, sink: &sink))
    }
    var measured = [Measurement](repeating: Measurement(), count: instances.count)
    for run in 0..<options.runs {
      let order = run % 2 == 0 ? Array(instances.indices) : instances.indices.reversed()
      for index in order {
        let seconds = try Meter.seconds(instances[index], kind, iterations: iterations[index], sink: &sink)
        measured[index].opsPerSecond.append(Double(iterations[index]) / seconds)
      }
    }
    let allocationIterations = kind == .eventEncode || kind == .eventDecode ? 1000 : 10
    var byName: [String: Measurement] = [:]
    for (index, codec) in instances.enumerated() {
      let counted = try Meter.allocations(codec, kind, iterations: allocationIterations, sink: &sink)
      measured[index].allocationsPerOp = counted.count
      measured[index].allocatedBytesPerOp = counted.bytes
      let name = type(of: codec).name
      byName[name] = measured[index]
      print(
        "  \(kind.rawValue) \(name): \(Report.ops(measured[index].median)) ops/s, "
          + "\(Report.fixed(measured[index].allocationsPerOp, 1)) allocs/op "
          + "(\(Report.ops(measured[index].allocatedBytesPerOp)) bytes/op)")
    }
    return byName
  }
}
