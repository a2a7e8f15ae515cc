import SluiceRuntime
import Testing

@Suite struct StatusCodeTests {
  /// gRPC's statuscodes.md (number, name) and connectrpc.com's protocol (code, HTTP status).
  static let table: [(StatusCode, Int, String, String, Int)] = [
    (.ok, 0, "OK", "ok", 200),
    (.cancelled, 1, "CANCELLED", "canceled", 499),
    (.unknown, 2, "UNKNOWN", "unknown", 500),
    (.invalidArgument, 3, "INVALID_ARGUMENT", "invalid_argument", 400),
    (.deadlineExceeded, 4, "DEADLINE_EXCEEDED", "deadline_exceeded", 504),
    (.notFound, 5, "NOT_FOUND", "not_found", 404),
    (.alreadyExists, 6, "ALREADY_EXISTS", "already_exists", 409),
    (.permissionDenied, 7, "PERMISSION_DENIED", "permission_denied", 403),
    (.resourceExhausted, 8, "RESOURCE_EXHAUSTED", "resource_exhausted", 429),
    (.failedPrecondition, 9, "FAILED_PRECONDITION", "failed_precondition", 400),
    (.aborted, 10, "ABORTED", "aborted", 409),
    (.outOfRange, 11, "OUT_OF_RANGE", "out_of_range", 400),
    (.unimplemented, 12, "UNIMPLEMENTED", "unimplemented", 501),
    (.internal, 13, "INTERNAL", "internal", 500),
    (.unavailable, 14, "UNAVAILABLE", "unavailable", 503),
    (.dataLoss, 15, "DATA_LOSS", "data_loss", 500),
    (.unauthenticated, 16, "UNAUTHENTICATED", "unauthenticated", 401),
  ]

  @Test func everyCodeMatchesTheTables() {
    #expect(StatusCode.allCases.count == 17)
    for (code, number, name, connect, http) in Self.table {
      #expect(code.rawValue == number)
      #expect(StatusCode(grpcStatus: number) == code)
      #expect(code.name == name)
      #expect(code.description == name)
      #expect(StatusCode(name: name) == code)
      #expect(code.connectCode == connect)
      #expect(code.connectHTTPStatus == http)
      #expect(StatusCode(connectCode: connect) == (code == .ok ? nil : code))
    }
  }

  @Test func unknownNumbersAndNamesAreRejectedOrUnknown() {
    #expect(StatusCode(grpcStatus: 17) == .unknown)
    #expect(StatusCode(grpcStatus: -1) == .unknown)
    #expect(StatusCode(rawValue: 17) == nil)
    #expect(StatusCode(name: "invalid_argument") == nil)
    #expect(StatusCode(connectCode: "cancelled") == nil)
    #expect(StatusCode(connectCode: "INVALID_ARGUMENT") == nil)
  }

  @Test func httpStatusWithoutRPCStatus() {
    let expected: [Int: StatusCode] = [
      400: .internal, 401: .unauthenticated, 403: .permissionDenied, 404: .unimplemented,
      429: .unavailable, 502: .unavailable, 503: .unavailable, 504: .unavailable,
      200: .unknown, 409: .unknown, 500: .unknown,
    ]
    for (http, code) in expected {
      #expect(StatusCode(httpStatus: http) == code, "HTTP \(http)")
    }
  }
}
