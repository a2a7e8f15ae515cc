import SluiceRuntime
import Testing

@Suite struct RPCRouterTests {
  private static func method(_ service: String, _ name: String) -> MethodDescriptor {
    MethodDescriptor(
      service: service, method: name, kind: .unary, inputType: "x.In", outputType: "x.Out")
  }

  private static func handler(_ service: String, _ name: String) -> RPCHandler {
    RPCHandler(method: method(service, name), body: .unary { bytes, _, _ in bytes })
  }

  @Test func findsHandlersOfRegisteredServices() throws {
    let router = try RPCRouter(services: [EchoServiceImpl(probe: EchoProbe())])
    #expect(router.services.map(\.fullName) == ["echo.v1.EchoService"])
    #expect(router.handlers.count == 4)
    for method in Echo_V1_EchoService.descriptor.methods {
      let handler = try #require(router.handler(forPath: method.path))
      #expect(handler.method == method)
      #expect(handler.kind == method.kind)
    }
    #expect(router.handler(forPath: "/echo.v1.EchoService/Missing") == nil)
    #expect(router.handler(forPath: "") == nil)
    #expect(router.handler(forPath: "/echo.v1.EchoService/get") == nil)
  }

  @Test func findsHandlersByPathBytes() throws {
    var router = RPCRouter()
    #expect(router.handler(forPath: "/a.S/M") == nil)
    for index in 0..<100 {
      try router.register(Self.handler("pkg.Service\(index % 7)", "Method\(index)"))
    }
    for index in 0..<100 {
      let path = Array("/pkg.Service\(index % 7)/Method\(index)".utf8)
      let found = path.withUnsafeBytes { router.handler(forPath: $0) }
      #expect(found?.method.method == "Method\(index)")
    }
    let missing = Array("/pkg.Service0/Method100".utf8)
    #expect(missing.withUnsafeBytes { router.handler(forPath: $0) } == nil)
  }

  @Test func refusesDuplicates() throws {
    var router = try RPCRouter(services: [EchoServiceImpl(probe: EchoProbe())])
    #expect(throws: RPCRouter.RegistrationError.duplicateService("echo.v1.EchoService")) {
      try router.register(EchoServiceImpl(probe: EchoProbe()))
    }
    #expect(throws: RPCRouter.RegistrationError.duplicateMethod(path: "/echo.v1.EchoService/Get")) {
      try router.register(Self.handler("echo.v1.EchoService", "Get"))
    }
    try router.register(Self.handler("other.Service", "Get"))
    #expect(router.handlers.count == 5)
    #expect(router.services.count == 1)
    #expect(
      RPCRouter.RegistrationError.duplicateMethod(path: "/a/b").description
        == "method /a/b is registered twice")
  }

  private struct TwiceService: RPCService {
    static var serviceDescriptor: ServiceDescriptor {
      ServiceDescriptor(fullName: "t.Twice", methods: [])
    }
    func handlers() -> [RPCHandler] {
      [RPCRouterTests.handler("t.Twice", "M"), RPCRouterTests.handler("t.Twice", "M")]
    }
  }

  @Test func refusesAServiceWithDuplicateHandlersWithoutChangingTheRouter() throws {
    var router = RPCRouter()
    #expect(throws: RPCRouter.RegistrationError.duplicateMethod(path: "/t.Twice/M")) {
      try router.register(TwiceService())
    }
    #expect(router.handlers.isEmpty)
    #expect(router.services.isEmpty)
  }
}
