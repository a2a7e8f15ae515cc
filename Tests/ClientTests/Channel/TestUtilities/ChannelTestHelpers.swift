import NIOCore
import SluiceClient
import SluiceRuntime

/// A raw method marked idempotent, so a retry policy applies to it.
func idempotentMethod(_ kind: RPCKind = .unary) -> MethodDescriptor {
  MethodDescriptor(
    service: "sluice.test.Scripted", method: "Idempotent", kind: kind, inputType: "bytes",
    outputType: "bytes", idempotencyLevel: .idempotent)
}

/// A channel to `127.0.0.1:port`.
func localChannel(
  port: Int, configuration: ClientChannel.Configuration = ClientChannel.Configuration(),
  eventLoopGroup: (any EventLoopGroup)? = nil
) throws -> ClientChannel {
  try ClientChannel(
    target: .addresses([.ipv4(host: "127.0.0.1", port: port)]), configuration: configuration,
    eventLoopGroup: eventLoopGroup)
}

/// Answers every request with one message (`reply`) and status OK.
func answering(_ reply: [UInt8] = [1]) -> ScriptedServer.Script {
  { responder, streamID in
    responder.sendHeaders(streamID)
    responder.sendMessage(streamID, reply)
    responder.sendTrailers(streamID)
  }
}

/// Ends the call at once with `status` in a trailers-only response (and `extra` fields).
func failing(_ responder: Responder, _ streamID: Int32, status: Int, extra: [(String, String)] = []) {
  responder.sendHeaders(
    streamID,
    [(":status", "200"), ("content-type", "application/grpc"), ("grpc-status", String(status))]
      + extra,
    endStream: true)
}
