public import BenchSupport
import GRPCCore
import GRPCNIOTransportHTTP2
import GRPCProtobuf
import SwiftProtobuf

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The grpc-swift-2 client under test: a `GRPCClient` over `HTTP2ClientTransport.Posix`
/// (grpc-swift-nio-transport) with swift-protobuf messages
/// (`messages.pb.swift`, shared with ServerBench).
final class GRPCSwiftBenchClient: BenchClient {
  static let unaryCall = MethodDescriptor(
    fullyQualifiedService: "grpc.testing.TestService", method: "UnaryCall")

  let client: GRPCClient<HTTP2ClientTransport.Posix>
  let connections: Task<Void, any Error>
  let request: ClientRequest<Grpc_Testing_SimpleRequest>
  let size: Int

  init(port: Int, size: Int) throws {
    let transport = try HTTP2ClientTransport.Posix(
      target: .ipv4(address: "127.0.0.1", port: port), transportSecurity: .plaintext)
    let client = GRPCClient(transport: transport)
    self.client = client
    connections = Task { try await client.runConnections() }
    var payload = Grpc_Testing_Payload()
    payload.body = Data(count: size)
    var message = Grpc_Testing_SimpleRequest()
    message.responseSize = Int32(size)
    message.payload = payload
    request = ClientRequest(message: message)
    self.size = size
  }

  func call() async throws {
    let body = try await client.unary(
      request: request, descriptor: Self.unaryCall,
      serializer: ProtobufSerializer<Grpc_Testing_SimpleRequest>(),
      deserializer: ProtobufDeserializer<Grpc_Testing_SimpleResponse>(), options: .defaults
    ) { response in
      try response.message.payload.body
    }
    guard body.count == size else {
      throw UnexpectedResponse("a payload of \(body.count) bytes")
    }
  }

  func shutdown() async {
    client.beginGracefulShutdown()
    _ = try? await connections.value
  }
}

/// A grpc-swift-2 client for `127.0.0.1:port` whose calls send and ask for `size` bytes.
public func makeGRPCSwiftBenchClient(port: Int, size: Int) throws -> any BenchClient {
  try GRPCSwiftBenchClient(port: port, size: size)
}
