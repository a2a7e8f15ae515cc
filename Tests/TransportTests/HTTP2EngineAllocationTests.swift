// Heap allocations per exchange, counted by a malloc-interposing C target
// (CAllocationCounter). Without that target in the package this file is empty.
#if canImport(CAllocationCounter)
import CAllocationCounter
import SluiceRuntime
import Testing

@testable import SluiceTransport

@Suite("HTTP2Engine and compression allocation counts")
struct HTTP2EngineAllocationTests {
  /// Allocations made by the calling thread while `body` runs.
  static func allocations(_ body: () throws -> Void) rethrows -> UInt64 {
    let before = csluice_thread_allocations()
    try body()
    return csluice_thread_allocations() - before
  }

  /// One gRPC-style unary exchange on an established connection, in memory.
  final class UnaryLoop {
    let client: HTTP2Engine
    let server: HTTP2Engine
    let request = HTTP2Headers([
      (":method", "POST"), (":scheme", "http"), (":path", "/grpc.testing.TestService/UnaryCall"),
      (":authority", "localhost:50051"), ("content-type", "application/grpc"), ("te", "trailers"),
      ("grpc-accept-encoding", "identity,deflate,gzip"), ("user-agent", "grpc-python/1.70.0 grpc-c/45.0.0"),
    ])
    let response = HTTP2Headers([
      (":status", "200"), ("content-type", "application/grpc"), ("grpc-accept-encoding", "identity,deflate,gzip"),
    ])
    let trailers = HTTP2Headers([("grpc-status", "0")])
    let message = [UInt8](repeating: 7, count: 105)
    var clientToServer: [UInt8] = []
    var serverToClient: [UInt8] = []
    var serverEvents: [HTTP2EngineEvent] = []
    var clientEvents: [HTTP2EngineEvent] = []
    var serverAllocations: UInt64 = 0
    var clientAllocations: UInt64 = 0

    init() throws {
      self.client = try HTTP2Engine(role: .client)
      self.server = try HTTP2Engine(role: .server)
      self.clientToServer.reserveCapacity(1 << 16)
      self.serverToClient.reserveCapacity(1 << 16)
      self.serverEvents.reserveCapacity(64)
      self.clientEvents.reserveCapacity(64)
      for _ in 0..<3 {
        try self.clientSends()
        try self.serverAnswers()
        try self.clientReceives()
      }
    }

    func run(_ count: Int) throws {
      self.serverAllocations = 0
      self.clientAllocations = 0
      for _ in 0..<count {
        try self.clientSends()
        try self.serverAnswers()
        try self.clientReceives()
      }
    }

    func clientSends() throws {
      self.clientAllocations += try allocations {
        let id = try self.client.submitRequest(headers: self.request, endStream: false)
        try self.client.sendData(streamID: id, bytes: self.message, endStream: true)
        self.clientToServer.removeAll(keepingCapacity: true)
        self.client.produceOutput(into: &self.clientToServer)
      }
    }

    func serverAnswers() throws {
      self.serverAllocations += try allocations {
        try self.clientToServer.withUnsafeBytes { try self.server.receive($0) }
        self.server.takeEvents(into: &self.serverEvents)
      }
      // Scanning the events is the caller's business, not counted.
      var streamID: Int32 = 0
      var received = 0
      for case .data(let id, let bytes, true) in self.serverEvents {
        streamID = id
        received = bytes.count
      }
      self.serverEvents.removeAll(keepingCapacity: true)
      self.serverAllocations += try allocations {
        try self.server.consume(streamID: streamID, byteCount: received)
        try self.server.submitResponse(streamID: streamID, headers: self.response, endStream: false)
        try self.server.sendData(streamID: streamID, bytes: self.message, endStream: false)
        try self.server.submitTrailers(streamID: streamID, headers: self.trailers)
        self.serverToClient.removeAll(keepingCapacity: true)
        self.server.produceOutput(into: &self.serverToClient)
      }
    }

