/// Tells a TLS connection from a plaintext one by its first bytes, so one port can
/// serve TLS, h2c with prior knowledge and HTTP/1.1.
///
/// A TLS client opens with a handshake record: content type 22 (`0x16`), then a
/// record version `0x03 0x00`…`0x03 0x04`. No HTTP/1.1 method and no HTTP/2 preface
/// (`PRI * HTTP/2.0`) starts with `0x16`, so the first byte usually decides.
public enum TLSRecordDetector {
  /// What the first bytes of a connection say.
  public enum Verdict: Sendable, Hashable {
    /// A TLS handshake record: put a `TLSHandler` in front.
    case tls
    /// Not TLS: HTTP/1.1 or h2c.
    case plaintext
    /// Too few bytes to tell yet.
    case needMoreBytes
  }

  /// Classifies a connection by its first bytes (up to three are looked at).
  public static func classify<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Verdict {
    var iterator = bytes.makeIterator()
    guard let contentType = iterator.next() else { return .needMoreBytes }
    guard contentType == 0x16 else { return .plaintext }
    guard let major = iterator.next() else { return .needMoreBytes }
    guard major == 0x03 else { return .plaintext }
    guard let minor = iterator.next() else { return .needMoreBytes }
    return minor <= 0x04 ? .tls : .plaintext
  }
}
