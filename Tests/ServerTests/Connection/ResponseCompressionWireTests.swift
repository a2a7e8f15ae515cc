import SluiceRuntime
import SluiceServer
import Testing

/// Response compression on the wire, read by a raw HTTP/2 client: headers, compressed
/// flags, decodable bytes (gRPC and Connect over HTTP/2).
@Suite struct ResponseCompressionWireTests {
  static let cases = [
    "grpc_unary_large_response_is_compressed", "grpc_unary_small_response_is_not",
    "grpc_unary_handler_says_compress_or_not", "grpc_unary_without_accept_list_is_not",
    "grpc_unary_deflate", "grpc_streaming_per_message", "grpc_requests_compressed_per_message",
    "grpc_unsupported_request_encoding", "connect_unary", "connect_streaming",
  ]

  @Test func defaultPolicyCompressesWhatItShould() async throws {
    try await ConnectionScript.expectPass("connection_compression.py", cases: Self.cases)
  }

  @Test func disabledPolicyCompressesNothing() async throws {
    try await ConnectionScript.expectPass(
      "connection_compression.py", cases: Self.cases,
      configuration: ServerConfiguration(port: 0, responseCompression: .disabled),
      arguments: ["--disabled"])
  }
}
