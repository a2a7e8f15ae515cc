extension String {
  /// Decodes a NUL-terminated C buffer (such as an `errstr` out-parameter) as UTF-8.
  init(cBuffer: [CChar]) {
    let bytes = cBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
    self.init(decoding: bytes, as: UTF8.self)
  }
}
