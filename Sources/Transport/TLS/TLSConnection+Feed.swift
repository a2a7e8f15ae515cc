extension TLSConnection {
  /// Takes ciphertext the peer sent and returns everything it yields: the handshake's
  /// completion, decrypted plaintext, the peer's close_notify.
  ///
  /// The convenient form of `receiveCiphertext(_:)` plus `readPlaintext(into:)` until
  /// nothing more is available; I/O layers that decrypt straight into their own
  /// buffers use those two instead.
  public func feedCiphertext(_ bytes: UnsafeRawBufferPointer) throws(TLSError) -> TLSFeedResult {
    var result = TLSFeedResult(handshakeCompleted: try self.receiveCiphertext(bytes))
    let chunk = 16 * 1024
    while true {
      let start = result.plaintext.count
      result.plaintext.append(contentsOf: repeatElement(0, count: chunk))
      let read = try result.plaintext.withUnsafeMutableBytes { buffer in
        Result { () throws(TLSError) in
          try self.readPlaintext(into: UnsafeMutableRawBufferPointer(rebasing: buffer[start...]))
        }
      }.get()
      switch read {
      case .bytes(let count):
        result.plaintext.removeLast(chunk - count)
      case .needsMoreCiphertext:
        result.plaintext.removeLast(chunk)
        return result
      case .closed:
        result.plaintext.removeLast(chunk)
        result.peerClosed = true
        return result
      }
    }
  }

  /// `feedCiphertext(_:)` over an array.
  public func feedCiphertext(_ bytes: [UInt8]) throws(TLSError) -> TLSFeedResult {
    try bytes.withUnsafeBytes { buffer in
      Result { () throws(TLSError) in try self.feedCiphertext(buffer) }
    }.get()
  }

  /// `writePlaintext(_:)` over an array.
  public func writePlaintext(_ bytes: [UInt8]) throws(TLSError) {
    try bytes.withUnsafeBytes { buffer in
      Result { () throws(TLSError) in try self.writePlaintext(buffer) }
    }.get()
  }
}
