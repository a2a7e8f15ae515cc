/// A ``ClientTransport`` that runs client interceptors around every call of another one.
///
/// ```swift
/// let transport = InterceptedClientTransport(
///   wrapping: http2Transport,
///   interceptors: [
///     LoggingClientInterceptor { print($0) },
///     BearerTokenClientInterceptor { try await tokens.current() },
///   ])
/// let client = Sluice_V1_IngestService.Client(transport: transport)
/// ```
///
/// Interceptors run in order before each call (see ``ClientInterceptor``), then the call
/// goes to ``base`` with the options they produced. A call for which no interceptor asked
/// to observe the end gets ``base``'s own stream; otherwise the stream is wrapped so the
/// end of its response side is reported to the observers exactly once.
public struct InterceptedClientTransport: ClientTransport {
  /// The transport calls go through.
  public let base: any ClientTransport
  /// The interceptors, the first outermost.
  public let interceptors: [any ClientInterceptor]

  /// A transport running `interceptors` around the calls of `base`.
  public init(wrapping base: any ClientTransport, interceptors: [any ClientInterceptor]) {
    self.base = base
    self.interceptors = interceptors
  }

  /// The base transport's codec.
  public var codec: MessageCodec { base.codec }

  /// Performs a unary call after the interceptors prepared it; reports its outcome.
  public func unary(method: MethodDescriptor, request: [UInt8], options: CallOptions)
    async throws(RPCError) -> ClientResponse<[UInt8]>
  {
    var options = options
    let observers = try await prepare(method: method, options: &options)
    do {
      let response = try await base.unary(method: method, request: request, options: options)
      observers.finish(error: nil)
      return response
    } catch {
      observers.finish(error: error)
      throw error
    }
  }

  /// Starts a call after the interceptors prepared it; its stream reports the outcome.
  public func stream(method: MethodDescriptor, options: CallOptions) async throws(RPCError)
    -> any ClientStream
  {
    var options = options
    let observers = try await prepare(method: method, options: &options)
    let stream: any ClientStream
    do {
      stream = try await base.stream(method: method, options: options)
    } catch {
      observers.finish(error: error)
      throw error
    }
    return observers.isEmpty ? stream : ObservedClientStream(base: stream, observers: observers)
  }

  /// Runs the interceptors that apply to `method`, collecting their observers; when one
  /// throws, the observers collected so far see its error.
  private func prepare(method: MethodDescriptor, options: inout CallOptions)
    async throws(RPCError) -> ClientCallObservers
  {
    var observers = ClientCallObservers(start: .now)
    for interceptor in interceptors where interceptor.applies(to: method) {
      do {
        if let observer = try await interceptor.intercept(method: method, options: &options) {
          observers.append(observer)
        }
      } catch {
        let failure = Self.rpcError(error, from: interceptor)
        observers.finish(error: failure)
        throw failure
      }
    }
    return observers
  }

  /// The error a call fails with when an interceptor throws `error`: an unknown error
  /// type becomes `.unknown` naming the interceptor.
  private static func rpcError(_ error: any Error, from interceptor: any ClientInterceptor)
    -> RPCError
  {
    switch error {
    case is RPCError, is any RPCErrorConvertible, is CancellationError:
      RPCError(error)
    default:
      RPCError(
        code: .unknown, message: "interceptor \(type(of: interceptor)) threw \(type(of: error))")
    }
  }
}
