/// Emits the RPC code of a service: a namespace enum (`Sluice_V1_IngestService`) holding
/// the service and method descriptors, the `ServiceProtocol` servers implement, the typed
/// `Client`, and an extension giving every `ServiceProtocol` its `RPCService` members
/// (descriptor and handlers). The code targets the RPC API of `SluiceRuntime`.
///
/// Deprecated methods and services mark the client side `@available(*, deprecated)`;
/// the server side only gets a doc note, since the generated handlers call it.
struct ServiceEmitter {
  /// Qualified Swift name of a message, by full name.
  let typeName: (String) -> String
  /// The access keyword followed by a space (`public `), or empty for internal.
  let visibility: String
  /// The schema set, to list every file a service's file imports (directly or not) for
  /// reflection; without it only direct imports are listed.
  let set: SchemaSet?

  /// Creates an emitter. `visibility` is an access keyword (`public`, `package`,
  /// `internal`), with or without a trailing space; empty means internal.
  init(
    typeName: @escaping (String) -> String, visibility: String = "public", set: SchemaSet? = nil
  ) {
    self.typeName = typeName
    let keyword = String(visibility.filter { $0 != " " })
    self.visibility = keyword.isEmpty || keyword == "internal" ? "" : keyword + " "
    self.set = set
  }

  /// Doc note on declarations deprecated in the schema (the message emitter's wording).
  static let deprecationNote = "- Note: Deprecated in the schema."

  /// Whether comments have no text.
  static func isEmpty(_ comments: Comments) -> Bool {
    SwiftWriter.commentLines(comments.leading).isEmpty
      && SwiftWriter.commentLines(comments.trailing).isEmpty
  }

  /// The code of `service`, declared in `file`.
  func render(_ service: ServiceDescriptor, in file: FileDescriptor) -> String {
    var writer = SwiftWriter()
    let namespace = SwiftNaming.typePrefix(of: file) + service.name
    let methods = service.methods.map { MethodNames($0, typeName: typeName) }
    let notes = service.isDeprecated ? [Self.deprecationNote] : []
    if Self.isEmpty(service.comments) {
      writer.docComment(
        Comments(
          leading: "The `\(service.fullName)` service: descriptors, server protocol, client."),
        notes: notes)
    } else {
      writer.docComment(service.comments, notes: notes)
    }
    writer.block("\(visibility)enum \(namespace)") { body in
      emitDescriptors(service, methods: methods, file: file, into: &body)
      body.line("")
      emitServiceProtocol(service, methods: methods, into: &body)
      body.line("")
      emitClient(service, methods: methods, into: &body)
    }
    writer.line("")
    emitConformance(namespace: namespace, methods: methods, into: &writer)
    return writer.output
  }

  private func emitDescriptors(
    _ service: ServiceDescriptor, methods: [MethodNames], file: FileDescriptor,
    into writer: inout SwiftWriter
  ) {
    writer.line("/// Descriptor of `\(service.fullName)`, for routing and reflection.")
    writer.line("\(visibility)static let descriptor = ServiceDescriptor(")
    writer.indented { body in
      body.line("fullName: \"\(service.fullName)\",")
      body.list("methods: [", methods.map { "Method.\($0.member)" }, "],")
      let files = descriptorFiles(of: file).map {
        SwiftNaming.fileEnumName($0) + ".descriptorBytes"
      }
      body.list("fileDescriptorProtos: [", files, "])")
    }
    writer.line("")
    writer.line("/// Descriptors of the methods of `\(service.fullName)`.")
    writer.block("\(visibility)enum Method") { body in
      for (index, method) in methods.enumerated() {
        if index > 0 { body.line("") }
        body.line("/// `\(method.descriptor.name)`.")
        var arguments = [
          "service: \"\(service.fullName)\"", "method: \"\(method.descriptor.name)\"",
          "kind: .\(method.kind)", "inputType: \"\(method.descriptor.inputType)\"",
          "outputType: \"\(method.descriptor.outputType)\"",
        ]
        if let level = method.idempotencyLevel { arguments.append("idempotencyLevel: .\(level)") }
        Self.call(
          "\(visibility)static let \(method.member) = MethodDescriptor", arguments, depth: 2,
          into: &body)
      }
    }
  }

