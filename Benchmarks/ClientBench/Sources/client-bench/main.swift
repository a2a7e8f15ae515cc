import BenchSupport
import GRPCSwiftBenchClient
import SluiceBenchClient

#if canImport(Glibc)
  import Glibc
#endif

// One client, one scenario, one process (so CPU time and allocations are the client's
// alone): warm up, then measure, then print one JSON line.
//
//   client-bench --client sluice|grpc-swift-2 --port P --concurrency C
//                [--duration 10] [--warmup 2] [--size 100]

func option(_ name: String, default value: String? = nil) -> String {
  let arguments = CommandLine.arguments
  if let index = arguments.firstIndex(of: "--" + name), index + 1 < arguments.count {
    return arguments[index + 1]
  }
  guard let value else {
    print("client-bench: --\(name) is required")
    exit(2)
  }
  return value
}

let kind = option("client")
let port = Int(option("port")) ?? 0
let concurrency = Int(option("concurrency")) ?? 1
let duration = Double(option("duration", default: "10")) ?? 10
let warmup = Double(option("warmup", default: "2")) ?? 2
let size = Int(option("size", default: "100")) ?? 100

let client: any BenchClient
do {
  switch kind {
  case "sluice": client = try makeSluiceBenchClient(port: port, size: size)
  case "grpc-swift-2": client = try makeGRPCSwiftBenchClient(port: port, size: size)
  default:
    print("client-bench: unknown client \(kind) (sluice, grpc-swift-2)")
    exit(2)
  }
} catch {
  print("client-bench: cannot create the \(kind) client: \(error)")
  exit(1)
}

// One call first: it must succeed.
do {
  try await client.call()
} catch {
  print("client-bench: the first call failed: \(error)")
  exit(1)
}
_ = await runLoad(client, concurrency: concurrency, duration: .seconds(warmup))
let result = await runLoad(client, concurrency: concurrency, duration: .seconds(duration))
await client.shutdown()

let calls = max(result.calls, 1)
func fixed(_ value: Double, _ digits: Int = 1) -> String {
  let scale = [1.0, 10, 100, 1000][min(digits, 3)]
  return String((value * scale).rounded() / scale)
}
print(
  "{\"client\": \"\(kind)\", \"concurrency\": \(concurrency), \"calls\": \(result.calls), "
    + "\"errors\": \(result.errors), \"seconds\": \(fixed(result.seconds, 3)), "
    + "\"calls_per_second\": \(fixed(Double(result.calls) / result.seconds)), "
    + "\"p50_us\": \(fixed(result.latencies.percentile(0.5))), "
    + "\"p99_us\": \(fixed(result.latencies.percentile(0.99))), "
    + "\"cpu_us_per_call\": \(fixed(Double(result.cpuMicroseconds) / Double(calls), 2)), "
    + "\"allocations_per_call\": \(fixed(Double(result.allocations) / Double(calls), 2))}")
