import Foundation
import SluiceRuntime
import SluiceServer
import Testing

/// Backpressure over HTTP/1.1: a client that stops reading a large server stream holds
/// the handler back (the server does not buffer the stream), and a client uploading
/// faster than a client-streaming handler reads is paced by the server no longer
/// reading from the socket. Both calls then complete in full.
@Suite struct HTTP1BackpressureTests {
  static let messageSize = 65536

  private func start(_ service: PacedInteropService, maxBufferedRequestBytes: Int = 4 << 20)
    async throws -> (Server, Int)
  {
    let server = try Server(
      configuration: ServerConfiguration(
        port: 0, maxBufferedRequestBytes: maxBufferedRequestBytes),
      services: [service])
    let (_, port) = try await server.start()
    return (server, port)
  }

  private func head(_ path: String, contentType: String, _ extra: String) -> [UInt8] {
    Array(
      "POST \(path) HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: \(contentType)\r\n\(extra)\r\n"
        .utf8)
  }

  private static func varint(_ value: Int) -> [UInt8] {
    var value = value
    var out: [UInt8] = []
    while value >= 0x80 {
      out.append(UInt8(value & 0x7F) | 0x80)
      value >>= 7
    }
    return out + [UInt8(value)]
  }

  @Test func aSlowReaderHoldsTheServerStreamBack() async throws {
    let service = PacedInteropService()
    let (server, port) = try await start(service)
    defer { Task { await server.shutdown(gracePeriod: .seconds(1)) } }
    // 1000 messages of 64 KiB (about 87 KB each as JSON): 87 MB if it were buffered.
    let parameters = Array(repeating: #"{"size":\#(Self.messageSize)}"#, count: 1000)
    let request = HTTP1Curl.envelope(
      #"{"responseParameters":[\#(parameters.joined(separator: ","))]}"#)
    let socket = try HTTP1RawSocket(port: port, receiveBuffer: 16 << 10)
    try await socket.sendAll(
      head(
        "/grpc.testing.TestService/StreamingOutputCall", contentType: "application/connect+json",
        "content-length: \(request.count)\r\n")[...] + request)

    // Without reading, the handler gets only as far as the socket buffers and the
    // channel's high-water mark allow, and then stays there.
    var stalled = service.completedWrites.current
    for _ in 0..<20 {
      try await Task.sleep(for: .milliseconds(500))
      let now = service.completedWrites.current
      if now == stalled && now > 0 { break }
      stalled = now
    }
    #expect(service.completedWrites.current == stalled, "the handler kept writing")
    #expect(stalled > 0 && stalled < 150, "\(stalled) of 1000 written")

    let terminator = Array("\r\n0\r\n\r\n".utf8)
    let response = try await socket.receive { $0.count > 7 && Array($0.suffix(7)) == terminator }
    #expect(service.completedWrites.current == 1000)
    let endStream = Array("\r\n7\r\n".utf8) + [2, 0, 0, 0, 2] + Array("{}".utf8) + terminator
    #expect(Array(response.suffix(endStream.count)) == endStream, "the stream ended with an error")
  }

  @Test func aFastUploaderIsPacedByTheHandler() async throws {
    let service = PacedInteropService()
    let (server, port) = try await start(service, maxBufferedRequestBytes: 256 << 10)
    defer { Task { await server.shutdown(gracePeriod: .seconds(1)) } }
    // 400 StreamingInputCallRequest{payload: {body: 64 KiB of zeros}}, one chunk each.
    let messageCount = 400
    let payload = [0x12] + Self.varint(Self.messageSize) + [UInt8](repeating: 0, count: Self.messageSize)
    let message = [0x0A] + Self.varint(payload.count) + payload
    let count = UInt32(message.count)
    let envelope: [UInt8] =
      [0, UInt8(count >> 24), UInt8((count >> 16) & 0xFF), UInt8((count >> 8) & 0xFF),
       UInt8(count & 0xFF)] + message
    let chunk = Array(String(envelope.count, radix: 16).utf8) + [13, 10] + envelope + [13, 10]
    var upload = head(
      "/grpc.testing.TestService/StreamingInputCall", contentType: "application/connect+proto",
      "transfer-encoding: chunked\r\n")
    upload.reserveCapacity(upload.count + chunk.count * messageCount + 5)
    for _ in 0..<messageCount { upload += chunk }
    upload += Array("0\r\n\r\n".utf8)
    let socket = try HTTP1RawSocket(port: port, sendBuffer: 256 << 10)

    // The handler reads nothing yet: the server stops reading once it holds 256 KiB,
    // so the kernel buffers fill and sending stalls far short of the 25 MiB.
    var sent = 0
    let stopTrying = ContinuousClock.now + .seconds(2)
    while ContinuousClock.now < stopTrying && sent < upload.count {
      let count = try socket.sendSome(upload[sent...])
      sent += count
      if count == 0 { try await Task.sleep(for: .milliseconds(1)) }
    }
    #expect(sent < 8 << 20, "sent \(sent) bytes before the handler read any")

    service.gate.open()
    try await socket.sendAll(upload[sent...])
    // One message and the end-stream envelope, sent with a content-length.
    let endStream: [UInt8] = [2, 0, 0, 0, 2] + Array("{}".utf8)
    let response = try await socket.receive { Array($0.suffix(7)) == endStream }
    let aggregated = [0x08] + Self.varint(messageCount * Self.messageSize)
    #expect(
      response.firstRange(of: aggregated) != nil,
      "no aggregatedPayloadSize \(messageCount * Self.messageSize) in the response")
  }
}