  /// `head(arguments)suffix` on one line when it fits in 100 columns at `depth`, else
  /// `head(` and the arguments packed into lines one level deeper.
  static func call(
    _ head: String, _ arguments: [String], suffix: String = "", depth: Int,
    into writer: inout SwiftWriter
  ) {
    let single = head + "(" + arguments.joined(separator: ", ") + ")" + suffix
    if depth * 2 + single.count <= 100 {
      writer.line(single)
      return
    }
    writer.line(head + "(")
    var lines: [String] = []
    var current = ""
    for (index, argument) in arguments.enumerated() {
      let item = argument + (index == arguments.count - 1 ? ")" + suffix : ",")
      if current.isEmpty {
        current = item
      } else if (depth + 1) * 2 + current.count + 1 + item.count <= 100 {
        current += " " + item
      } else {
        lines.append(current)
        current = item
      }
    }
    lines.append(current)
    writer.indented { $0.lines(lines) }
  }

  private func emitServiceProtocol(
    _ service: ServiceDescriptor, methods: [MethodNames], into writer: inout SwiftWriter
  ) {
    writer.line("/// The methods of `\(service.fullName)`, for a server to implement. A conforming")
    writer.line("/// type is an `RPCService`: register it with an `RPCRouter`.")
    writer.block("\(visibility)protocol ServiceProtocol: RPCService") { body in
      for (index, method) in methods.enumerated() {
        if index > 0 { body.line("") }
        method.docComment(fallback: "Handles `\(method.descriptor.name)`.", into: &body)
        let (parameters, result) = method.serverSignature
        body.list("func \(method.member)(", parameters, ") async throws" + result)
      }
    }
  }

  private func emitClient(
    _ service: ServiceDescriptor, methods: [MethodNames], into writer: inout SwiftWriter
  ) {
    writer.line("/// A typed client of `\(service.fullName)`.")
    if service.isDeprecated { writer.line("@available(*, deprecated)") }
    writer.block("\(visibility)struct Client: Sendable") { body in
      body.line("/// The transport every call goes through.")
      body.line("\(visibility)let transport: any ClientTransport")
      body.line("")
      body.line("/// A client calling through `transport`.")
      body.block("\(visibility)init(transport: any ClientTransport)") { initializer in
        initializer.line("self.transport = transport")
      }
      for method in methods {
        body.line("")
        emitClientMethods(method, into: &body)
      }
    }
  }

  private func emitClientMethods(_ method: MethodNames, into writer: inout SwiftWriter) {
    let name = method.member
    let plain = method.plainMember
    let input = method.input
    let output = method.output
    let call = ["method: Method.\(name)", "options: options", "responseType: \(output).self"]
    let options = "options: CallOptions = CallOptions()"
    let requests = "requests: (RPCRequestWriter<\(input)>) async throws -> Void"
    let isolation = "isolation: isolated (any Actor)? = #isolation"
    let passIsolation = "isolation: isolation"
    func declare(
      _ doc: String?, _ head: String, _ parameters: [String], _ tail: String,
      _ callee: String, _ arguments: [String], _ suffix: String = ""
    ) {
      if let doc {
        writer.line("/// \(doc)")
      } else {
        method.docComment(fallback: "Calls `\(method.descriptor.name)`.", into: &writer)
      }
      if method.descriptor.isDeprecated { writer.line("@available(*, deprecated)") }
      writer.list("\(visibility)func \(head)(", parameters, tail + " {")
      writer.indented { body in
        Self.call("try await " + callee, arguments, suffix: suffix, depth: 3, into: &body)
      }
      writer.line("}")
    }
    let metadataDoc = "Calls `\(method.descriptor.name)`; returns the response with its metadata."
    switch method.kind {
    case "unary":
      declare(
        nil, name, ["_ request: \(input)", options], ") async throws(RPCError) -> \(output)",
        "\(plain)WithMetadata", ["request", "options: options"], ".message")
      writer.line("")
      declare(
        metadataDoc, "\(plain)WithMetadata", ["_ request: \(input)", options],
        ") async throws(RPCError) -> ClientResponse<\(output)>",
        "self.transport.performUnary", ["request"] + call)
    case "clientStreaming":
      declare(
        nil, name, [options, isolation, requests], ") async throws -> \(output)",
        "\(plain)WithMetadata", ["options: options", passIsolation, "requests: requests"],
        ".message")
      writer.line("")
      declare(
        metadataDoc, "\(plain)WithMetadata", [options, isolation, requests],
        ") async throws -> ClientResponse<\(output)>",
        "self.transport.performClientStreaming", call + [passIsolation, "requests: requests"])
    case "serverStreaming":
      declare(
        nil, name, ["_ request: \(input)", options],
        ") async throws(RPCError) -> RPCResponseStream<\(output)>",
        "self.transport.performServerStreaming", ["request"] + call)
    default:
      declare(
        nil, "\(name)<Output>",
        [
          options, isolation,
          "requests: @escaping @Sendable (RPCRequestWriter<\(input)>) async throws -> Void",
          "responses: (RPCResponseStream<\(output)>) async throws -> Output",
        ], ") async throws -> Output",
        "self.transport.performBidirectionalStreaming",
        call + [passIsolation, "requests: requests", "responses: responses"])
    }
  }

