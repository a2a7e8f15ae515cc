import Testing

@testable import SluiceCodegen

/// Direct checks of DescriptorEncoder details (the contract test compares whole
/// files with protoc).
@Suite struct DescriptorEncoderTests {
  private func encode(_ text: String) throws -> [UInt8] {
    let set = try compileSources(["t.proto": text])
    return DescriptorEncoder.fileDescriptorProto(set.files[0], in: set)
  }

  @Test func minimalFile() throws {
    // name "t.proto", syntax "proto3"; no package field when there is none.
    #expect(try encode("syntax = \"proto3\";") == [0x0A, 0x07] + Array("t.proto".utf8) + [0x62, 0x06] + Array("proto3".utf8))
  }

  @Test func negativeEnumNumbersTakeTenBytes() throws {
    let bytes = try encode("syntax = \"proto3\";\nenum E { E_ZERO = 0; E_NEG = -1; }")
    let value = [0x10] + [UInt8](repeating: 0xFF, count: 9) + [0x01]
    #expect(bytes.windows(ofCount: 11).contains { Array($0) == value })
  }

  @Test func customOptionsAreLeftOut() throws {
    let plain = try encode("syntax = \"proto3\";\nmessage M { int32 a = 1; }")
    let custom = try encode("syntax = \"proto3\";\noption (x) = 1;\nmessage M { option (y) = true; int32 a = 1 [(z) = 2]; }")
    #expect(plain == custom)
  }

  @Test func rpcBodyGetsOptionsEvenWhenEmpty() throws {
    let withBody = try encode("syntax = \"proto3\";\nmessage M {}\nservice S { rpc A(M) returns (M) {} }")
    let without = try encode("syntax = \"proto3\";\nmessage M {}\nservice S { rpc A(M) returns (M); }")
    #expect(withBody.count == without.count + 2)
  }
}

extension Array {
  /// Consecutive slices of `count` elements.
  fileprivate func windows(ofCount count: Int) -> [ArraySlice<Element>] {
    guard self.count >= count else { return [] }
    return (0...(self.count - count)).map { self[$0..<$0 + count] }
  }
}
