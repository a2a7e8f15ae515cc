import SluiceClient
import SluiceGenerated
import SluiceRuntime
import SluiceTransport
import Synchronization
import Testing

/// The ``ClientStream`` contract on a real connection: both directions under flow
/// control, writes after the end, dropping a stream.
@Suite struct StreamingCallTests {
  @Test func largeMessagesBothWaysUnderFlowControl() async throws {
    let server = try await SluiceInteropServer.start()
    let transport = try makeTransport(port: server.port, tls: false)
    let client = Grpc_Testing_TestService.Client(transport: transport)
    let rounds = 24
    let size = 300_000
    let received = try await client.fullDuplexCall { writer in
      for _ in 0..<rounds {
        var request = Grpc_Testing_StreamingOutputCallRequest()
        request.payload = InteropCase.payload(size)
        request.responseParameters = [InteropCase.parameters(size)]
        try await writer.write(request)
      }
    } responses: { responses in
      var sizes: [Int] = []
      for try await response in responses { sizes.append(response.payload?.body.count ?? 0) }
      return sizes
    }
    #expect(received == Array(repeating: size, count: rounds))
    transport.close()
    await server.stop()
  }

  @Test func writesAfterTheEnd() async throws {
    let server = try await SluiceInteropServer.start()
    let transport = try makeTransport(port: server.port, tls: false)

    // The server ended the call with an error: writes throw it.
    let failed = try await transport.stream(
      method: Grpc_Testing_TestService.Method.fullDuplexCall, options: CallOptions())
    var failing = Grpc_Testing_StreamingOutputCallRequest()
    var status = Grpc_Testing_EchoStatus()
    status.code = 3
    status.message = "bad"
    failing.responseStatus = status
    // The server may answer before this write returns; the write then reports the error.
    let firstWriteError = await rpcError { try await failed.write(failing.serializedBytes()) }
    let readError = await rpcError { _ = try await failed.nextResponse() }
    let writeError = await rpcError { try await failed.write([]) }
    #expect(readError?.code == .invalidArgument)
    #expect(firstWriteError == nil || firstWriteError == readError)
    #expect(writeError == readError)

    // Writing after finishRequests() is a programming error.
    let finished = try await transport.stream(
      method: Grpc_Testing_TestService.Method.fullDuplexCall, options: CallOptions())
    await finished.finishRequests()
    let late = await rpcError { try await finished.write([]) }
    #expect(late?.code == .internal)
    #expect(try await finished.nextResponse() == nil)
    transport.close()
    await server.stop()
  }

  @Test func writesAfterAnOKEndAreDropped() async throws {
    let server = ScriptedServer { responder, streamID in
      responder.sendHeaders(streamID)
      responder.sendTrailers(streamID)
    }
    let port = try await server.start()
    let transport = try makeTransport(port: port, tls: false)
    let stream = try await transport.stream(method: rawMethod(.bidirectionalStreaming), options: CallOptions())
    #expect(try await stream.nextResponse() == nil)
    try await stream.write([1])
    try await stream.write([2])
    await stream.finishRequests()
    transport.close()
    await server.stop()
  }

  @Test func droppingAStreamCancelsItsCall() async throws {
    let server = ScriptedServer { responder, streamID in responder.sendHeaders(streamID) }
    let port = try await server.start()
    let transport = try makeTransport(port: port, tls: false)
    var stream: (any ClientStream)? = try await transport.stream(
      method: rawMethod(.bidirectionalStreaming), options: CallOptions())
    _ = try await stream?.responseMetadata()
    stream = nil
    #expect(await eventually { server.requests.first?.closeCode == .cancel })
    transport.close()
    await server.stop()
  }

  @Test func aCancelledReaderCancelsTheCall() async throws {
    let server = ScriptedServer { responder, streamID in responder.sendHeaders(streamID) }
    let port = try await server.start()
    let transport = try makeTransport(port: port, tls: false)
    let stream = try await transport.stream(method: rawMethod(.serverStreaming), options: CallOptions())
    let reader = Task { await rpcError { _ = try await stream.nextResponse() } }
    #expect(await eventually { server.requests.count == 1 })
    reader.cancel()
    #expect(await reader.value?.code == .cancelled)
    #expect(await eventually { server.requests.first?.closeCode == .cancel })
    transport.close()
    await server.stop()
  }

  @Test func deadlinesEndStreamingCalls() async throws {
    let server = ScriptedServer { responder, streamID in
      responder.sendHeaders(streamID)
      responder.sendMessage(streamID, [1])
    }
    let port = try await server.start()
    let transport = try makeTransport(port: port, tls: false)
    let stream = try await transport.stream(
      method: rawMethod(.serverStreaming), options: CallOptions(timeout: .seconds(1)))
    // The server never ends the call: the deadline does. (A stalled machine may reach the
    // deadline before the first message is read; both orders are right.)
    var received: [[UInt8]] = []
    let error = await rpcError {
      while let message = try await stream.nextResponse() { received.append(message) }
    }
    #expect(error?.code == .deadlineExceeded)
    #expect(received == [] || received == [[1]])
    #expect(await eventually { server.requests.first?.closeCode == .cancel })
    transport.close()
    await server.stop()
  }

  @Test func writesSuspendWhileTheServerTakesNothing() async throws {
    let server = ScriptedServer { responder, _ in responder.stopReading() }
    let port = try await server.start()
    let transport = try makeTransport(port: port, tls: false)
    let stream = try await transport.stream(method: rawMethod(.clientStreaming), options: CallOptions())
    let written = Mutex(0)
    let writer = Task {
      await rpcError {
        for _ in 0..<256 {
          try await stream.write([UInt8](repeating: 1, count: 16 * 1024))
          written.withLock { $0 += 1 }
        }
      }
    }
    try await Task.sleep(for: .seconds(1))
    // At most the server's window, the stream's queue and the bytes in flight to the
    // event loop, 64 KiB each (measured: 11 writes), out of 4 MiB.
    let count = written.withLock { $0 }
    #expect(count > 0 && count < 32, "\(count) writes of 16 KiB completed")
    stream.cancel()
    #expect(await writer.value?.code == .cancelled)
    transport.close()
    await server.stop()
  }
}
