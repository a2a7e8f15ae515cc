/// Accumulates Swift source text line by line with two-space indentation.
struct SwiftWriter {
  /// The text written so far.
  private(set) var output = ""
  private var depth = 0
  private var lastLineWasBlank = true

  /// The lines written so far (for writers used to build statement lists).
  var lineList: [String] {
    output.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
  }

  /// Writes one line at the current indentation; an empty string writes an empty line.
  mutating func line(_ text: String) {
    if text.isEmpty {
      output += "\n"
    } else {
      output += String(repeating: "  ", count: depth) + text + "\n"
    }
    lastLineWasBlank = text.isEmpty
  }

  /// Writes several lines.
  mutating func lines(_ texts: [String]) {
    for text in texts { line(text) }
  }

  /// Writes an empty line unless the previous line is empty or opens a block.
  mutating func blankLine() {
    if !lastLineWasBlank && !output.hasSuffix("{\n") { line("") }
  }

  /// Writes `header {` (or another opener), the body one level deeper, then `closer`.
  mutating func block(
    _ header: String, opener: String = "{", closer: String = "}", _ body: (inout SwiftWriter) -> Void
  ) {
    line(header + " " + opener)
    depth += 1
    body(&self)
    depth -= 1
    line(closer)
  }

  /// Writes `head`, the items separated by `, ` and `tail` on one line when it fits in 100
  /// columns, else one item per line (with trailing commas) between `head` and `tail`.
  mutating func list(_ head: String, _ items: [String], _ tail: String) {
    let single = head + items.joined(separator: ", ") + tail
    guard !fits(single), !items.isEmpty else {
      line(single)
      return
    }
    line(head)
    depth += 1
    for item in items { line(item + ",") }
    depth -= 1
    line(tail)
  }

  /// Writes a braced statement (`if`, `for`, with `else` parts) whose clauses each have a
  /// header and statements: on one line when it fits in 100 columns
  /// (`if x { a; b } else { c }`), else one statement per line.
  mutating func compound(_ clauses: [(header: String, statements: [String])]) {
    let single = clauses.map { "\($0.header) { \($0.statements.joined(separator: "; ")) }" }
      .joined(separator: " ")
    let simple = clauses.allSatisfy { $0.statements.allSatisfy(Self.isSimpleStatement) }
    if simple && fits(single) {
      line(single)
      return
    }
    for (index, clause) in clauses.enumerated() {
      line(index == 0 ? clause.header + " {" : "} " + clause.header + " {")
      depth += 1
      lines(clause.statements)
      depth -= 1
    }
    line("}")
  }

  /// `compound` with one clause.
  mutating func compound(_ header: String, _ statements: [String]) {
    compound([(header, statements)])
  }

  /// A `case` arm: `case x: a; b` when it fits in 100 columns, else the statements on
  /// their own lines below the label.
  mutating func caseArm(_ label: String, _ statements: [String]) {
    let single = label + " " + statements.joined(separator: "; ")
    if statements.allSatisfy(Self.isSimpleStatement) && fits(single) {
      line(single)
      return
    }
    line(label)
    depth += 1
    lines(statements)
    depth -= 1
  }

  private func fits(_ text: String) -> Bool { depth * 2 + text.count <= 100 }

  /// Whether a line is a whole statement (not the start, middle or end of a block).
  private static func isSimpleStatement(_ line: String) -> Bool {
    !line.hasSuffix("{") && !line.hasPrefix("}") && !line.hasPrefix(" ")
  }

  /// Writes the body one level deeper, without braces (for `case` bodies).
  mutating func indented(_ body: (inout SwiftWriter) -> Void) {
    depth += 1
    body(&self)
    depth -= 1
  }

  /// Writes `///` lines for schema comments (leading, then trailing, separated by an
  /// empty comment line) followed by `notes`, each note its own paragraph.
  mutating func docComment(_ comments: Comments, notes: [String] = []) {
    var paragraphs: [[String]] = []
    for text in [comments.leading, comments.trailing] {
      let body = Self.commentLines(text)
      if !body.isEmpty { paragraphs.append(body) }
    }
    for note in notes { paragraphs.append([note]) }
    for (index, paragraph) in paragraphs.enumerated() {
      if index > 0 { line("///") }
      for text in paragraph { line(text.isEmpty ? "///" : "/// " + text) }
    }
  }

  /// Comment text as lines: one leading space dropped when every non-empty line has it,
  /// trailing spaces and surrounding empty lines removed.
  static func commentLines(_ text: String) -> [String] {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      var line = Substring(line)
      while line.last == " " || line.last == "\t" || line.last == "\r" { line.removeLast() }
      return line
    }
    while lines.first?.isEmpty == true { lines.removeFirst() }
    while lines.last?.isEmpty == true { lines.removeLast() }
    if lines.allSatisfy({ $0.isEmpty || $0.first == " " }) {
      lines = lines.map { $0.isEmpty ? $0 : $0.dropFirst() }
    }
    return lines.map(String.init)
  }
}
