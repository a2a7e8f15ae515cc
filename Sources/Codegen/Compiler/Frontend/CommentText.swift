/// Turns raw comment bodies into the text kept in ``Comments``.
enum CommentText {
  /// Removes what is left of the comment markers: the newline after `//` bodies,
  /// one space after each marker, trailing spaces, and
  /// blank first and last lines. Lines are joined by `\n`.
  static func normalize(_ raw: String) -> String {
    var lines = raw.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      var text = Substring(line)
      if text.hasPrefix(" ") { text = text.dropFirst() }
      while let last = text.last, last == " " || last == "\t" || last == "\r" {
        text = text.dropLast()
      }
      return text
    }
    while let first = lines.first, first.isEmpty { lines.removeFirst() }
    while let last = lines.last, last.isEmpty { lines.removeLast() }
    return lines.joined(separator: "\n")
  }
}
