import SluiceRuntime
import Testing

@Suite struct MetadataTests {
  @Test func keepsOrderAndRepeatsAndLowercasesKeys() throws {
    var metadata = Metadata()
    try metadata.addString("a", forKey: "X-Trace")
    try metadata.addString("1", forKey: "x-other")
    try metadata.addString("b", forKey: "x-trace")
    #expect(metadata.map(\.key) == ["x-trace", "x-other", "x-trace"])
    #expect(metadata.values(forKey: "X-TRACE") == [.string("a"), .string("b")])
    #expect(metadata.firstString(forKey: "x-trace") == "a")
    #expect(metadata.contains(key: "X-Other"))
    #expect(!metadata.contains(key: "x-missing"))
    #expect(metadata.count == 3)
  }

  @Test func setReplacesAllValuesAtTheFirstPosition() throws {
    var metadata: Metadata = ["a": "1", "b": "2", "a": "3"]
    try metadata.setString("9", forKey: "A")
    #expect(metadata.map(\.key) == ["a", "b"])
    #expect(metadata.firstString(forKey: "a") == "9")
    try metadata.setString("new", forKey: "c")
    #expect(metadata.map(\.key) == ["a", "b", "c"])
    metadata.removeAll(forKey: "B")
    #expect(metadata.map(\.key) == ["a", "c"])
  }

  @Test func binaryValuesNeedBinKeys() throws {
    var metadata = Metadata()
    try metadata.addBinary([0, 255], forKey: "x-blob-bin")
    #expect(metadata.firstBinary(forKey: "x-blob-bin") == [0, 255])
    #expect(metadata.firstString(forKey: "x-blob-bin") == nil)
    #expect(throws: MetadataError.valueKindMismatch(key: "x-blob")) {
      try metadata.addBinary([1], forKey: "x-blob")
    }
    #expect(throws: MetadataError.valueKindMismatch(key: "x-text-bin")) {
      try metadata.addString("text", forKey: "X-Text-Bin")
    }
    try metadata.setBinary([7], forKey: "x-blob-bin")
    #expect(metadata.values(forKey: "x-blob-bin") == [.binary([7])])
    #expect(Metadata.isBinaryKey("a-BIN"))
    #expect(!Metadata.isBinaryKey("-bin"))
  }

  @Test func rejectsInvalidKeys() {
    var metadata = Metadata()
    for key in ["", ":path", "x key", "x/y", "ключ", "x\u{0}"] {
      #expect(throws: MetadataError.invalidKey(key)) { try metadata.addString("v", forKey: key) }
    }
    #expect(metadata.isEmpty)
    #expect(Metadata.isValidKey("grpc-status"))
    #expect(Metadata.isValidKey("a.b_c-D9"))
  }

  @Test func rejectsInvalidStringValues() {
    var metadata = Metadata()
    for value in ["tab\there", "new\nline", "é", " leading", "trailing ", "\u{7F}"] {
      #expect(throws: MetadataError.invalidValue(key: "x")) {
        try metadata.addString(value, forKey: "x")
      }
    }
    #expect(Metadata.isValidStringValue(""))
    #expect(Metadata.isValidStringValue("in side ~!"))
  }

  @Test func uncheckedAndCombinedEntries() {
    var metadata = Metadata()
    metadata.addUnchecked(.string("raw value é"), forKey: "x-raw")
    var other: Metadata = ["b": "2"]
    other.add(contentsOf: metadata)
    #expect(other.map(\.key) == ["b", "x-raw"])
    #expect(other[1].value == .string("raw value é"))
  }

  @Test func equalityIsOrderSensitiveAndDescriptionIsReadable() throws {
    let first: Metadata = ["a": "1", "b": "2"]
    let second: Metadata = ["b": "2", "a": "1"]
    #expect(first != second)
    #expect(first == ["A": "1", "b": "2"])
    var withBinary = first
    try withBinary.addBinary([1, 2, 3], forKey: "c-bin")
    #expect(withBinary.description == #"[a: "1", b: "2", c-bin: <3 bytes>]"#)
    #expect(MetadataError.invalidKey("x y").description == #"invalid metadata key "x y""#)
    #expect(MetadataError.valueKindMismatch(key: "c-bin").description.contains("binary"))
  }
}
