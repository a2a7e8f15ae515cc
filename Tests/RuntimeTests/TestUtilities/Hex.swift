/// Bytes from hex text such as "08 96 01" (spaces ignored).
func hex(_ text: String) -> [UInt8] {
  let digits = text.filter { !$0.isWhitespace }
  var bytes: [UInt8] = []
  var index = digits.startIndex
  while index < digits.endIndex {
    let next = digits.index(index, offsetBy: 2)
    bytes.append(UInt8(digits[index..<next], radix: 16)!)
    index = next
  }
  return bytes
}

/// Hex text of `bytes`, two digits per byte separated by spaces.
func hexString(_ bytes: [UInt8]) -> String {
  bytes.map { b in
    let s = String(b, radix: 16)
    return s.count == 1 ? "0" + s : s
  }.joined(separator: " ")
}
