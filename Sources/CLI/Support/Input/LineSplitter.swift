/// Cuts a byte stream, arriving in chunks of any size, into lines (split at LF; a CR
/// before it stays for the decoders, which ignore it). A line longer than
/// ``maxLineBytes`` is not kept: it comes out as ``Piece/tooLong(bytes:)``, so input
/// without line breaks cannot fill memory.
public struct LineSplitter: Sendable {
  /// One line of input.
  public enum Piece: Sendable, Hashable {
    /// A line's bytes, without its LF.
    case line([UInt8])
    /// A line longer than the limit, and how long it was.
    case tooLong(bytes: Int)
  }

  /// The longest line kept.
  public let maxLineBytes: Int
  private var pending: [UInt8] = []
  private var overflow = 0

  /// A splitter keeping lines of up to `maxLineBytes`.
  public init(maxLineBytes: Int = 8 << 20) {
    self.maxLineBytes = maxLineBytes
  }

  /// The lines `chunk` completes, in order.
  public mutating func split(_ chunk: [UInt8]) -> [Piece] {
    var pieces: [Piece] = []
    var start = chunk.startIndex
    while start < chunk.endIndex {
      guard let newline = chunk[start...].firstIndex(of: UInt8(ascii: "\n")) else {
        keep(chunk[start...])
        break
      }
      keep(chunk[start..<newline])
      pieces.append(takeLine())
      start = newline + 1
    }
    return pieces
  }

  /// The last line when the input did not end with a line break; nil when it did.
  public mutating func finish() -> Piece? {
    guard !pending.isEmpty || overflow > 0 else { return nil }
    return takeLine()
  }

  private mutating func keep(_ bytes: ArraySlice<UInt8>) {
    if overflow > 0 || pending.count + bytes.count > maxLineBytes {
      overflow += pending.count + bytes.count
      pending = []
    } else {
      pending.append(contentsOf: bytes)
    }
  }

  private mutating func takeLine() -> Piece {
    defer {
      pending = []
      overflow = 0
    }
    return overflow > 0 ? .tooLong(bytes: overflow) : .line(pending)
  }
}
