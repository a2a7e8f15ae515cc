internal import COpenSSL

/// An ALPN protocol list in wire format (each name prefixed by its length), owned by
/// a context so OpenSSL's selection callback can reach it through its `arg` pointer.
final class ApplicationProtocolList: Sendable {
  /// The names, in preference order.
  let names: [String]
  /// `names` in ALPN wire format.
  let wire: [UInt8]

  /// Validates and encodes `names`: each must be 1 to 255 bytes long.
  init(_ names: [String]) throws(TLSError) {
    var wire: [UInt8] = []
    for name in names {
      let bytes = Array(name.utf8)
      guard (1...255).contains(bytes.count) else {
        throw TLSError(
          code: .invalidConfiguration,
          message: "ALPN protocol name '\(name)' must be 1 to 255 bytes long")
      }
      wire.append(UInt8(bytes.count))
      wire.append(contentsOf: bytes)
    }
    self.names = names
    self.wire = wire
  }

  /// Server-side selection: the first of `names` the client offers, pointed at inside
  /// the client's list; `SSL_TLSEXT_ERR_NOACK` when there is no overlap.
  func select(
    out: UnsafeMutablePointer<UnsafePointer<UInt8>?>?,
    outLength: UnsafeMutablePointer<UInt8>?,
    offered: UnsafePointer<UInt8>?,
    offeredLength: UInt32
  ) -> Int32 {
    guard let out, let outLength, let offered else { return SSL_TLSEXT_ERR_NOACK }
    return self.wire.withUnsafeBufferPointer { server in
      csluice_alpn_select(server.baseAddress, UInt32(server.count), out, outLength, offered, offeredLength)
    }
  }
}

/// The `SSL_CTX_set_alpn_select_cb` callback; `arg` is the context's unretained list.
let applicationProtocolSelectCallback:
  @convention(c) (
    OpaquePointer?, UnsafeMutablePointer<UnsafePointer<UInt8>?>?, UnsafeMutablePointer<UInt8>?,
    UnsafePointer<UInt8>?, UInt32, UnsafeMutableRawPointer?
  ) -> Int32 = { _, out, outLength, offered, offeredLength, arg in
    guard let arg else { return SSL_TLSEXT_ERR_NOACK }
    let list = Unmanaged<ApplicationProtocolList>.fromOpaque(arg).takeUnretainedValue()
    return list.select(out: out, outLength: outLength, offered: offered, offeredLength: offeredLength)
  }
