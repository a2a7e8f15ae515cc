internal import COpenSSL
import Testing

/// Proves libssl/libcrypto link and the macro shims an HTTP/2 TLS server needs work,
/// up to a full in-memory TLS handshake that negotiates `h2` by ALPN.
@Suite("COpenSSL")
struct OpenSSLTests {
  @Test("OpenSSL_version_num reports OpenSSL 3")
  func version() {
    #expect(OpenSSL_version_num() >= 0x3000_0000)
  }

  @Test("a server context takes the HTTP/2 settings")
  func serverContext() throws {
    let context = try #require(SSL_CTX_new(TLS_server_method()))
    defer { SSL_CTX_free(context) }

    #expect(csluice_SSL_CTX_set_min_proto_version(context, TLS1_2_VERSION) == 1)
    #expect(csluice_SSL_CTX_get_min_proto_version(context) == TLS1_2_VERSION)
    #expect(csluice_SSL_CTX_set_max_proto_version(context, 0) == 1)

    let options = CSLUICE_SSL_OP_ALL | CSLUICE_SSL_OP_NO_COMPRESSION | CSLUICE_SSL_OP_NO_RENEGOTIATION
      | CSLUICE_SSL_OP_CIPHER_SERVER_PREFERENCE | CSLUICE_SSL_OP_IGNORE_UNEXPECTED_EOF
    #expect(SSL_CTX_set_options(context, options) & options == options)

    let mode = Int(SSL_MODE_RELEASE_BUFFERS | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER)
    #expect(csluice_SSL_CTX_set_mode(context, mode) & mode == mode)
    _ = csluice_SSL_CTX_set_session_cache_mode(context, Int(SSL_SESS_CACHE_SERVER))
    #expect(csluice_SSL_CTX_set1_groups_list(context, "X25519:P-256") == 1)
  }

  @Test("ALPN selection prefers h2 and declines what it does not speak")
  func alpnSelection() {
    func select(_ offered: [String], allowHTTP11: Bool) -> String? {
      let wire = offered.flatMap { [UInt8($0.utf8.count)] + Array($0.utf8) }
      var out: UnsafePointer<UInt8>?
      var outLength: UInt8 = 0
      let result = wire.withUnsafeBufferPointer { buffer in
        allowHTTP11
          ? csluice_alpn_select_h2_http11(nil, &out, &outLength, buffer.baseAddress, UInt32(buffer.count), nil)
          : csluice_alpn_select_h2_only(nil, &out, &outLength, buffer.baseAddress, UInt32(buffer.count), nil)
      }
      guard result == SSL_TLSEXT_ERR_OK, let out else { return nil }
      return String(decoding: UnsafeBufferPointer(start: out, count: Int(outLength)), as: UTF8.self)
    }
    #expect(select(["http/1.1", "h2"], allowHTTP11: true) == "h2")
    #expect(select(["http/1.1"], allowHTTP11: true) == "http/1.1")
    #expect(select(["http/1.1"], allowHTTP11: false) == nil)
    #expect(select(["spdy/3", "h2"], allowHTTP11: false) == "h2")
    #expect(select([], allowHTTP11: true) == nil)
  }