  private func emitConformance(
    namespace: String, methods: [MethodNames], into writer: inout SwiftWriter
  ) {
    writer.block("extension \(namespace).ServiceProtocol") { body in
      body.line("/// Descriptor of the service.")
      body.block("\(visibility)static var serviceDescriptor: ServiceDescriptor") {
        $0.line("\(namespace).descriptor")
      }
      body.line("")
      body.line("/// One handler per method, calling this instance.")
      body.block("\(visibility)func handlers() -> [RPCHandler]") { handlers in
        handlers.line("typealias Method = \(namespace).Method")
        let items = methods.map { method in
          ".\(method.kind)(Method.\(method.member), self.\(method.member)(\(method.serverLabels)))"
        }
        handlers.list("return [", items, "]")
      }
    }
  }

  /// The file's own name, then every file it imports (transitively when ``set`` is known),
  /// each after its own imports. The runtime declares the `_ProtoFile` enums of the
  /// well-known-type files it provides, so those are listed too.
  private func descriptorFiles(of file: FileDescriptor) -> [String] {
    var ordered: [String] = []
    var visited: Set<String> = [file.name]
    func visit(_ name: String) {
      guard visited.insert(name).inserted else { return }
      for dependency in set?.file(named: name)?.dependencies ?? [] { visit(dependency) }
      ordered.append(name)
    }
    for dependency in file.dependencies { visit(dependency) }
    return [file.name] + ordered
  }
}

/// The Swift names and signatures of one method.
private struct MethodNames {
  let descriptor: MethodDescriptor
  /// The method's member name, escaped if a keyword (`ingest`, `` `default` ``).
  let member: String
  /// The member name unescaped, for building other names.
  let plainMember: String
  let input: String
  let output: String
  /// `unary`, `clientStreaming`, `serverStreaming` or `bidirectionalStreaming`.
  let kind: String
  /// The `idempotencyLevel:` case, when the schema sets one.
  let idempotencyLevel: String?

  init(_ descriptor: MethodDescriptor, typeName: (String) -> String) {
    self.descriptor = descriptor
    plainMember = SwiftNaming.lowerCamelCase(descriptor.name)
    member = SwiftNaming.escaped(plainMember)
    input = typeName(descriptor.inputType)
    output = typeName(descriptor.outputType)
    switch (descriptor.clientStreaming, descriptor.serverStreaming) {
    case (false, false): kind = "unary"
    case (true, false): kind = "clientStreaming"
    case (false, true): kind = "serverStreaming"
    case (true, true): kind = "bidirectionalStreaming"
    }
    switch descriptor.idempotencyLevel {
    case .unknown: idempotencyLevel = nil
    case .noSideEffects: idempotencyLevel = "noSideEffects"
    case .idempotent: idempotencyLevel = "idempotent"
    }
  }

  /// Parameters and the text after `async throws` of the server requirement.
  var serverSignature: (parameters: [String], result: String) {
    let context = "context: ServerContext"
    switch kind {
    case "unary": return (["request: \(input)", context], " -> \(output)")
    case "clientStreaming":
      return (["requests: RPCRequestStream<\(input)>", context], " -> \(output)")
    case "serverStreaming":
      return (["request: \(input)", "response: RPCResponseWriter<\(output)>", context], "")
    default:
      return (
        [
          "requests: RPCRequestStream<\(input)>", "response: RPCResponseWriter<\(output)>", context,
        ], ""
      )
    }
  }

  /// The argument labels of the server requirement, as in `request:context:`.
  var serverLabels: String {
    serverSignature.parameters.map { String($0.prefix { $0 != ":" }) + ":" }.joined()
  }

  /// The schema's comments with a deprecation note, or `fallback` when there are none.
  func docComment(fallback: String, into writer: inout SwiftWriter) {
    let notes = descriptor.isDeprecated ? [ServiceEmitter.deprecationNote] : []
    let comments =
      ServiceEmitter.isEmpty(descriptor.comments)
      ? Comments(leading: fallback) : descriptor.comments
    writer.docComment(comments, notes: notes)
  }
}
