import SluiceRuntime

/// Random but valid messages for property tests.
struct RandomMessages {
  var rng: SplitMix64

  private static let scalars: [Unicode.Scalar] = Array("abcXYZ019 _-.,:;{}[]\"\\/'".unicodeScalars)
    + (0..<0x20).map { Unicode.Scalar($0)! }
    + ["\u{7F}", "é", "ß", "ю", "中", "🎉", "\u{2028}", "\u{FEFF}", "\u{FFFD}", "\u{10FFFF}"]

  mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &rng) }
  mutating func chance(_ percent: Int) -> Bool { int(1...100) <= percent }

  mutating func string(maxLength: Int = 12) -> String {
    var s = ""
    for _ in 0..<int(0...maxLength) {
      s.unicodeScalars.append(Self.scalars.randomElement(using: &rng)!)
    }
    return s
  }

  mutating func bytes(maxLength: Int = 20) -> [UInt8] {
    (0..<int(0...maxLength)).map { _ in UInt8.random(in: 0...255, using: &rng) }
  }

  /// Any value of the type, biased towards small and extreme ones.
  mutating func integer<T: FixedWidthInteger>(_: T.Type = T.self) -> T {
    switch int(0...5) {
    case 0: return 0
    case 1: return T.random(in: 0...100, using: &rng)
    case 2: return T.min
    case 3: return T.max
    default: return T.random(in: T.min...T.max, using: &rng)
    }
  }

  /// A double from random bits (finite or infinite, never NaN).
  mutating func double() -> Double {
    let d = Double(bitPattern: rng.next())
    return d.isNaN ? 0.5 : d
  }

  mutating func float() -> Float {
    let f = Float(bitPattern: UInt32(truncatingIfNeeded: rng.next()))
    return f.isNaN ? -1.25 : f
  }

  mutating func kind() -> Sluice_Test_Kind {
    if chance(80) { return Sluice_Test_Kind.knownCases.randomElement(using: &rng)! }
    let number: Int32 = integer()
    return Sluice_Test_Kind(rawValue: (0...2).contains(number) ? 3 : number)
  }

  mutating func source() -> Sluice_Test_Source {
    var s = Sluice_Test_Source()
    if chance(70) { s.name = string() }
    if chance(70) { s.version = integer() }
    return s
  }

  mutating func timestamp() -> Google_Protobuf_Timestamp {
    Google_Protobuf_Timestamp(
      seconds: Int64.random(in: -62_135_596_800...253_402_300_799, using: &rng),
      nanos: chance(50) ? 0 : Int32.random(in: 0...999_999_999, using: &rng))
  }

  mutating func event(depth: Int = 2) -> Sluice_Test_Event {
    var e = Sluice_Test_Event()
    if chance(60) { e.id = string() }
    if chance(60) { e.count = integer() }
    for _ in 0..<int(0...3) { e.tags.append(string()) }
    for _ in 0..<int(0...4) { e.ids.append(integer()) }
    for _ in 0..<int(0...3) { e.labels[string(maxLength: 6)] = string() }
    if chance(40) { e.source = source() }
    if chance(40) { e.ratio = double() }
    if chance(50) { e.kind = kind() }
    switch int(0...3) {
    case 0: e.payload = .text(string())
    case 1: e.payload = .binary(bytes())
    case 2: e.payload = .nested(source())
    default: break
    }
    if chance(40) { e.blob = bytes(maxLength: 40) }
    if depth > 0 && chance(30) { e.parent = event(depth: depth - 1) }
    if depth > 0 { for _ in 0..<int(0...2) { e.children.append(event(depth: depth - 1)) } }
    for _ in 0..<int(0...3) { e.kinds.append(kind()) }
    if chance(40) { e.eventTime = timestamp() }
    return e
  }

  mutating func value(depth: Int) -> Google_Protobuf_Value {
    switch int(0...(depth > 0 ? 5 : 3)) {
    case 0: return .init(kind: .nullValue(.nullValue))
    case 1: return .init(kind: .numberValue(double().isFinite ? double() : 1))
    case 2: return .init(kind: .stringValue(string()))
    case 3: return .init(kind: .boolValue(chance(50)))
    case 4: return .init(kind: .structValue(structValue(depth: depth - 1)))
    default: return .init(kind: .listValue(.init(values: (0..<int(0...3)).map { _ in value(depth: depth - 1) })))
    }
  }

  mutating func structValue(depth: Int) -> Google_Protobuf_Struct {
    var s = Google_Protobuf_Struct()
    for _ in 0..<int(0...3) { s.fields[string(maxLength: 5)] = value(depth: depth) }
    return s
  }

  mutating func fieldPath() -> String {
    let words = ["a", "user", "display", "name", "x1", "b"]
    return (0..<int(1...3)).map { _ in
      (0..<int(1...2)).map { _ in words.randomElement(using: &rng)! }.joined(separator: "_")
    }.joined(separator: ".")
  }

  mutating func scalars() -> Sluice_Test_Scalars {
    var s = Sluice_Test_Scalars()
    if chance(50) { s.fDouble = double() }
    if chance(50) { s.fFloat = float() }
    if chance(50) { s.fInt32 = integer() }
    if chance(50) { s.fInt64 = integer() }
    if chance(50) { s.fUint32 = integer() }
    if chance(50) { s.fUint64 = integer() }
    if chance(50) { s.fSint32 = integer() }
    if chance(50) { s.fSint64 = integer() }
    if chance(50) { s.fFixed32 = integer() }
    if chance(50) { s.fFixed64 = integer() }
    if chance(50) { s.fSfixed32 = integer() }
    if chance(50) { s.fSfixed64 = integer() }
    if chance(50) { s.fBool = true }
    if chance(50) { s.fString = string(maxLength: 30) }
    if chance(50) { s.fBytes = bytes() }
    for _ in 0..<int(0...3) { s.rDouble.append(double()) }
    for _ in 0..<int(0...3) { s.rSint64.append(integer()) }
    for _ in 0..<int(0...3) { s.mInt32[integer()] = string() }
    for _ in 0..<int(0...2) { s.mBool[chance(50)] = integer() }
    if chance(30) { s.any = chance(50) ? Google_Protobuf_Any(packing: source()) : Google_Protobuf_Any(packing: timestamp()) }
    if chance(30) { s.value = value(depth: 2) }
    if chance(30) { s.wrapped = Google_Protobuf_Int32Value(integer()) }
    for _ in 0..<int(0...3) { s.rFixed32.append(integer()) }
    for _ in 0..<int(0...2) { s.mSource[integer()] = source() }
    if chance(30) {
      let seconds = Int64.random(in: -315_576_000_000...315_576_000_000, using: &rng)
      let nanos = Int32.random(in: 0...999_999_999, using: &rng)
      s.duration = Google_Protobuf_Duration(seconds: seconds, nanos: seconds < 0 ? -nanos : seconds == 0 && chance(50) ? -nanos : nanos)
    }
    if chance(30) { s.struct = structValue(depth: 2) }
    if chance(30) { s.mask = Google_Protobuf_FieldMask(paths: (0..<int(0...3)).map { _ in fieldPath() }) }
    for _ in 0..<int(0...3) { s.rBool.append(chance(50)) }
    return s
  }

  /// Encoded unknown fields with field numbers the test messages do not use.
  mutating func unknownFields() -> UnknownFields {
    var bytes: [UInt8] = []
    for _ in 0..<int(0...3) {
      let number = UInt64(int(100...536_870_911))
      switch int(0...3) {
      case 0: bytes += varint(number << 3) + varint(integer())
      case 1: bytes += varint(number << 3 | 1) + (0..<8).map { _ in UInt8.random(in: 0...255, using: &rng) }
      case 2:
        let payload = self.bytes()
        bytes += varint(number << 3 | 2) + varint(UInt64(payload.count)) + payload
      default: bytes += varint(number << 3 | 5) + (0..<4).map { _ in UInt8.random(in: 0...255, using: &rng) }
      }
    }
    return UnknownFields(bytes: bytes)
  }

  private func varint(_ value: UInt64) -> [UInt8] {
    var v = value
    var out: [UInt8] = []
    while v >= 0x80 {
      out.append(UInt8(truncatingIfNeeded: v) | 0x80)
      v >>= 7
    }
    out.append(UInt8(v))
    return out
  }
}
