internal import COpenSSL
import Synchronization

/// The client's resumable sessions, the newest one per server name.
///
/// OpenSSL hands each new session (in TLS 1.3, each ticket, which arrives after the
/// handshake) to `clientSessionCallback`, which stores it here; a new connection to
/// the same name offers it back.
final class ClientSessionCache: Sendable {
  /// One owned `SSL_SESSION *`.
  final class Session: @unchecked Sendable {
    let handle: OpaquePointer

    init(taking handle: OpaquePointer) {
      self.handle = handle
    }

    deinit {
      SSL_SESSION_free(self.handle)
    }
  }

  /// More distinct server names than this and the cache starts over.
  private static let capacity = 1024
  private let sessions = Mutex<[String: Session]>([:])

  /// Keeps `session` (taking over its reference) as the one to offer to `key`.
  func store(_ session: Session, for key: String) {
    self.sessions.withLock { sessions in
      if sessions.count >= Self.capacity && sessions[key] == nil {
        sessions.removeAll(keepingCapacity: true)
      }
      sessions[key] = session
    }
  }

  /// The session to offer to `key`, if one is kept.
  func session(for key: String) -> Session? {
    self.sessions.withLock { $0[key] }
  }
}

/// `SSL_CTX_sess_set_new_cb`: files a resumable session under its connection's key.
/// Returns 1 when the cache took over the session's reference, 0 to let OpenSSL free it.
let clientSessionCallback: @convention(c) (OpaquePointer?, OpaquePointer?) -> Int32 = { ssl, session in
  guard let ssl, let session, SSL_SESSION_is_resumable(session) == 1,
    let owner = SSL_get_ex_data(ssl, 0)
  else { return 0 }
  let connection = Unmanaged<TLSConnection>.fromOpaque(owner).takeUnretainedValue()
  guard let cache = connection.context.sessionCache else { return 0 }
  cache.store(ClientSessionCache.Session(taking: session), for: connection.sessionKey)
  return 1
}
