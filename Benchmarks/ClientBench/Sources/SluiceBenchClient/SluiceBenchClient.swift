public import BenchSupport
import SluiceClient
import SluiceRuntime

/// The Sluice client under test: a ``ClientChannel`` to the server and the generated
/// `grpc.testing.TestService` client (made by Sluice's build plugin from
/// `Schemas/grpc/testing`).
struct SluiceBenchClient: BenchClient {
  let channel: ClientChannel
  let client: Grpc_Testing_TestService.Client
  let request: Grpc_Testing_SimpleRequest
  let size: Int

  func call() async throws {
    let response = try await client.unaryCall(request)
    guard response.payload?.body.count == size else {
      throw UnexpectedResponse("a payload of \(response.payload?.body.count ?? 0) bytes")
    }
  }

  func shutdown() async {
    channel.close()
  }
}

/// A Sluice client for `127.0.0.1:port` whose calls send and ask for `size` bytes.
public func makeSluiceBenchClient(port: Int, size: Int) throws -> any BenchClient {
  let channel = try ClientChannel(target: .addresses([.ipv4(host: "127.0.0.1", port: port)]))
  var payload = Grpc_Testing_Payload()
  payload.body = [UInt8](repeating: 0, count: size)
  var request = Grpc_Testing_SimpleRequest()
  request.responseSize = Int32(size)
  request.payload = payload
  return SluiceBenchClient(
    channel: channel, client: Grpc_Testing_TestService.Client(transport: channel),
    request: request, size: size)
}
