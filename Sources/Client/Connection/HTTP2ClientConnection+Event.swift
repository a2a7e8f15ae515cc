public import SluiceRuntime
public import SluiceTransport

extension HTTP2ClientConnection {
  /// What a connection tells its owner, on the connection's event loop, in order. Keep
  /// the handler short: it runs on the I/O thread. `ready` and `closed` are delivered
  /// before ``HTTP2ClientConnection/connect()`` returns or throws, and before the calls
  /// failed by a close learn of it.
  public enum Event: Sendable, Hashable {
    /// Connected (TCP, TLS, HTTP/2 preface) and the server's first SETTINGS arrived:
    /// calls may start. `maxConcurrentStreams` is the server's limit (`Int(UInt32.max)`
    /// when it set none).
    case ready(maxConcurrentStreams: Int)
    /// The server changed SETTINGS_MAX_CONCURRENT_STREAMS. Calls beyond the limit wait
    /// for a stream to close.
    case maxConcurrentStreamsChanged(Int)
    /// The server sent GOAWAY: the connection is draining. Calls on streams up to
    /// `lastStreamID` go on; later ones fail with `UNAVAILABLE` (they were not
    /// processed, so retrying them elsewhere is safe); new calls are refused. The
    /// connection closes when the last call ends. May come twice (a graceful shutdown
    /// notice, then the final GOAWAY). Also reported, with `.noError` and the last stream
    /// opened, when the connection runs out of stream IDs and drains on its own.
    case goingAway(lastStreamID: Int32, code: HTTP2ErrorCode)
    /// A call's stream ended; `openStreams` calls remain.
    case streamClosed(openStreams: Int)
    /// The connection is closed (or never opened); every call on it has ended. The
    /// connection cannot be used again.
    case closed(CloseReason)
  }

  /// Where a connection is in its life.
  public enum State: Sendable, Hashable {
    /// Created; ``HTTP2ClientConnection/connect()`` (or the first call) starts it.
    case idle
    /// Connecting.
    case connecting
    /// Calls may start.
    case ready
    /// GOAWAY was received or ``HTTP2ClientConnection/close()`` called: open calls go
    /// on, new calls are refused.
    case draining
    /// Closed for good.
    case closed(CloseReason)
  }

  /// Why a connection closed.
  public enum CloseReason: Sendable, Hashable, CustomStringConvertible {
    /// The owner closed it (``HTTP2ClientConnection/close()`` or
    /// ``HTTP2ClientConnection/abort()``).
    case closedByOwner
    /// The TCP connection could not be made (refused, unreachable, name not found):
    /// the system's words.
    case connectFailed(String)
    /// Connecting took longer than ``Configuration/connectTimeout``.
    case connectTimeout(Duration)
    /// The TLS handshake or a TLS record failed (certificate not trusted, no `h2`
    /// agreed ...).
    case tlsFailed(TLSError)
    /// The server sent GOAWAY with this code and debug text, and the calls it let
    /// finish have ended.
    case goAway(HTTP2ErrorCode, String)
    /// A keepalive PING went unanswered.
    case keepaliveTimeout
    /// The server broke the HTTP/2 protocol (we answered with GOAWAY).
    case protocolError(String)
    /// The server closed the TCP connection without GOAWAY.
    case peerClosed
    /// Reading or writing the socket failed.
    case ioError(String)

    /// A sentence for error messages.
    public var description: String {
      switch self {
      case .closedByOwner: "the connection was closed by its owner"
      case .connectFailed(let reason): "cannot connect: \(reason)"
      case .connectTimeout(let timeout): "connecting took longer than \(timeout)"
      case .tlsFailed(let error): "TLS failed: \(error)"
      case .goAway(let code, let debug):
        debug.isEmpty ? "the server went away (GOAWAY \(code))" : "the server went away (GOAWAY \(code): \(debug))"
      case .keepaliveTimeout: "the server did not answer a keepalive PING in time"
      case .protocolError(let reason): "HTTP/2 protocol error: \(reason)"
      case .peerClosed: "the server closed the connection"
      case .ioError(let reason): "I/O error: \(reason)"
      }
    }
  }
}
