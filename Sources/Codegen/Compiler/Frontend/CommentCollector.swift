/// Decides, for the comments between two tokens, which one trails the previous token
/// and which one leads the next, with protoc's rules (`Tokenizer::NextWithComments`):
/// a comment on the previous token's line, or a block right below it followed by a
/// blank line, trails it; the last block right above the next token, not separated
/// from it by a blank line, leads it; everything else is detached and dropped.
struct CommentCollector {
  /// The comment attached to the previous token, as raw text.
  private(set) var trailing: String?
  private var buffer = ""
  private var hasComment = false
  private var isLineComment = false
  private var canAttachToPrevious = true
  private var flushedCount = 0
  private var hasTrailing = false

  /// Adds the body of a `//` comment (text after the marker, with its newline).
  /// Consecutive line comments form one block.
  mutating func addLineComment(_ text: String) {
    if hasComment && !isLineComment { flush() }
    hasComment = true
    isLineComment = true
    buffer += text
  }

  /// Adds the body of a `/* */` comment; it always starts a new block.
  mutating func addBlockComment(_ text: String) {
    if hasComment { flush() }
    hasComment = true
    isLineComment = false
    buffer += text
  }

  /// The current block is complete and does not belong to the next token.
  mutating func flush() {
    guard hasComment else { return }
    if canAttachToPrevious {
      trailing = (trailing ?? "") + buffer
      hasTrailing = true
      canAttachToPrevious = false
    }
    buffer = ""
    hasComment = false
    flushedCount += 1
  }

  /// No later comment may trail the previous token (a blank line was seen).
  mutating func detachFromPrevious() { canAttachToPrevious = false }

  /// The next token is on the line where the previous token or its trailing comment
  /// ended: a lone comment between them belongs to neither.
  mutating func detachLoneComment() {
    let count = flushedCount + (hasComment ? 1 : 0)
    guard count == 1 else { return }
    if hasTrailing { trailing = nil }
    canAttachToPrevious = false
    flush()
  }

  /// The comment that leads the next token, if any.
  var leading: String? { hasComment ? buffer : nil }
}
