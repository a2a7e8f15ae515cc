/// Command-line options of `codec-bench`.
struct Options {
  /// Wall time of one timed run of one benchmark on one side.
  var runSeconds = 0.2
  /// Timed runs per benchmark and side; the median is reported.
  var runs = 9
  /// Benchmarks to run (all by default).
  var kinds = BenchmarkKind.allCases
  /// Sides to run (all by default), by ``CodecUnderTest/name``.
  var sides: [String]? = nil
  /// Profile mode: run only this benchmark on one side, untimed.
  var profile: BenchmarkKind? = nil
  /// Iterations in profile mode.
  var profileIterations = 10_000

  static let usage = """
    usage: codec-bench [--quick] [--runs N] [--run-seconds S] [--only KIND,...] [--side NAME]
           codec-bench --profile KIND --side NAME [--iterations N]
      KIND: \(BenchmarkKind.allCases.map(\.rawValue).joined(separator: ", "))
      NAME: sluice, swift-protobuf
      --quick   3 runs of 0.05 s each (default: 9 runs of 0.2 s)
      --profile run one benchmark on one side N times with no timing, for perf or callgrind
    """

  /// Parses `arguments` (without the program name).
  init(arguments: [String]) throws {
    var rest = arguments[...]
    func value(_ flag: String) throws -> String {
      guard let next = rest.popFirst() else { throw BenchmarkFailure("\(flag) needs a value\n\(Self.usage)") }
      return next
    }
    func kind(_ text: String) throws -> BenchmarkKind {
      guard let kind = BenchmarkKind(rawValue: text) else { throw BenchmarkFailure("unknown benchmark \(text)\n\(Self.usage)") }
      return kind
    }
    func number(_ flag: String) throws -> Double {
      let text = try value(flag)
      guard let number = Double(text), number > 0 else { throw BenchmarkFailure("\(flag): bad number \(text)") }
      return number
    }
    while let argument = rest.popFirst() {
      switch argument {
      case "--quick":
        runSeconds = 0.05
        runs = 3
      case "--runs": runs = Int(try number(argument))
      case "--run-seconds": runSeconds = try number(argument)
      case "--only": kinds = try value(argument).split(separator: ",").map { try kind(String($0)) }
      case "--side": sides = (sides ?? []) + [try value(argument)]
      case "--profile": profile = try kind(try value(argument))
      case "--iterations": profileIterations = Int(try number(argument))
      case "--help", "-h": throw BenchmarkFailure(Self.usage)
      default: throw BenchmarkFailure("unknown option \(argument)\n\(Self.usage)")
      }
    }
    if profile != nil && sides?.count != 1 {
      throw BenchmarkFailure("--profile needs exactly one --side\n\(Self.usage)")
    }
  }
}
