extension RequestHeadParser {
  /// Decides what to do with the request once all its header fields are in.
  ///
  /// - `application/grpc[+proto|+json]`: gRPC. Not POST: 405; bad `:scheme`, missing
  ///   `:path` or `te: trailers`, malformed `grpc-timeout` or `-bin` value: 400 (all with
  ///   `grpc-status: INTERNAL`, as grpc-go answers); another `+codec`: 415
  ///   (`INVALID_ARGUMENT`); unknown method: trailers-only `UNIMPLEMENTED`; unsupported
  ///   `grpc-encoding`: trailers-only `UNIMPLEMENTED` listing `grpc-accept-encoding`.
  /// - `application/proto`, `application/json`: Connect unary (POST);
  ///   `application/connect+proto|json`: Connect streaming. Unknown method: 404 with a
  ///   Connect `unimplemented` error; the method's kind does not match the content type,
  ///   or another codec: 415; bad `connect-protocol-version`, `connect-timeout-ms` or
  ///   `-bin` value: `invalid_argument`; unsupported compression: `unimplemented`.
  /// - GET without a gRPC or Connect streaming content type: Connect GET. Unknown
  ///   method: 404; method not marked `NO_SIDE_EFFECTS` or not unary: 405; missing or
  ///   unknown `encoding`: 415; bad query: `invalid_argument`.
  /// - Anything else: 415 for POST, 405 for other methods.
  public func classify() -> RequestClassification {
    switch contentType {
    case .grpc(let type):
      return classifyGRPC(type)
    case .unsupportedGRPC(let value):
      return .rejected(
        RejectedRequest(
          form: .grpc(.grpc), httpStatus: 415,
          error: RPCError(code: .invalidArgument, message: "unsupported content-type \"\(value)\""))
      )
    case .connectStreaming(let codec) where !isGET:
      return classifyConnect(codec, streaming: true)
    case .connectUnary(let codec) where !isGET:
      return classifyConnect(codec, streaming: false)
    case .unsupportedConnect(let value) where !isGET:
      return .rejected(plain(415, .invalidArgument, "unsupported content-type \"\(value)\""))
    default:
      if isGET { return classifyGET() }
      if case .post = method {
        if case .other(let value) = contentType {
          return .rejected(plain(415, .invalidArgument, "unsupported content-type \"\(value)\""))
        }
        return .rejected(plain(415, .invalidArgument, "missing content-type"))
      }
      return .rejected(methodNotAllowed(allow: "GET, POST"))
    }
  }

  private var isGET: Bool {
    if case .get = method { return true }
    return false
  }

  // MARK: gRPC

  private func classifyGRPC(_ type: GRPCContentType) -> RequestClassification {
    func reject(_ status: Int, _ code: StatusCode, _ message: String) -> RequestClassification {
      .rejected(
        RejectedRequest(
          form: .grpc(type), httpStatus: status, error: RPCError(code: code, message: message)))
    }
    switch method {
    case .post: break
    case .missing: return reject(405, .internal, "missing :method")
    case .get: return reject(405, .internal, "gRPC requires POST, got GET")
    case .other(let name): return reject(405, .internal, "gRPC requires POST, got \(name)")
    }
    switch scheme {
    case .valid: break
    case .missing: return reject(400, .internal, "missing :scheme")
    case .invalid: return reject(400, .internal, "invalid :scheme")
    }
    guard hasPath else { return reject(400, .internal, "missing :path") }
    if options.requireTE && !hasTETrailers {
      return reject(400, .internal, "missing \"te: trailers\"")
    }
    let timeout: Duration?
    switch grpcTimeout {
    case .absent: timeout = nil
    case .valid(let value): timeout = value
    case .invalid(let value): return reject(400, .internal, "malformed grpc-timeout \"\(value)\"")
    }
    if let key = malformedBinaryKey {
      return reject(400, .internal, "malformed binary metadata \(key)")
    }
    // gRPC paths are `/Service/Method` exactly: a query makes it no method's path.
    guard let handler, query == nil else {
      return reject(
        200, .unimplemented, "unknown method \(unknownPath ?? handler?.method.path ?? "")")
    }
    let compression: CompressionAlgorithm
    switch grpcEncoding {
    case .absent: compression = .identity
    case .supported(let algorithm): compression = algorithm
    case .unsupported(let name):
      return .rejected(
        RejectedRequest(
          form: .grpc(type), httpStatus: 200,
          error: RPCError(
            code: .unimplemented,
            message:
              "grpc-encoding \"\(name)\" is not supported; grpc-accept-encoding lists the supported ones"
          ),
          acceptedCompression: options.acceptedCompression))
    }
    return .accepted(
      RPCRequest(
        handler: handler, wireProtocol: .grpc(type),
        codec: type.codec.messageCodec(json: options.jsonCodec), timeout: timeout,
        metadata: metadata, requestCompression: compression,
        responseCompression: grpcAccept.preferred ?? .identity, isGET: false, getMessage: []))
  }

