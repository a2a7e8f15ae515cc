import Foundation
import Testing

@testable import SluiceCodegen

@Suite struct ServiceEmitterTests {
  private static let location = SourceLocation(file: "test.proto", line: 1, column: 1)

  private static func message(_ fullName: String) -> MessageDescriptor {
    MessageDescriptor(
      name: String(fullName.split(separator: ".").last!), fullName: fullName, location: location)
  }

  private static func method(
    _ name: String, _ input: String, _ output: String, client: Bool = false, server: Bool = false,
    idempotency: IdempotencyLevel = .unknown, deprecated: Bool = false, comment: String = ""
  ) -> MethodDescriptor {
    MethodDescriptor(
      name: name, inputType: input, outputType: output, clientStreaming: client,
      serverStreaming: server, idempotencyLevel: idempotency, isDeprecated: deprecated,
      comments: Comments(leading: comment), location: location)
  }

  private static func render(
    _ file: FileDescriptor, others: [FileDescriptor] = [], visibility: String? = nil,
    withSet: Bool = true
  ) throws -> String {
    let set = SchemaSet(files: others + [file], requestedFiles: [file.name])
    let naming = try SwiftNaming(set: set)
    let emitter =
      if let visibility {
        ServiceEmitter(typeName: naming.typeName, visibility: visibility, set: withSet ? set : nil)
      } else {
        ServiceEmitter(typeName: naming.typeName, set: withSet ? set : nil)
      }
    return file.services.map { emitter.render($0, in: file) }.joined(separator: "\n")
  }

  /// The echo service of the runtime's end-to-end tests (`EchoService.swift` there holds
  /// this fixture verbatim): every kind of RPC.
  static func echoFile() -> FileDescriptor {
    let request = "echo.v1.EchoRequest"
    let response = "echo.v1.EchoResponse"
    return FileDescriptor(
      name: "echo/v1/echo.proto", package: "echo.v1",
      messages: [message(request), message(response)],
      services: [
        ServiceDescriptor(
          name: "EchoService", fullName: "echo.v1.EchoService",
          methods: [
            method("Get", request, response, comment: " Echoes one request."),
            method("Expand", request, response, server: true, idempotency: .noSideEffects),
            method("Collect", request, response, client: true),
            method("Update", request, response, client: true, server: true),
          ],
          comments: Comments(leading: " Echoes what it is sent, in the four shapes of RPC."),
          location: location)
      ])
  }

  @Test func echoService() throws {
    try ServiceEmitterGolden.check(try Self.render(Self.echoFile()), fixture: "EchoService.swift")
  }

  /// RuntimeTests compile and run the generated echo service; with `SLUICE_BLESS=1` its
  /// copy there is rewritten too.
  @Test func runtimeTestsUseTheEchoFixture() throws {
    let runtimeCopy = ServiceEmitterGolden.fixtures
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("RuntimeTests/RPC/TestUtilities/EchoService.swift")
    let generated = try Self.render(Self.echoFile())
    if ProcessInfo.processInfo.environment["SLUICE_BLESS"] == "1" {
      let header = """
        // The code ServiceEmitter generates for echo/v1/echo.proto, copied verbatim from
        // Tests/CodegenTests/Fixtures/ServiceEmitter/EchoService.swift (a CodegenTests test checks
        // the copy), so these tests compile and run exactly what the generator emits.

        public import SluiceRuntime


        """
      try (header + generated).write(to: runtimeCopy, atomically: true, encoding: .utf8)
    }
    let copy = try String(contentsOf: runtimeCopy, encoding: .utf8)
    #expect(
      copy.contains(generated),
      "RuntimeTests' EchoService.swift must embed the generated code verbatim")
  }

  @Test func ingestServiceWithImportsDocsAndDeprecation() throws {
    let timestamp = FileDescriptor(
      name: "google/protobuf/timestamp.proto", package: "google.protobuf",
      messages: [Self.message("google.protobuf.Timestamp")])
    let common = FileDescriptor(
      name: "sluice/v1/common-types.proto", package: "sluice.v1",
      dependencies: ["google/protobuf/timestamp.proto"],
      messages: [Self.message("sluice.v1.Event")])
    let file = FileDescriptor(
      name: "sluice/v1/ingest.proto", package: "sluice.v1",
      dependencies: ["sluice/v1/common-types.proto"],
      messages: [
        Self.message("sluice.v1.IngestRequest"), Self.message("sluice.v1.IngestResponse"),
        Self.message("sluice.v1.TailRequest"),
      ],
      services: [
        ServiceDescriptor(
          name: "IngestService", fullName: "sluice.v1.IngestService",
          methods: [
            Self.method(
              "Ingest", "sluice.v1.IngestRequest", "sluice.v1.IngestResponse",
              idempotency: .idempotent,
              comment: " Stores events durably.\n\n Answers OK only when every event is stored."),
            Self.method("Tail", "sluice.v1.TailRequest", "sluice.v1.Event", server: true),
            Self.method(
              "IngestStream", "sluice.v1.Event", "sluice.v1.IngestResponse", client: true,
              deprecated: true),
          ],
          location: Self.location)
      ])
    try ServiceEmitterGolden.check(
      try Self.render(file, others: [timestamp, common]), fixture: "IngestService.swift")
  }

  @Test func deprecatedServiceWithPrefixKeywordsAndInternalVisibility() throws {
    let file = FileDescriptor(
      name: "legacy.proto", package: "legacy",
      dependencies: ["shared/base.proto", "google/protobuf/empty.proto"],
      messages: [Self.message("legacy.Thing")],
      services: [
        ServiceDescriptor(
          name: "OldService", fullName: "legacy.OldService",
          methods: [
            Self.method("Default", "legacy.Thing", "legacy.Thing"),
            Self.method("URLFetch", "legacy.Thing", "legacy.Thing", client: true, server: true),
          ],
          isDeprecated: true, comments: Comments(leading: " Kept for old clients."),
          location: Self.location)
      ],
      options: [
        OptionValue(
          name: "swift_prefix", value: .string(Array("Old".utf8)), location: Self.location)
      ])
    try ServiceEmitterGolden.check(
      try Self.render(file, visibility: "internal", withSet: false), fixture: "OldService.swift")
  }

  @Test func visibilityKeywords() throws {
    let file = Self.echoFile()
    let internalCode = try Self.render(file, visibility: "")
    #expect(!internalCode.contains("public "))
    #expect(internalCode.contains("\n  enum Method {"))
    let packageCode = try Self.render(file, visibility: "package ")
    #expect(packageCode.contains("package enum Echo_V1_EchoService {"))
    #expect(packageCode.contains("  package static func") == false)
    #expect(packageCode.contains("package func handlers() -> [RPCHandler]"))
  }
}
