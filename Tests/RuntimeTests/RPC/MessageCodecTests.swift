import SluiceRuntime
import Testing

@Suite struct MessageCodecTests {
  private let request = Echo_V1_EchoRequest(text: "héllo", count: 3, failMessage: "x")

  @Test func protobufRoundTrip() throws {
    let codec = MessageCodec.protobuf
    let bytes = try codec.encode(request)
    #expect(bytes == request.serializedBytes())
    #expect(
      try codec.decode(bytes, as: Echo_V1_EchoRequest.self, errorCode: .invalidArgument) == request)
  }

  @Test func jsonRoundTripWithOptions() throws {
    let codec = MessageCodec.json()
    let bytes = try codec.encode(request)
    #expect(
      String(decoding: bytes, as: UTF8.self) == #"{"text":"héllo","count":3,"failMessage":"x"}"#)
    #expect(
      try codec.decode(bytes, as: Echo_V1_EchoRequest.self, errorCode: .invalidArgument) == request)
    let protoNames = MessageCodec.json(
      JSONEncodingOptions(useProtoFieldNames: true), JSONDecodingOptions())
    #expect(
      String(decoding: try protoNames.encode(request), as: UTF8.self).contains("fail_message"))
    let lenient = MessageCodec.json(
      JSONEncodingOptions(), JSONDecodingOptions(ignoreUnknownFields: true))
    let decoded = try lenient.decode(
      Array(#"{"text":"a","extra":1}"#.utf8), as: Echo_V1_EchoRequest.self,
      errorCode: .invalidArgument)
    #expect(decoded.text == "a")
  }

  @Test func decodeFailuresCarryTheChosenCode() {
    #expect(throws: RPCError.self) {
      try MessageCodec.protobuf.decode(
        [0x0a, 0x05, 0x61], as: Echo_V1_EchoRequest.self, errorCode: .invalidArgument)
    }
    do {
      _ = try MessageCodec.protobuf.decode(
        [0x0a, 0x05], as: Echo_V1_EchoRequest.self, errorCode: .internal)
      Issue.record("decoded truncated input")
    } catch {
      #expect(error.code == .internal)
      #expect(error.message.contains("echo.v1.EchoRequest"))
    }
    do {
      _ = try MessageCodec.json().decode(
        Array(#"{"nope":1}"#.utf8), as: Echo_V1_EchoRequest.self, errorCode: .invalidArgument)
      Issue.record("decoded an unknown JSON field")
    } catch {
      #expect(error.code == .invalidArgument)
      #expect(error.message.contains("JSON"))
    }
  }

  @Test func jsonEncodingFailureIsInternal() {
    var any = Google_Protobuf_Any()
    any.typeUrl = "type.googleapis.com/unknown.Type"
    do {
      _ = try MessageCodec.json().encode(any)
      Issue.record("encoded an Any of an unknown type as JSON")
    } catch {
      #expect(error.code == .internal)
    }
    #expect((try? MessageCodec.protobuf.encode(any)) != nil)
  }
}
