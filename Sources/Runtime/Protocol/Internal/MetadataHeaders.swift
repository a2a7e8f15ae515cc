/// Custom metadata as HTTP header fields, both ways: `-bin` values are base64 (unpadded
/// on output; padded or not, comma-separated lists allowed, on input).
enum MetadataHeaders {
  /// Adds a received header to `metadata`. Names with characters outside gRPC's
  /// `Header-Name` set, and string values outside printable ASCII, are dropped (gRPC lets
  /// implementations discard such values); uppercase names are lowercased and string
  /// values trimmed. A `-bin` value that is not base64 sets `malformedBinaryKey`.
  static func add(
    name: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer, to metadata: inout Metadata,
    malformedBinaryKey: inout String?
  ) {
    var hasUppercase = false
    for byte in name {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
        UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."):
        continue
      case UInt8(ascii: "A")...UInt8(ascii: "Z"):
        hasUppercase = true
      default:
        return
      }
    }
    let key =
      hasUppercase
      ? String(decoding: name.map(ASCII.lowercased), as: UTF8.self)
      : String(decoding: name, as: UTF8.self)
    if name.count > 4 && ASCII.hasSuffixIgnoringCase(name, "-bin") {
      if ASCII.trimmed(value).isEmpty {
        metadata.addUnchecked(.binary([]), forKey: key)
        return
      }
      var valid = true
      ASCII.forEachListElement(value) { element in
        guard let bytes = element.withMemoryRebound(to: UInt8.self, { Base64.decode($0) }) else {
          valid = false
          return false
        }
        metadata.addUnchecked(.binary(bytes), forKey: key)
        return true
      }
      if !valid && malformedBinaryKey == nil { malformedBinaryKey = key }
      return
    }
    let trimmed = ASCII.trimmed(value)
    guard trimmed.allSatisfy({ $0 >= 0x20 && $0 <= 0x7E }) else { return }
    metadata.addUnchecked(.string(String(decoding: trimmed, as: UTF8.self)), forKey: key)
  }

  /// Appends `metadata` as header fields, each name prefixed with `prefix` (empty, or
  /// Connect's `trailer-`). Keys the protocols reserve (`grpc-*`, `connect-*`, and headers
  /// of HTTP itself such as `content-type` or `te`) are skipped.
  static func write(_ metadata: Metadata, prefix: StaticString = "", into block: inout HeaderBlock)
  {
    for (key, value) in metadata where !isReservedKey(key) {
      block.append(namePrefix: prefix, name: key) { output in
        switch value {
        case .string(let string):
          output.append(contentsOf: string.utf8)
        case .binary(let bytes):
          Base64.encode(bytes, into: &output, padding: false)
        }
      }
    }
  }

  /// Whether user metadata may not use `key` (lowercase).
  static func isReservedKey(_ key: String) -> Bool {
    var key = key
    return key.withUTF8 { utf8 in
      let name = UnsafeRawBufferPointer(utf8)
      if name.isEmpty { return true }
      if ASCII.hasPrefixIgnoringCase(name, "grpc-") || ASCII.hasPrefixIgnoringCase(name, "connect-")
      {
        return true
      }
      switch name.count {
      case 2: return ASCII.equals(name, "te")
      case 4: return ASCII.equals(name, "host")
      case 7: return ASCII.equals(name, "trailer") || ASCII.equals(name, "upgrade")
      case 10: return ASCII.equals(name, "connection") || ASCII.equals(name, "keep-alive")
      case 12: return ASCII.equals(name, "content-type")
      case 14: return ASCII.equals(name, "content-length")
      case 15: return ASCII.equals(name, "accept-encoding")
      case 16:
        return ASCII.equals(name, "content-encoding") || ASCII.equals(name, "proxy-connection")
      case 17: return ASCII.equals(name, "transfer-encoding")
      default: return false
      }
    }
  }
}
