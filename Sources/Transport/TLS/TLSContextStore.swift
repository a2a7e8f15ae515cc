import Synchronization

/// The current `TLSContext` of a server or client, swappable while connections run.
///
/// New connections take `context`; `reload()` re-reads the configured files, builds a
/// whole new context and swaps it in atomically. Connections made earlier keep the
/// context they were made from (each `TLSConnection` holds its own). A failed reload
/// throws and leaves the current context in place, so a half-written or wrong file
/// never takes a working server down.
///
/// The store only builds and swaps; what decides *when* to reload (a signal, a
/// changed file) is `TLSReloadTrigger`.
public final class TLSContextStore: Sendable {
  /// What contexts are built from.
  public enum Source: Sendable, Hashable {
    /// A server configuration.
    case server(TLSServerConfiguration)
    /// A client configuration.
    case client(TLSClientConfiguration)

    /// The files a context is built from.
    public var files: [String] {
      switch self {
      case .server(let configuration): configuration.files
      case .client(let configuration): configuration.files
      }
    }
  }

  private struct State: Sendable {
    var context: TLSContext
    var generation: Int
  }

  /// What contexts are built from.
  public let source: Source
  private let state: Mutex<State>
  /// Serializes reloads so two triggers firing at once build one after the other.
  private let reloading = Mutex<Void>(())

  /// Builds the first context from `source`.
  ///
  /// - Throws: `TLSError` with code `invalidConfiguration` when it cannot be built.
  public init(_ source: Source) throws(TLSError) {
    self.source = source
    self.state = Mutex(State(context: try Self.build(source), generation: 1))
  }

  /// Builds the first context from a server configuration.
  public convenience init(server configuration: TLSServerConfiguration) throws(TLSError) {
    try self.init(.server(configuration))
  }

  /// Builds the first context from a client configuration.
  public convenience init(client configuration: TLSClientConfiguration) throws(TLSError) {
    try self.init(.client(configuration))
  }

  /// The context new connections should use.
  public var context: TLSContext {
    self.state.withLock { $0.context }
  }

  /// How many contexts have been installed: 1 after `init`, plus one per successful reload.
  public var generation: Int {
    self.state.withLock { $0.generation }
  }

  /// Re-reads the files, builds a new context and makes it current.
  ///
  /// - Returns: The new context.
  /// - Throws: `TLSError` when the new context cannot be built; the current one stays.
  @discardableResult
  public func reload() throws(TLSError) -> TLSContext {
    try self.reloading.withLock { _ throws(TLSError) in
      let context = try Self.build(self.source)
      self.state.withLock { state in
        state.context = context
        state.generation += 1
      }
      return context
    }
  }

  private static func build(_ source: Source) throws(TLSError) -> TLSContext {
    switch source {
    case .server(let configuration): try TLSContext(configuration: configuration)
    case .client(let configuration): try TLSContext(configuration: configuration)
    }
  }
}
