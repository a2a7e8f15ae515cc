import GRPCCore
import GRPCProtobuf
import SwiftProtobuf

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// `grpc.testing.TestService/UnaryCall` registered by hand against GRPCCore: the same work as
/// Sluice's interop server (decode a `SimpleRequest`, answer `response_size` zero bytes).
struct EchoService: RegistrableRPCService {
  static let unaryCall = MethodDescriptor(
    fullyQualifiedService: "grpc.testing.TestService", method: "UnaryCall")

  func registerMethods<Transport: ServerTransport>(with router: inout RPCRouter<Transport>) {
    router.registerHandler(
      forMethod: Self.unaryCall,
      deserializer: ProtobufDeserializer<Grpc_Testing_SimpleRequest>(),
      serializer: ProtobufSerializer<Grpc_Testing_SimpleResponse>()
    ) { streamingRequest, _ in
      let request = try await ServerRequest(stream: streamingRequest)
      var response = Grpc_Testing_SimpleResponse()
      var payload = Grpc_Testing_Payload()
      payload.body = Data(count: Int(request.message.responseSize))
      response.payload = payload
      return StreamingServerResponse(single: ServerResponse(message: response))
    }
  }
}
