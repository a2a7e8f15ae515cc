import SluiceTestSupport
import Foundation
import SluiceTransport
import Testing

/// Reloading certificates without a restart: the store swaps contexts, the trigger
/// notices signals and changed files.
@Suite("TLS reload")
struct TLSReloadTests {
  let pki = TLSTestPKI.shared

  /// A server certificate and key copied where a test may replace them.
  struct ServedFiles {
    var certificate: String
    var key: String

    init(_ identity: TLSTestPKI.Identity) throws {
      let directory = try TLSTestPKI.scratchDirectory()
      self.certificate = "\(directory)/server.pem"
      self.key = "\(directory)/server.key"
      try self.install(identity)
    }

    /// Replaces both files (each by an atomic rename, as deployment tools do).
    func install(_ identity: TLSTestPKI.Identity) throws {
      try Data(contentsOf: URL(fileURLWithPath: identity.certificate))
        .write(to: URL(fileURLWithPath: self.certificate), options: .atomic)
      try Data(contentsOf: URL(fileURLWithPath: identity.key))
        .write(to: URL(fileURLWithPath: self.key), options: .atomic)
    }

    func corruptKey() throws {
      try Data("-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----\n".utf8)
        .write(to: URL(fileURLWithPath: self.key), options: .atomic)
    }

    var configuration: TLSServerConfiguration {
      TLSServerConfiguration(certificateChainFile: self.certificate, privateKeyFile: self.key)
    }
  }

  private func handshake(_ store: TLSContextStore) throws -> TLSEnginePair {
    let pair = try TLSEnginePair(
      client: TLSContext(configuration: self.pki.clientConfiguration()), server: store.context)
    pair.handshake()
    try #require(pair.clientSide.handshake != nil, "\(String(describing: pair.clientSide.error))")
    return pair
  }

  @Test("reload swaps the certificate for new connections; existing ones carry on")
  func reloadSwaps() throws {
    let files = try ServedFiles(self.pki.server)
    let store = try TLSContextStore(server: files.configuration)
    #expect(store.generation == 1)
    let old = try self.handshake(store)
    #expect(old.clientSide.handshake?.peerCertificate?.serialNumber == self.pki.server.serial)

    try files.install(self.pki.serverRenewed)
    let context = try store.reload()
    #expect(store.generation == 2)
    #expect(context === store.context)
    #expect(context.certificate?.serialNumber == self.pki.serverRenewed.serial)

    let new = try self.handshake(store)
    #expect(new.clientSide.handshake?.peerCertificate?.serialNumber == self.pki.serverRenewed.serial)

    try old.client.writePlaintext(Array("still here".utf8))
    try old.server.writePlaintext(Array("me too".utf8))
    old.pump()
    #expect(old.serverSide.received == Array("still here".utf8))
    #expect(old.clientSide.received == Array("me too".utf8))
    #expect(old.server.context.certificate?.serialNumber == self.pki.server.serial)
  }

  @Test("a failed reload keeps the current context")
  func failedReloadKeepsOld() throws {
    let files = try ServedFiles(self.pki.server)
    let store = try TLSContextStore(server: files.configuration)
    let before = store.context
    try files.corruptKey()
    let error = try #require(throws: TLSError.self) { try store.reload() }
    #expect(error.code == .invalidConfiguration)
    #expect(error.message.contains(files.key))
    #expect(store.generation == 1)
    #expect(store.context === before)
    let pair = try self.handshake(store)
    #expect(pair.clientSide.handshake?.peerCertificate?.serialNumber == self.pki.server.serial)
  }

