extension Array where Element == UInt8 {
  /// `withUnsafeBytes` for a body with typed throws (the standard one rethrows untyped).
  @inline(__always)
  func withTypedBytes<R, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
    let result: Result<R, E> = withUnsafeBytes { raw in Result { () throws(E) in try body(raw) } }
    return try result.get()
  }
}
