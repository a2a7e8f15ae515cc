/// Why the benchmark stopped: a failed equivalence check or a bad command line.
struct BenchmarkFailure: Error, CustomStringConvertible {
  var description: String

  init(_ description: String) {
    self.description = description
  }
}
