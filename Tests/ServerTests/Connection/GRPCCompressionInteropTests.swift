import Foundation
import Testing

/// grpcio runs the gRPC interop compression cases against the server.
@Suite struct GRPCCompressionInteropTests {
  @Test func grpcioCompressionCasesPass() async throws {
    try await ConnectionScript.expectPass(
      "connection_grpcio_compression.py",
      cases: [
        "client_compressed_unary", "server_compressed_unary", "client_compressed_streaming",
        "server_compressed_streaming",
      ],
      arguments: ["--schemas", TestServer.schemas.path])
  }
}
