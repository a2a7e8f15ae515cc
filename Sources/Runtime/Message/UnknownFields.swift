/// Fields a message did not recognise while decoding, stored as their exact wire bytes
/// (tag included) so that re-encoding reproduces them byte for byte.
///
/// Two values are equal when their bytes are equal.
public struct UnknownFields: Hashable, Sendable {
  /// The raw wire bytes, in the order they were read.
  public var bytes: [UInt8]

  /// Creates an empty set of unknown fields.
  @inlinable
  public init() { bytes = [] }

  /// Creates unknown fields from already encoded wire bytes.
  @inlinable
  public init(bytes: [UInt8]) { self.bytes = bytes }

  /// The number of bytes these fields take on the wire.
  @inlinable
  public var byteCount: Int { bytes.count }

  /// Whether no unknown field is stored.
  @inlinable
  public var isEmpty: Bool { bytes.isEmpty }

  /// Appends the wire bytes of one or more whole fields.
  @inlinable
  public mutating func append(_ raw: UnsafeRawBufferPointer) {
    bytes.append(contentsOf: raw)
  }
}
