extension ProtoMessage {
  /// Decodes a message from its binary encoding.
  @inlinable
  public init(serializedBytes bytes: [UInt8], options: ProtoDecodingOptions = .init()) throws(ProtoDecodingError) {
    self.init()
    try mergeSerializedBytes(bytes, options: options)
  }

  /// Decodes a message from binary bytes in memory the caller keeps alive.
  @inlinable
  public init(serializedBytes buffer: UnsafeRawBufferPointer, options: ProtoDecodingOptions = .init()) throws(ProtoDecodingError) {
    self.init()
    try mergeSerializedBytes(buffer, options: options)
  }

  /// Merges a binary encoding into this message: scalars are replaced, repeated
  /// fields appended, embedded messages merged.
  @inlinable
  public mutating func mergeSerializedBytes(_ bytes: [UInt8], options: ProtoDecodingOptions = .init()) throws(ProtoDecodingError) {
    let result: Result<Void, ProtoDecodingError> = bytes.withUnsafeBytes { buffer in
      do throws(ProtoDecodingError) {
        try mergeSerializedBytes(buffer, options: options)
        return .success(())
      } catch {
        return .failure(error)
      }
    }
    try result.get()
  }

  /// Merges a binary encoding held in memory the caller keeps alive.
  @inlinable
  public mutating func mergeSerializedBytes(_ buffer: UnsafeRawBufferPointer, options: ProtoDecodingOptions = .init()) throws(ProtoDecodingError) {
    var reader = ProtoReader(buffer: buffer, options: options)
    try decodeMerging(from: &reader)
  }

  /// The binary encoding, in one allocation of exactly `serializedSize()` bytes.
  @inlinable
  public func serializedBytes() -> [UInt8] {
    let size = serializedSize()
    if size == 0 { return [] }
    return [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
      var writer = ProtoWriter(buffer: UnsafeMutableRawBufferPointer(buffer))
      encode(to: &writer)
      precondition(writer.bytesWritten == size, "serializedSize() disagrees with encode(to:)")
      initialized = size
    }
  }
}
