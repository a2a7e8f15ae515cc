/// A reader fed one header field at a time, as raw bytes (the transport's own buffers).
public protocol HeaderFieldReader {
  /// Reads one header field.
  mutating func add(name: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer)
}

extension HeaderFieldReader {
  /// Reads one header field given as strings (HTTP/1.1 servers, tests).
  public mutating func add(name: String, value: String) {
    var name = name
    var value = value
    name.withUTF8 { name in
      value.withUTF8 { value in
        add(name: UnsafeRawBufferPointer(name), value: UnsafeRawBufferPointer(value))
      }
    }
  }
}