  // MARK: Connect

  private func classifyConnect(_ codec: WireCodec, streaming: Bool) -> RequestClassification {
    guard case .post = method else { return .rejected(methodNotAllowed(allow: "POST")) }
    guard let handler else { return .rejected(notFound()) }
    guard (handler.kind == .unary) != streaming else {
      let expected =
        streaming
        ? "application/json or application/proto"
        : "application/connect+json or application/connect+proto"
      return .rejected(
        plain(415, .invalidArgument, "\(handler.method.path) is \(handler.kind): use \(expected)"))
    }
    let form: RejectedRequest.Form = streaming ? .connectStreaming(codec) : .connectUnary
    if let rejection = checkConnectHeaders(form: form) { return .rejected(rejection) }
    let encoding = streaming ? connectContentEncoding : contentEncoding
    let compression: CompressionAlgorithm
    switch encoding {
    case .absent: compression = .identity
    case .supported(let algorithm): compression = algorithm
    case .unsupported(let name): return .rejected(unsupportedCompression(name, form: form))
    }
    let acceptList = streaming ? connectAccept : accept
    return .accepted(
      RPCRequest(
        handler: handler,
        wireProtocol: streaming ? .connectStreaming(codec) : .connectUnary(codec),
        codec: codec.messageCodec(json: options.jsonCodec), timeout: connectTimeoutValue,
        metadata: metadata, requestCompression: compression,
        responseCompression: responseCompression(acceptList, requestCompression: compression),
        isGET: false, getMessage: []))
  }

  private func classifyGET() -> RequestClassification {
    guard let handler else { return .rejected(notFound()) }
    guard handler.kind == .unary, handler.method.idempotencyLevel == .noSideEffects else {
      return .rejected(methodNotAllowed(allow: "POST"))
    }
    guard let query else {
      return .rejected(plain(415, .invalidArgument, "missing encoding parameter"))
    }
    guard let parsed = query.withUnsafeBytes({ ConnectGetQuery(parsing: $0) }) else {
      return .rejected(
        connectError(.invalidArgument, "malformed query parameter", form: .connectUnary))
    }
    let codec: WireCodec
    switch parsed.encoding {
    case "json": codec = .json
    case "proto": codec = .proto
    case nil: return .rejected(plain(415, .invalidArgument, "missing encoding parameter"))
    case let other?:
      return .rejected(plain(415, .invalidArgument, "unsupported encoding \"\(other)\""))
    }
    if let version = parsed.connectVersion, version != "v1" {
      return .rejected(
        connectError(
          .invalidArgument, "connect must be \"v1\", got \"\(version)\"", form: .connectUnary))
    }
    if parsed.connectVersion == nil && options.requireConnectProtocolVersion {
      return .rejected(
        connectError(.invalidArgument, "missing connect=v1 parameter", form: .connectUnary))
    }
    guard let message = parsed.message else {
      return .rejected(
        connectError(.invalidArgument, "missing message parameter", form: .connectUnary))
    }
    if let rejection = checkConnectHeaders(form: .connectUnary, checkVersion: false) {
      return .rejected(rejection)
    }
    var compression = CompressionAlgorithm.identity
    if let name = parsed.compression {
      guard let algorithm = CompressionAlgorithm(name: name), options.supports(algorithm) else {
        return .rejected(unsupportedCompression(name, form: .connectUnary))
      }
      compression = algorithm
    }
    return .accepted(
      RPCRequest(
        handler: handler, wireProtocol: .connectUnary(codec),
        codec: codec.messageCodec(json: options.jsonCodec), timeout: connectTimeoutValue,
        metadata: metadata, requestCompression: compression,
        responseCompression: responseCompression(accept, requestCompression: compression),
        isGET: true, getMessage: message))
  }

