extension JSONWriter {
  /// Writes a `bytes` value as unpadded standard base64, as Connect's error details and
  /// binary metadata want it.
  mutating func writeUnpaddedBase64(_ value: [UInt8]) {
    beginValue()
    bytes.append(UInt8(ascii: "\""))
    Base64.encode(value, into: &bytes, padding: false)
    bytes.append(UInt8(ascii: "\""))
  }
}
