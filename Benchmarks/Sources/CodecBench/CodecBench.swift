#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `swift run -c release codec-bench`: encode and decode throughput and allocations of
/// Sluice's generated code against swift-protobuf's, for `Schemas/bench.proto`.
@main
enum CodecBench {
  /// Every side the benchmark knows, in report order.
  static let codecs: [any CodecUnderTest.Type] = [SluiceCodec.self, SwiftProtobufCodec.self]

  static func main() {
    do {
      try run()
    } catch {
      let message = Array("codec-bench: \(error)\n".utf8)
      _ = message.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
      exit(1)
    }
  }

  /// Parses the command line, checks equivalence, measures and prints the report.
  static func run() throws {
    let options = try Options(arguments: Array(CommandLine.arguments.dropFirst()))
    #if DEBUG
      print("warning: this is a debug build; numbers mean nothing. Use `swift run -c release codec-bench`.")
    #endif
    let event = EventFixture.single
    let batch = BatchFixture.thousand
    // Both sides decode the same input: swift-protobuf's encoding.
    let eventBytes = try SwiftProtobufCodec.encode(event)
    let batchBytes = try SwiftProtobufCodec.encode(batch)

    let known = Set(codecs.map { $0.name })
    for name in options.sides ?? [] where !known.contains(name) {
      throw BenchmarkFailure("unknown or unavailable side \(name); have: \(codecs.map { $0.name })")
    }
    let selected = codecs.filter { options.sides?.contains($0.name) ?? true }
    let instances = try selected.map {
      try $0.init(event: event, batch: batch, eventBytes: eventBytes, batchBytes: batchBytes)
    }

    var sink = 0
    if let kind = options.profile, let codec = instances.first {
      sink &+= try codec.run(kind, iterations: options.profileIterations)
      print("\(kind.rawValue) x \(options.profileIterations) on \(type(of: codec).name), checksum \(sink)")
      return
    }

    print("Equivalence check")
    for line in try Equivalence.check(codecs, event: event, batch: batch) { print("  " + line) }
    try Meter.checkAllocationCounter()

    print("\nTiming: \(options.runs) runs of ~\(options.runSeconds) s per benchmark and side, sides interleaved; median reported")
    var results: [BenchmarkKind: [String: Measurement]] = [:]
    for kind in options.kinds {
      results[kind] = try measure(kind, on: instances, options: options, sink: &sink)
    }

    let sizes: [BenchmarkKind: Int] = [
      .eventEncode: eventBytes.count, .eventDecode: eventBytes.count,
      .batchEncode: batchBytes.count, .batchDecode: batchBytes.count,
    ]
    print("\nRatio = \(Report.subject) ops/s / \(Report.baseline) ops/s (higher is better for \(Report.subject)); MB = 10^6 bytes of encoded message\n")
    print(Report.table(kinds: options.kinds, sizes: sizes, results: results))
    print("\n(checksum \(sink))")
  }
}