    func clientReceives() throws {
      self.clientAllocations += try allocations {
        try self.serverToClient.withUnsafeBytes { try self.client.receive($0) }
        self.client.takeEvents(into: &self.clientEvents)
      }
      var streamID: Int32 = 0
      var received = 0
      for case .data(let id, let bytes, _) in self.clientEvents {
        streamID = id
        received += bytes.count
      }
      self.clientEvents.removeAll(keepingCapacity: true)
      self.clientAllocations += try allocations {
        try self.client.consume(streamID: streamID, byteCount: received)
        self.clientToServer.removeAll(keepingCapacity: true)
        self.client.produceOutput(into: &self.clientToServer)
      }
      if !self.clientToServer.isEmpty {
        // Window updates go back to the server.
        self.serverAllocations += try allocations {
          try self.clientToServer.withUnsafeBytes { try self.server.receive($0) }
        }
      }
    }
  }

  @Test("Allocations per unary exchange on an established connection")
  func unaryExchange() throws {
    let loop = try UnaryLoop()
    let exchanges = 1_000
    try loop.run(exchanges)
    let server = Double(loop.serverAllocations) / Double(exchanges)
    let client = Double(loop.clientAllocations) / Double(exchanges)
    print("allocations per unary exchange: server \(server), client \(client)")
    // Server, 9: nghttp2 7 (stream; one HPACK literal, as nghttp2's client
    // never indexes :path; response HEADERS item + name/value copy; DATA item;
    // trailer item + copy) and the engine 2 (request header block, request bytes).
    #expect(server <= 9)
    // Client, 7: nghttp2 4 (request item + copy, stream, DATA item) and the
    // engine 3 (response header block, response bytes, trailer block).
    #expect(client <= 7)
  }

  @Test("Allocations to open a server engine")
  func engineSetup() throws {
    _ = try HTTP2Engine(role: .server)
    let count = try Self.allocations { _ = try HTTP2Engine(role: .server) }
    print("allocations to create and free a server engine: \(count)")
    #expect(count <= 40)
  }

  @Test("Compressing and decompressing with a reused codec allocates nothing per message")
  func compressionReuse() throws {
    let message = testBytes(count: 4_096)
    let compressor = try Compressor(algorithm: .gzip)
    let decompressor = try Decompressor(algorithm: .gzip, maxDecompressedSize: 1 << 20)
    var compressed: [UInt8] = []
    var output: [UInt8] = []
    compressed.reserveCapacity(1 << 16)
    output.reserveCapacity(1 << 16)
    try compressor.compress(message, into: &compressed)
    try decompressor.decompress(compressed, into: &output)
    let reused = try Self.allocations {
      for _ in 0..<100 {
        compressed.removeAll(keepingCapacity: true)
        output.removeAll(keepingCapacity: true)
        try compressor.compress(message, into: &compressed)
        try decompressor.decompress(compressed, into: &output)
      }
    }
    let fresh = try Self.allocations {
      for _ in 0..<100 {
        compressed.removeAll(keepingCapacity: true)
        output.removeAll(keepingCapacity: true)
        try Compressor(algorithm: .gzip).compress(message, into: &compressed)
        try Decompressor(algorithm: .gzip, maxDecompressedSize: 1 << 20).decompress(compressed, into: &output)
      }
    }
    let freshBytes = try {
      let before = csluice_thread_allocated_bytes()
      try Compressor(algorithm: .gzip).compress(message, into: &compressed)
      return csluice_thread_allocated_bytes() - before
    }()
    print("gzip round trip of 4 KiB, allocations per message: reused \(Double(reused) / 100), new codecs \(Double(fresh) / 100); new compressor bytes \(freshBytes)")
    #expect(reused == 0)
  }

  @Test("A decompression bomb allocates no more than the limit")
  func bombAllocation() throws {
    var bomb: [UInt8] = []
    try Compressor(algorithm: .gzip, level: 9).compress([UInt8](repeating: 0, count: 10_000_000), into: &bomb)
    let decompressor = try Decompressor(algorithm: .gzip, maxDecompressedSize: 4 << 20)
    var output: [UInt8] = []
    let before = csluice_thread_allocated_bytes()
    #expect(throws: CompressionError.limitExceeded(limit: 4 << 20)) {
      try decompressor.decompress(bomb, into: &output)
    }
    let bytes = csluice_thread_allocated_bytes() - before
    print("bytes allocated while refusing a 10 MB bomb with a 4 MiB limit: \(bytes)")
    #expect(bytes < 9 << 20)
  }
}
#endif