  @Test("checkFiles reloads when a watched file changes, once per change")
  func checkFiles() throws {
    let files = try ServedFiles(self.pki.server)
    let store = try TLSContextStore(server: files.configuration)
    let trigger = TLSReloadTrigger(store: store, signal: nil, pollInterval: nil) { _ in }
    #expect(trigger.checkFiles() == nil)

    try files.install(self.pki.serverRenewed)
    let event = try #require(trigger.checkFiles())
    #expect(event.cause == .filesChanged([files.certificate, files.key]))
    #expect(try event.result.get().certificate?.serialNumber == self.pki.serverRenewed.serial)
    #expect(trigger.checkFiles() == nil)

    try files.corruptKey()
    let failed = try #require(trigger.checkFiles())
    #expect(failed.cause == .filesChanged([files.key]))
    #expect(throws: TLSError.self) { try failed.result.get() }
    #expect(store.context.certificate?.serialNumber == self.pki.serverRenewed.serial)
    #expect(trigger.checkFiles() == nil)
  }

  @Test("the polling timer reloads after a file changes")
  func pollingTimer() async throws {
    let files = try ServedFiles(self.pki.server)
    let store = try TLSContextStore(server: files.configuration)
    let (events, continuation) = AsyncStream.makeStream(of: TLSReloadTrigger.Event.self)
    let trigger = TLSReloadTrigger(store: store, signal: nil, pollInterval: .milliseconds(20)) {
      continuation.yield($0)
    }
    trigger.start()
    defer { trigger.stop() }
    try files.install(self.pki.serverRenewed)
    let event = try #require(await Self.first(events, within: .seconds(20)))
    #expect(try event.result.get().certificate?.serialNumber == self.pki.serverRenewed.serial)
    #expect(store.generation == 2)
  }

  @Test("SIGHUP reloads")
  func hangUpSignal() async throws {
    let files = try ServedFiles(self.pki.server)
    let store = try TLSContextStore(server: files.configuration)
    let (events, continuation) = AsyncStream.makeStream(of: TLSReloadTrigger.Event.self)
    let trigger = TLSReloadTrigger(store: store, pollInterval: nil) { continuation.yield($0) }
    trigger.start()
    defer { trigger.stop() }
    try files.install(self.pki.serverRenewed)
    kill(getpid(), SIGHUP)
    let event = try #require(await Self.first(events, within: .seconds(20)))
    #expect(event.cause == .signal(SIGHUP))
    #expect(store.context.certificate?.serialNumber == self.pki.serverRenewed.serial)
  }

  @Test("SIGHUP reloads every trigger of the process, not just the last one started")
  func hangUpSignalWithTwoTriggers() async throws {
    let firstFiles = try ServedFiles(self.pki.server)
    let secondFiles = try ServedFiles(self.pki.server)
    let firstStore = try TLSContextStore(server: firstFiles.configuration)
    let secondStore = try TLSContextStore(server: secondFiles.configuration)
    let (firstEvents, first) = AsyncStream.makeStream(of: TLSReloadTrigger.Event.self)
    let (secondEvents, second) = AsyncStream.makeStream(of: TLSReloadTrigger.Event.self)
    let firstTrigger = TLSReloadTrigger(store: firstStore, pollInterval: nil) { first.yield($0) }
    let secondTrigger = TLSReloadTrigger(store: secondStore, pollInterval: nil) { second.yield($0) }
    firstTrigger.start()
    defer { firstTrigger.stop() }
    secondTrigger.start()
    defer { secondTrigger.stop() }
    try firstFiles.install(self.pki.serverRenewed)
    try secondFiles.install(self.pki.serverRenewed)
    kill(getpid(), SIGHUP)
    #expect(await Self.first(firstEvents, within: .seconds(20))?.cause == .signal(SIGHUP))
    #expect(await Self.first(secondEvents, within: .seconds(20))?.cause == .signal(SIGHUP))
  }

  /// The first element of `events`, or `nil` if none arrives within `limit`.
  private static func first(
    _ events: AsyncStream<TLSReloadTrigger.Event>, within limit: Duration
  ) async -> TLSReloadTrigger.Event? {
    await withTaskGroup(of: TLSReloadTrigger.Event?.self) { group in
      group.addTask {
        var iterator = events.makeAsyncIterator()
        return await iterator.next()
      }
      group.addTask {
        try? await Task.sleep(for: limit)
        return nil
      }
      let first = await group.next() ?? nil
      group.cancelAll()
      return first
    }
  }
}
