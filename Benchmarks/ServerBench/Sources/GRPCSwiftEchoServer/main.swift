import GRPCCore
import GRPCNIOTransportHTTP2

#if canImport(Glibc)
  import Glibc
#endif

/// Serves the echo on `127.0.0.1:<port>` (argument 1; 0 picks a free port) over h2c and
/// prints `listening on 127.0.0.1:PORT` once bound, like `sluice-interop-server`.
let port = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 0 : 0
let transport = HTTP2ServerTransport.Posix(
  address: .ipv4(host: "127.0.0.1", port: port), transportSecurity: .plaintext)
let server = GRPCServer(transport: transport, services: [EchoService()])
try await withThrowingDiscardingTaskGroup { group in
  group.addTask { try await server.serve() }
  if let address = try await transport.listeningAddress.ipv4 {
    print("listening on \(address.host):\(address.port)")
    fflush(nil)
  }
}
