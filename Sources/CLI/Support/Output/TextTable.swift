/// A plain-text table: a header row and rows of cells, columns padded to their widest
/// cell (counted in characters), numbers aligned right.
public struct TextTable: Sendable, Hashable {
  /// How a column's cells line up.
  public enum Alignment: Sendable, Hashable {
    case left
    case right
  }

  /// One column: its heading and alignment.
  public struct Column: Sendable, Hashable {
    /// The heading.
    public var title: String
    /// How cells line up.
    public var alignment: Alignment

    /// A column headed `title`.
    public init(_ title: String, _ alignment: Alignment = .left) {
      self.title = title
      self.alignment = alignment
    }
  }

  /// The columns.
  public var columns: [Column]
  /// The rows; a row shorter than ``columns`` leaves the rest blank.
  public var rows: [[String]] = []

  /// An empty table of `columns`.
  public init(columns: [Column]) {
    self.columns = columns
  }

  /// Appends a row.
  public mutating func append(_ row: [String]) {
    rows.append(row)
  }

  /// The table, one line per row after the header, columns two spaces apart, no
  /// trailing spaces.
  public func render() -> String {
    var widths = columns.map(\.title.count)
    for row in rows {
      for (index, cell) in row.prefix(columns.count).enumerated() {
        widths[index] = max(widths[index], cell.count)
      }
    }
    let header = line(columns.map(\.title), widths: widths)
    return ([header] + rows.map { line($0, widths: widths) }).joined(separator: "\n")
  }

  private func line(_ cells: [String], widths: [Int]) -> String {
    var parts: [String] = []
    for (index, column) in columns.enumerated() {
      let cell = index < cells.count ? cells[index] : ""
      let padding = String(repeating: " ", count: widths[index] - cell.count)
      parts.append(column.alignment == .left ? cell + padding : padding + cell)
    }
    var text = parts.joined(separator: "  ")
    while text.last == " " { text.removeLast() }
    return text
  }
}
