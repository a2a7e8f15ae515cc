import SluiceRuntime
import Testing

/// Which responses a policy compresses, and what a request negotiates.
@Suite struct ResponseCompressionPolicyTests {
  @Test func theDefaultCompressesLargeMessagesOnly() {
    let policy = ResponseCompressionPolicy()
    #expect(policy.mayCompress(negotiated: .gzip, preference: .automatic))
    #expect(!policy.shouldCompress(size: 1_023, negotiated: .gzip, preference: .automatic))
    #expect(policy.shouldCompress(size: 1_024, negotiated: .gzip, preference: .automatic))
    #expect(policy.shouldCompress(size: 1_024, negotiated: .deflate, preference: .automatic))
    #expect(!policy.shouldCompress(size: 1 << 20, negotiated: .identity, preference: .automatic))
  }

  @Test func handlersDecidePerCall() {
    let policy = ResponseCompressionPolicy()
    #expect(policy.shouldCompress(size: 1, negotiated: .gzip, preference: .enabled))
    #expect(!policy.shouldCompress(size: 1 << 20, negotiated: .gzip, preference: .disabled))
    #expect(!policy.mayCompress(negotiated: .gzip, preference: .disabled))
    let optIn = ResponseCompressionPolicy(compressesByDefault: false)
    #expect(!optIn.shouldCompress(size: 1 << 20, negotiated: .gzip, preference: .automatic))
    #expect(optIn.shouldCompress(size: 1, negotiated: .gzip, preference: .enabled))
  }

  @Test func disabledAndRestrictedPoliciesWinOverHandlers() {
    #expect(!ResponseCompressionPolicy.disabled.mayCompress(negotiated: .gzip, preference: .enabled))
    let gzipOnly = ResponseCompressionPolicy(algorithms: [.gzip])
    #expect(!gzipOnly.mayCompress(negotiated: .deflate, preference: .enabled))
    #expect(ResponseCompressionPolicy(algorithms: [.identity]).algorithms.isEmpty)
  }

  @Test func parametersAreClamped() {
    let policy = ResponseCompressionPolicy(minimumMessageSize: -5, level: 42)
    #expect(policy.minimumMessageSize == 0 && policy.level == 9)
    #expect(ResponseCompressionPolicy(level: -1).level == 1)
  }

  private static let method = MethodDescriptor(
    service: "sluice.test.Probe", method: "Echo", kind: .unary, inputType: "bytes",
    outputType: "bytes")

  private static func negotiate(
    _ headers: [(String, String)], options: ServerProtocolOptions
  ) throws -> CompressionAlgorithm {
    let service = ProbeService()
    let router = try RPCRouter(services: [service])
    var parser = RequestHeadParser(router: router, options: options)
    for (name, value) in headers {
      parser.add(name: name, value: value)
    }
    guard case .accepted(let request) = parser.classify() else {
      Issue.record("request rejected")
      return .identity
    }
    return request.responseCompression
  }

  private struct ProbeService: RPCService {
    static let serviceDescriptor = ServiceDescriptor(
      fullName: "sluice.test.Probe", methods: [ResponseCompressionPolicyTests.method])
    func handlers() -> [RPCHandler] {
      [RPCHandler(method: ResponseCompressionPolicyTests.method, body: .unary { r, _, _ in r })]
    }
  }

  @Test func gzipIsPreferredAndListOrderIgnored() throws {
    let both = ServerProtocolOptions(supportedCompression: [.gzip, .deflate])
    let grpc: [(String, String)] = [
      (":method", "POST"), (":scheme", "http"), (":path", "/sluice.test.Probe/Echo"),
      ("content-type", "application/grpc"), ("te", "trailers"),
    ]
    let table: [(String, CompressionAlgorithm)] = [
      ("identity,deflate,gzip", .gzip), ("deflate", .deflate), ("identity", .identity),
      ("gzip;q=0, deflate", .deflate), ("snappy", .identity),
    ]
    for (accept, expected) in table {
      let negotiated = try Self.negotiate(grpc + [("grpc-accept-encoding", accept)], options: both)
      #expect(negotiated == expected, "\(accept)")
    }
    var disabled = both
    disabled.responseCompression = .disabled
    #expect(try Self.negotiate(grpc + [("grpc-accept-encoding", "gzip")], options: disabled) == .identity)
  }

  @Test func connectWithoutAcceptListAnswersInKindWhenThePolicyAllows() throws {
    let both = ServerProtocolOptions(supportedCompression: [.gzip, .deflate])
    let connect: [(String, String)] = [
      (":method", "POST"), (":scheme", "http"), (":path", "/sluice.test.Probe/Echo"),
      ("content-type", "application/proto"), ("content-encoding", "deflate"),
    ]
    #expect(try Self.negotiate(connect, options: both) == .deflate)
    var gzipOnly = both
    gzipOnly.responseCompression = ResponseCompressionPolicy(algorithms: [.gzip])
    #expect(try Self.negotiate(connect, options: gzipOnly) == .identity)
  }
}