  /// Checks `connect-protocol-version`, `connect-timeout-ms` and `-bin` values.
  private func checkConnectHeaders(form: RejectedRequest.Form, checkVersion: Bool = true)
    -> RejectedRequest?
  {
    if checkVersion {
      switch connectVersion {
      case .valid: break
      case .invalid(let value):
        return connectError(
          .invalidArgument, "connect-protocol-version must be \"1\", got \"\(value)\"", form: form)
      case .absent:
        if options.requireConnectProtocolVersion {
          return connectError(.invalidArgument, "missing connect-protocol-version", form: form)
        }
      }
    }
    if case .invalid(let value) = connectTimeout {
      return connectError(.invalidArgument, "malformed connect-timeout-ms \"\(value)\"", form: form)
    }
    if let key = malformedBinaryKey {
      return connectError(.invalidArgument, "malformed binary metadata \(key)", form: form)
    }
    return nil
  }

  private var connectTimeoutValue: Duration? {
    if case .valid(let value) = connectTimeout { return value }
    return nil
  }

  /// The client's preferred algorithm among those responses may use; without an accept
  /// list, the request's own compression (the Connect protocol's rule) when responses may
  /// use it.
  private func responseCompression(_ list: AcceptList, requestCompression: CompressionAlgorithm)
    -> CompressionAlgorithm
  {
    if list.isPresent { return list.preferred ?? .identity }
    return options.responseAlgorithms.contains(requestCompression) ? requestCompression : .identity
  }

  // MARK: Rejections

  private func plain(_ status: Int, _ code: StatusCode, _ message: String) -> RejectedRequest {
    RejectedRequest(form: .plain, httpStatus: status, error: RPCError(code: code, message: message))
  }

  private func methodNotAllowed(allow: String) -> RejectedRequest {
    let name: String
    switch method {
    case .missing: name = "(none)"
    case .post: name = "POST"
    case .get: name = "GET"
    case .other(let other): name = other
    }
    return RejectedRequest(
      form: .plain, httpStatus: 405,
      error: RPCError(code: .invalidArgument, message: "method \(name) not allowed"), allow: allow)
  }

  private func notFound() -> RejectedRequest {
    RejectedRequest(
      form: .connectUnary, httpStatus: 404,
      error: RPCError(code: .unimplemented, message: "unknown method \(unknownPath ?? "")"))
  }

  private func connectError(_ code: StatusCode, _ message: String, form: RejectedRequest.Form)
    -> RejectedRequest
  {
    let error = RPCError(code: code, message: message)
    let status = if case .connectStreaming = form { 200 } else { code.connectHTTPStatus }
    return RejectedRequest(form: form, httpStatus: status, error: error)
  }

  private func unsupportedCompression(_ name: String, form: RejectedRequest.Form) -> RejectedRequest
  {
    let supported = options.acceptedCompression.algorithms.map { $0.description }.joined(
      separator: ", ")
    var rejection = connectError(
      .unimplemented, "compression \"\(name)\" is not supported; supported: \(supported)",
      form: form)
    rejection.acceptedCompression = options.acceptedCompression
    return rejection
  }
}
