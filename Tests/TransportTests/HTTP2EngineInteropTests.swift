import Foundation
import SluiceRuntime
import Testing

@testable import SluiceTransport

/// The server engine against hyper-h2, an HTTP/2 implementation independent
/// of nghttp2, driven over pipes (Fixtures/H2Interop/h2_client_peer.py).
/// Needs python3 with the `h2` package.
@Suite("HTTP2Engine interop with hyper-h2")
struct HTTP2EngineInteropTests {
  static let peerScript = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/H2Interop/h2_client_peer.py")

  static let h2Available: Bool = {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", "import h2"]
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return false }
    process.waitUntilExit()
    return process.terminationStatus == 0
  }()

  @Test("Echo with flow control, a headers-only response, PING and GOAWAY", .enabled(if: h2Available))
  func echoAgainstHyperH2() throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", Self.peerScript.path]
    let toPeer = Pipe()
    let fromPeer = Pipe()
    let peerErrors = Pipe()
    process.standardInput = toPeer
    process.standardOutput = fromPeer
    process.standardError = peerErrors
    try process.run()

    let server = try HTTP2Engine(role: .server)
    var events: [HTTP2EngineEvent] = []
    var output: [UInt8] = []
    var echoed = 0
    var sawGoAway = false
    while let chunk = Self.readChunk(fromPeer.fileHandleForReading) {
      try chunk.withUnsafeBytes { try server.receive($0) }
      server.takeEvents(into: &events)
      for event in events {
        switch event {
        case .requestHeaders(1, let headers, false):
          #expect(headers.firstString(name: "x-request-bin") == "AAEC")
          try server.submitResponse(streamID: 1, headers: responseHeaders(), endStream: false)
        case .requestHeaders(3, _, true):
          try server.submitResponse(streamID: 3, headers: HTTP2Headers([(":status", "204")]), endStream: true)
        case .data(1, let bytes, let end):
          try server.consume(streamID: 1, byteCount: bytes.count)
          try server.sendData(streamID: 1, bytes: bytes, endStream: false)
          echoed += bytes.count
          if end {
            try server.submitTrailers(streamID: 1, headers: HTTP2Headers([("grpc-status", "0")]))
          }
        case .goAway(_, .noError, _):
          sawGoAway = true
        default:
          break
        }
      }
      events.removeAll()
      output.removeAll()
      for _ in 0..<100 where server.wantsWrite {
        server.produceOutput(into: &output)
      }
      Self.writeChunk(output, to: toPeer.fileHandleForWriting)
    }
    process.waitUntilExit()
    let diagnostics = String(decoding: peerErrors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    #expect(process.terminationStatus == 0, "\(diagnostics)")
    #expect(echoed == 100_000)
    #expect(sawGoAway)
  }

  private static func readChunk(_ handle: FileHandle) -> [UInt8]? {
    guard let header = try? handle.read(upToCount: 4), header.count == 4 else { return nil }
    let length = header.reduce(0) { $0 << 8 | Int($1) }
    var bytes: [UInt8] = []
    while bytes.count < length {
      guard let data = try? handle.read(upToCount: length - bytes.count), !data.isEmpty else { return nil }
      bytes += data
    }
    return bytes
  }

  private static func writeChunk(_ bytes: [UInt8], to handle: FileHandle) {
    let length = UInt32(bytes.count)
    let header = [UInt8(length >> 24), UInt8((length >> 16) & 0xFF), UInt8((length >> 8) & 0xFF), UInt8(length & 0xFF)]
    handle.write(Data(header + bytes))
  }
}
