import SluiceRuntime
import Testing

@Suite struct StatusMessageTests {
  @Test func encodesPerTheSpec() {
    let table: [(String, String)] = [
      ("", ""), ("plain text", "plain text"), ("100%", "100%25"), ("a\nb", "a%0Ab"),
      ("tab\there", "tab%09here"), ("café", "caf%C3%A9"), ("日本", "%E6%97%A5%E6%9C%AC"),
      ("😀", "%F0%9F%98%80"), ("~!@#$^&*()", "~!@#$^&*()"), ("\u{7F}", "%7F"),
    ]
    for (message, encoded) in table {
      #expect(GRPCStatusMessage.encode(message) == encoded, "\(message)")
      #expect(GRPCStatusMessage.decode(encoded) == message, "\(encoded)")
    }
  }

  @Test func decodingIsLenient() {
    let table: [(String, String)] = [
      ("%", "%"), ("%4", "%4"), ("%zz", "%zz"), ("100%!", "100%!"), ("%41%4", "A%4"),
      ("%e6%97%a5", "日"), ("%C3", "\u{FFFD}"), ("a%2", "a%2"), ("%%41", "%A"),
    ]
    for (encoded, message) in table {
      #expect(GRPCStatusMessage.decode(encoded) == message, "\(encoded)")
    }
  }

  @Test func roundTripsEveryByteAndScalars() {
    let everyASCII = String(decoding: (0..<128).map { UInt8($0) }, as: UTF8.self)
    let samples = [everyASCII, "mixed % and 😀 and \r\n", String(repeating: "ü%", count: 100)]
    for sample in samples {
      let encoded = GRPCStatusMessage.encode(sample)
      #expect(encoded.utf8.allSatisfy { $0 >= 0x20 && $0 <= 0x7E })
      #expect(GRPCStatusMessage.decode(encoded) == sample)
    }
  }

  @Test func appendsToAnExistingBuffer() {
    var bytes: [UInt8] = [UInt8(ascii: "x")]
    GRPCStatusMessage.encode("é", into: &bytes)
    #expect(bytes == Array("x%C3%A9".utf8))
  }
}

@Suite struct StatusDetailsTests {
  static let error = RPCError(
    code: .resourceExhausted, message: "slow down",
    details: [
      RPCError.Detail(typeName: "google.rpc.RetryInfo", value: [0x0A, 0x02, 0x08, 0x3C]),
      RPCError.Detail(typeName: "test.Empty", value: []),
    ])

  @Test func googleRPCStatusGoldenBytes() {
    let status = GoogleRPCStatus(code: 3, message: "hi", details: [])
    #expect(status.serializedBytes() == [0x08, 0x03, 0x12, 0x02, 0x68, 0x69])
    #expect(GoogleRPCStatus().serializedBytes() == [])
    #expect(GoogleRPCStatus(code: -1).serializedSize() == 11)
  }

  @Test func roundTripsThroughTheHeader() throws {
    var value: [UInt8] = []
    GRPCStatusDetails.encode(Self.error, into: &value)
    #expect(!value.contains(UInt8(ascii: "=")))
    let header = String(decoding: value, as: UTF8.self)
    let status = try #require(GRPCStatusDetails.decode(header))
    #expect(status.code == 8)
    #expect(status.message == "slow down")
    #expect(
      status.details.map(\.typeUrl) == [
        "type.googleapis.com/google.rpc.RetryInfo", "type.googleapis.com/test.Empty",
      ])
    #expect(status.rpcErrorDetails == Self.error.details)
    #expect(status == GoogleRPCStatus(Self.error))
  }

  @Test func acceptsPaddedAndUnpaddedInput() throws {
    // code 3, message "hi": CAMSAmhp (no padding needed); code 5: CAU= / CAU.
    #expect(GRPCStatusDetails.decode("CAMSAmhp")?.message == "hi")
    #expect(GRPCStatusDetails.decode("CAU=")?.code == 5)
    #expect(GRPCStatusDetails.decode("CAU")?.code == 5)
    #expect(GRPCStatusDetails.decode("CA-")?.code == 15)  // URL-safe alphabet
  }

  @Test func rejectsMalformedValues() {
    #expect(GRPCStatusDetails.decode("!!!") == nil)
    #expect(GRPCStatusDetails.decode("CA") == nil)  // a tag without its varint
    #expect(GRPCStatusDetails.decode("Cg") == nil)  // field 1 as bytes: wrong wire type
  }

  @Test func skipsUnknownFields() throws {
    let bytes: [UInt8] = [0x08, 0x05, 0x20, 0x07, 0x12, 0x01, 0x78]
    let status = try bytes.withUnsafeBytes { try GoogleRPCStatus(serializedBytes: $0) }
    #expect(status == GoogleRPCStatus(code: 5, message: "x"))
  }
}
