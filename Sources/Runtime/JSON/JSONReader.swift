/// Reads proto3 JSON from UTF-8 bytes the caller keeps alive, validating the full JSON
/// grammar as it goes.
///
/// Generated code drives it with `beginObject()` / `nextKey()` and the typed value
/// readers; the reader tracks commas, nesting depth and duplicate keys itself.
public struct JSONReader {
  /// The options in force (unknown fields, recursion limit, `Any` registry).
  public let options: JSONDecodingOptions

  @usableFromInline
  let start: UnsafeRawPointer

  @usableFromInline
  let end: UnsafeRawPointer

  @usableFromInline
  var pointer: UnsafeRawPointer

  /// True right after `{` or `[`: the next member or element needs no comma.
  var afterOpen = false

  /// How many objects and arrays are open.
  var depth = 0

  var keys = JSONKeyTracker()

  /// Depth of the object that is the body of a `google.protobuf.Any` being decoded,
  /// whose `@type` key the body's message must skip; -1 when none.
  var anyBodyDepth = -1

  /// Reused buffer for strings that contain escapes.
  var scratch: [UInt8] = []

  /// Creates a reader over `buffer`, which must stay valid while the reader is used.
  public init(buffer: UnsafeRawBufferPointer, options: JSONDecodingOptions = .init()) {
    let base = buffer.baseAddress ?? UnsafeRawPointer(ProtoWriter.emptyBase)
    self.options = options
    start = base
    end = base + buffer.count
    pointer = base
  }

  /// The byte offset of the next unread byte.
  public var offset: Int { pointer - start }

  /// Checks that only whitespace follows the top-level value.
  public mutating func finish() throws(JSONDecodingError) {
    skipWhitespace()
    if pointer != end { throw .trailingGarbage(offset: offset) }
  }

  // MARK: Bytes

  mutating func skipWhitespace() {
    while pointer != end {
      switch pointer.load(as: UInt8.self) {
      case 0x20, 0x0A, 0x0D, 0x09: pointer += 1
      default: return
      }
    }
  }

  /// The next non-whitespace byte, not consumed.
  mutating func peek() throws(JSONDecodingError) -> UInt8 {
    skipWhitespace()
    guard pointer != end else { throw .unexpectedEnd }
    return pointer.load(as: UInt8.self)
  }

  /// The offset of the next non-whitespace byte (throws at the end of input).
  mutating func peekOffset() throws(JSONDecodingError) -> Int {
    _ = try peek()
    return offset
  }

  /// Consumes `byte` after optional whitespace, or throws.
  mutating func expect(_ byte: UInt8) throws(JSONDecodingError) {
    guard try peek() == byte else { throw .unexpectedCharacter(offset: offset) }
    pointer += 1
  }

  /// Consumes `literal` if the input continues with it.
  mutating func consumeLiteral(_ literal: StaticString) -> Bool {
    let count = literal.utf8CodeUnitCount
    guard end - pointer >= count else { return false }
    let expected = literal.utf8Start
    for i in 0..<count where pointer.load(fromByteOffset: i, as: UInt8.self) != expected[i] {
      return false
    }
    pointer += count
    return true
  }

  // MARK: Objects and arrays

  mutating func enterContainer() throws(JSONDecodingError) {
    depth += 1
    if depth > options.recursionLimit { throw .recursionLimitExceeded }
    afterOpen = true
  }

  /// Consumes `{`, entering an object.
  public mutating func beginObject() throws(JSONDecodingError) {
    try expect(UInt8(ascii: "{"))
    try enterContainer()
    keys.push()
  }

  /// Returns the next member's key, consuming the `:` after it, or nil after
  /// consuming the closing `}`. Throws on a key repeated within the object.
  public mutating func nextKey() throws(JSONDecodingError) -> String? {
    let byte = try peek()
    if byte == UInt8(ascii: "}") {
      pointer += 1
      afterOpen = false
      depth -= 1
      keys.pop()
      return nil
    }
    if afterOpen {
      afterOpen = false
    } else {
      guard byte == UInt8(ascii: ",") else { throw .unexpectedCharacter(offset: offset) }
      pointer += 1
    }
    let key = try readString()
    guard keys.insert(key) else { throw .duplicateField(key) }
    try expect(UInt8(ascii: ":"))
    return key
  }

