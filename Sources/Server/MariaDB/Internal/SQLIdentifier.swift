/// Checks identifiers that code (never outside input) splices into SQL.
enum SQLIdentifier {
  /// Whether `text` is 1–64 letters, digits, `_` or `$`: safe to quote with backticks.
  static func isPlain(_ text: String) -> Bool {
    !text.isEmpty && text.utf8.count <= 64
      && text.utf8.allSatisfy { byte in
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
          UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "$"):
          true
        default: false
        }
      }
  }
}
