/// UTF-8 checks for decoded strings.
@usableFromInline
enum UTF8Validation {
  /// A `String` with exactly these bytes, or nil when they are not valid UTF-8.
  @usableFromInline
  static func makeString(_ utf8: UnsafeBufferPointer<UInt8>) -> String? {
    if isASCII(utf8) {
      return String(unsafeUninitializedCapacity: utf8.count) { buffer in
        _ = buffer.initialize(fromContentsOf: utf8)
        return utf8.count
      }
    }
    return String(validating: utf8, as: UTF8.self)
  }

  /// Whether every byte is below 0x80, checked eight bytes at a time.
  static func isASCII(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = utf8.baseAddress else { return true }
    let raw = UnsafeRawPointer(base)
    let count = utf8.count
    var i = 0
    var bits: UInt64 = 0
    while i &+ 8 <= count {
      bits |= raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
      i &+= 8
    }
    while i < count {
      bits |= UInt64(raw.load(fromByteOffset: i, as: UInt8.self))
      i &+= 1
    }
    return bits & 0x8080_8080_8080_8080 == 0
  }
}