  /// Records the other name of the field whose key was just read (its proto name when
  /// the key was its JSON name, and the reverse), so a field given under both names in
  /// one object is rejected like a repeated key.
  public mutating func claimFieldAlias(_ alias: String) throws(JSONDecodingError) {
    guard keys.insert(alias) else { throw .duplicateField(alias) }
  }

  /// Consumes `[`, entering an array.
  public mutating func beginArray() throws(JSONDecodingError) {
    try expect(UInt8(ascii: "["))
    try enterContainer()
  }

  /// True when another element follows (its comma consumed); false after consuming
  /// the closing `]`.
  public mutating func nextArrayElement() throws(JSONDecodingError) -> Bool {
    let byte = try peek()
    if byte == UInt8(ascii: "]") {
      pointer += 1
      afterOpen = false
      depth -= 1
      return false
    }
    if afterOpen {
      afterOpen = false
    } else {
      guard byte == UInt8(ascii: ",") else { throw .unexpectedCharacter(offset: offset) }
      pointer += 1
    }
    return true
  }

  /// Consumes a `null` literal if one is next.
  public mutating func consumeNull() -> Bool {
    skipWhitespace()
    return consumeLiteral("null")
  }

  // MARK: Values

  /// Reads `true` or `false`.
  public mutating func readBool() throws(JSONDecodingError) -> Bool {
    _ = try peek()
    if consumeLiteral("true") { return true }
    if consumeLiteral("false") { return false }
    throw .unexpectedCharacter(offset: offset)
  }

  /// Reads an embedded message (or well-known type), merging into `message`.
  /// Nesting is bounded by `options.recursionLimit`.
  @inlinable
  public mutating func readMessage<M: ProtoMessage>(into message: inout M) throws(JSONDecodingError) {
    try message.decodeJSONMerging(from: &self)
  }

  /// Reads an enum value given by name or number. Returns nil for an unknown name
  /// when `options.ignoreUnknownFields` is set; `google.protobuf.NullValue` also
  /// accepts `null`.
  @inlinable
  public mutating func readEnum<E: ProtoEnum>() throws(JSONDecodingError) -> E? {
    switch try readEnumToken(acceptsNull: E.protoEnumName == "google.protobuf.NullValue") {
    case .number(let n):
      return E(rawValue: n)
    case .name(let name):
      if let value = E(protoName: name) { return value }
      if let number = JSONNumberParser.integer(fromKey: name), let n = Int32(exactly: number) {
        return E(rawValue: n)
      }
      if options.ignoreUnknownFields { return nil }
      throw .unknownEnumValue(name)
    }
  }

  /// An enum value as written: a name (or quoted number) or a number.
  @usableFromInline
  enum EnumToken {
    case name(String)
    case number(Int32)
  }

  @usableFromInline
  mutating func readEnumToken(acceptsNull: Bool) throws(JSONDecodingError) -> EnumToken {
    let byte = try peek()
    if byte == UInt8(ascii: "\"") { return .name(try readString()) }
    if acceptsNull && consumeLiteral("null") { return .number(0) }
    return .number(try readInt32())
  }

  /// Skips one JSON value of any kind, validating it.
  public mutating func skipValue() throws(JSONDecodingError) {
    switch try peek() {
    case UInt8(ascii: "{"):
      try beginObject()
      while try nextKey() != nil { try skipValue() }
    case UInt8(ascii: "["):
      try beginArray()
      while try nextArrayElement() { try skipValue() }
    case UInt8(ascii: "\""):
      _ = try readString()
    case UInt8(ascii: "t"), UInt8(ascii: "f"):
      _ = try readBool()
    case UInt8(ascii: "n"):
      guard consumeLiteral("null") else { throw .unexpectedCharacter(offset: offset) }
    default:
      _ = try scanNumberToken()
    }
  }

  /// Handles a key that names no field: skips its value when
  /// `options.ignoreUnknownFields` is set (or it is the `@type` of an enclosing
  /// `Any`), otherwise throws `unknownField`.
  public mutating func skipUnknownField(_ key: String) throws(JSONDecodingError) {
    if options.ignoreUnknownFields || (depth == anyBodyDepth && key == "@type") {
      try skipValue()
    } else {
      throw .unknownField(key)
    }
  }
}