  @Test("an in-memory handshake negotiates h2 and carries SNI")
  func handshake() throws {
    let (key, certificate) = try Self.selfSignedEd25519()
    defer {
      X509_free(certificate)
      EVP_PKEY_free(key)
    }

    let serverContext = try #require(SSL_CTX_new(TLS_server_method()))
    defer { SSL_CTX_free(serverContext) }
    #expect(SSL_CTX_use_certificate(serverContext, certificate) == 1)
    #expect(SSL_CTX_use_PrivateKey(serverContext, key) == 1)
    #expect(csluice_SSL_CTX_set_min_proto_version(serverContext, TLS1_2_VERSION) == 1)
    csluice_SSL_CTX_set_alpn_h2(serverContext, 1)

    let seen = ServerNameBox()
    #expect(csluice_SSL_CTX_set_tlsext_servername_callback(serverContext) { ssl, _, arg in
      if let arg, let name = SSL_get_servername(ssl, TLSEXT_NAMETYPE_host_name) {
        Unmanaged<ServerNameBox>.fromOpaque(arg).takeUnretainedValue().name = String(cString: name)
      }
      return SSL_TLSEXT_ERR_OK
    } == 1)
    #expect(csluice_SSL_CTX_set_tlsext_servername_arg(serverContext, Unmanaged.passUnretained(seen).toOpaque()) == 1)

    let clientContext = try #require(SSL_CTX_new(TLS_client_method()))
    defer { SSL_CTX_free(clientContext) }
    SSL_CTX_set_verify(clientContext, SSL_VERIFY_NONE, nil)
    #expect(csluice_SSL_CTX_offer_alpn_h2(clientContext, 1) == 1)

    let server = try #require(SSL_new(serverContext))
    defer { SSL_free(server) }
    let client = try #require(SSL_new(clientContext))
    defer { SSL_free(client) }

    var serverBIO: OpaquePointer?
    var clientBIO: OpaquePointer?
    try #require(BIO_new_bio_pair(&serverBIO, 0, &clientBIO, 0) == 1)
    SSL_set_bio(server, serverBIO, serverBIO)
    SSL_set_bio(client, clientBIO, clientBIO)
    SSL_set_accept_state(server)
    SSL_set_connect_state(client)
    #expect(csluice_SSL_set_tlsext_host_name(client, "sluice.test") == 1)

    var done = false
    for _ in 0..<16 where !done {
      let clientResult = SSL_do_handshake(client)
      let serverResult = SSL_do_handshake(server)
      done = clientResult == 1 && serverResult == 1
    }
    try #require(done, "handshake did not finish: \(Self.drainErrors())")

    var selected: UnsafePointer<UInt8>?
    var selectedLength: UInt32 = 0
    SSL_get0_alpn_selected(client, &selected, &selectedLength)
    let protocolName = selected.map {
      String(decoding: UnsafeBufferPointer(start: $0, count: Int(selectedLength)), as: UTF8.self)
    }
    #expect(protocolName == "h2")
    #expect(SSL_version(client) == TLS1_3_VERSION)
    #expect(seen.name == "sluice.test")
  }

  /// Holds what the SNI callback saw.
  final class ServerNameBox {
    var name: String?
  }

  struct OpenSSLFailure: Error {
    var message: String
  }

  /// A throwaway Ed25519 key and a one-hour self-signed certificate for `localhost`.
  static func selfSignedEd25519() throws -> (key: OpaquePointer, certificate: OpaquePointer) {
    let keyContext = try #require(EVP_PKEY_CTX_new_id(EVP_PKEY_ED25519, nil))
    defer { EVP_PKEY_CTX_free(keyContext) }
    var generated: OpaquePointer?
    guard EVP_PKEY_keygen_init(keyContext) == 1, EVP_PKEY_keygen(keyContext, &generated) == 1,
      let key = generated
    else { throw OpenSSLFailure(message: drainErrors()) }

    guard let certificate = X509_new() else { throw OpenSSLFailure(message: drainErrors()) }
    X509_set_version(certificate, 2)
    ASN1_INTEGER_set(X509_get_serialNumber(certificate), 1)
    X509_gmtime_adj(X509_getm_notBefore(certificate), 0)
    X509_gmtime_adj(X509_getm_notAfter(certificate), 3600)
    X509_set_pubkey(certificate, key)
    let name = X509_get_subject_name(certificate)
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, Array("localhost".utf8), -1, -1, 0)
    X509_set_issuer_name(certificate, name)
    guard X509_sign(certificate, key, nil) > 0 else {
      X509_free(certificate)
      EVP_PKEY_free(key)
      throw OpenSSLFailure(message: drainErrors())
    }
    return (key, certificate)
  }

  /// Empties OpenSSL's error queue into one readable line.
  static func drainErrors() -> String {
    var lines: [String] = []
    var buffer = [CChar](repeating: 0, count: 256)
    while case let code = ERR_get_error(), code != 0 {
      ERR_error_string_n(code, &buffer, buffer.count)
      lines.append(String(cBuffer: buffer))
    }
    return lines.joined(separator: "; ")
  }
}
