/// The methods a server hosts, found by HTTP path.
///
/// Build it once at start-up from services (or single handlers), then share it with the
/// transports: it is an immutable value after set-up. Lookups by path bytes (as nghttp2
/// hands them over) allocate nothing. Registering a path twice is a set-up mistake and
/// throws, so a server never silently serves the wrong implementation.
///
/// A router's ``interceptors`` are fixed when it is created. Every handler it registers,
/// whether passed to the initializer or to a ``register(_:)`` afterwards, is wrapped in
/// them once, at registration (``RPCHandler/intercepted(by:)``): the first interceptor
/// is the outermost, and those that do not apply to a method are left out of its
/// handler. So every handler the router hands out ran through the same interceptors, in
/// the same order, and a call pays nothing per call to find them. Without interceptors
/// (or when none applies to a method) the router hands out the registered handler itself.
public struct RPCRouter: Sendable {
  /// Why a registration was refused.
  public enum RegistrationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A handler for this path is already registered.
    case duplicateMethod(path: String)
    /// A service with this full name is already registered.
    case duplicateService(String)

    /// A one-line explanation.
    public var description: String {
      switch self {
      case .duplicateMethod(let path): "method \(path) is registered twice"
      case .duplicateService(let name): "service \(name) is registered twice"
      }
    }
  }

  /// Every handler, in registration order, as served: wrapped in ``interceptors``.
  public private(set) var handlers: [RPCHandler] = []
  /// Descriptors of the registered services, in registration order (for reflection).
  public private(set) var services: [ServiceDescriptor] = []
  /// The server interceptors around every handler, the first outermost.
  public let interceptors: [any ServerInterceptor]
  private var table = PathTable()

  /// An empty router without interceptors.
  public init() {
    interceptors = []
  }

  /// An empty router wrapping every handler registered later in `interceptors`.
  public init(interceptors: [any ServerInterceptor]) {
    self.interceptors = interceptors
  }

  /// A router serving `services`, each handler wrapped in `interceptors`.
  public init(
    services: [any RPCService], interceptors: [any ServerInterceptor] = []
  ) throws(RegistrationError) {
    self.interceptors = interceptors
    for service in services {
      try register(service)
    }
  }

  /// Adds a service: its descriptor and every handler it provides, wrapped in
  /// ``interceptors``.
  public mutating func register(_ service: any RPCService) throws(RegistrationError) {
    let descriptor = type(of: service).serviceDescriptor
    guard !services.contains(where: { $0.fullName == descriptor.fullName }) else {
      throw .duplicateService(descriptor.fullName)
    }
    let newHandlers = service.handlers()
    var paths = Set<String>()
    for handler in newHandlers {
      let path = handler.method.path
      guard table.index(of: path) == nil, paths.insert(path).inserted else {
        throw .duplicateMethod(path: path)
      }
    }
    services.append(descriptor)
    for handler in newHandlers {
      handlers.append(handler.intercepted(by: interceptors))
    }
    table = PathTable(handlers: handlers)
  }

  /// Adds one handler outside any service (no descriptor for reflection), wrapped in
  /// ``interceptors``.
  public mutating func register(_ handler: RPCHandler) throws(RegistrationError) {
    guard table.index(of: handler.method.path) == nil else {
      throw .duplicateMethod(path: handler.method.path)
    }
    handlers.append(handler.intercepted(by: interceptors))
    table = PathTable(handlers: handlers)
  }

  /// The handler for a path such as `/sluice.v1.IngestService/Ingest`.
  public func handler(forPath path: String) -> RPCHandler? {
    table.index(of: path).map { handlers[$0] }
  }

  /// The handler for a path given as UTF-8 bytes (no query string).
  public func handler(forPath path: UnsafeRawBufferPointer) -> RPCHandler? {
    table.index(of: path).map { handlers[$0] }
  }
}
