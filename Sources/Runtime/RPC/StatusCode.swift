/// The outcome of an RPC: gRPC's 17 status codes, with their numbers, their names as
/// gRPC's `statuscodes.md` writes them, and their Connect protocol spellings.
public enum StatusCode: Int, Sendable, Hashable, CaseIterable, CustomStringConvertible {
  /// Not an error; the RPC succeeded.
  case ok = 0
  /// The RPC was cancelled, typically by the caller.
  case cancelled = 1
  /// An error of unknown origin, or one without a more fitting code.
  case unknown = 2
  /// The request is invalid regardless of the system's state.
  case invalidArgument = 3
  /// The deadline passed before the RPC completed.
  case deadlineExceeded = 4
  /// A requested entity was not found.
  case notFound = 5
  /// The entity a client tried to create already exists.
  case alreadyExists = 6
  /// The caller may not perform the operation.
  case permissionDenied = 7
  /// A resource (quota, queue space, memory) is exhausted.
  case resourceExhausted = 8
  /// The system is not in the state the operation requires.
  case failedPrecondition = 9
  /// The operation was aborted, typically by a concurrency conflict.
  case aborted = 10
  /// The operation went past the valid range.
  case outOfRange = 11
  /// The method is not implemented or not enabled.
  case unimplemented = 12
  /// An invariant of the system is broken.
  case `internal` = 13
  /// The service is unavailable for now; retrying may succeed.
  case unavailable = 14
  /// Unrecoverable data loss or corruption.
  case dataLoss = 15
  /// The request lacks valid credentials.
  case unauthenticated = 16

  /// The code for a `grpc-status` value; numbers gRPC does not define become `.unknown`,
  /// as gRPC's protocol document asks.
  public init(grpcStatus value: Int) {
    self = StatusCode(rawValue: value) ?? .unknown
  }

  /// The name as gRPC's documentation writes it, such as `INVALID_ARGUMENT`.
  public var name: String {
    switch self {
    case .ok: "OK"
    case .cancelled: "CANCELLED"
    case .unknown: "UNKNOWN"
    case .invalidArgument: "INVALID_ARGUMENT"
    case .deadlineExceeded: "DEADLINE_EXCEEDED"
    case .notFound: "NOT_FOUND"
    case .alreadyExists: "ALREADY_EXISTS"
    case .permissionDenied: "PERMISSION_DENIED"
    case .resourceExhausted: "RESOURCE_EXHAUSTED"
    case .failedPrecondition: "FAILED_PRECONDITION"
    case .aborted: "ABORTED"
    case .outOfRange: "OUT_OF_RANGE"
    case .unimplemented: "UNIMPLEMENTED"
    case .internal: "INTERNAL"
    case .unavailable: "UNAVAILABLE"
    case .dataLoss: "DATA_LOSS"
    case .unauthenticated: "UNAUTHENTICATED"
    }
  }

  /// The code with this gRPC name (`INVALID_ARGUMENT`), as service configs write them.
  public init?(name: String) {
    guard let code = StatusCode.allCases.first(where: { $0.name == name }) else { return nil }
    self = code
  }

  /// The Connect protocol's code string, such as `invalid_argument` (note Connect's
  /// spelling `canceled`). `.ok` gives `ok`, which Connect never sends: it signals success
  /// by the absence of an error.
  public var connectCode: String {
    switch self {
    case .ok: "ok"
    case .cancelled: "canceled"
    case .unknown: "unknown"
    case .invalidArgument: "invalid_argument"
    case .deadlineExceeded: "deadline_exceeded"
    case .notFound: "not_found"
    case .alreadyExists: "already_exists"
    case .permissionDenied: "permission_denied"
    case .resourceExhausted: "resource_exhausted"
    case .failedPrecondition: "failed_precondition"
    case .aborted: "aborted"
    case .outOfRange: "out_of_range"
    case .unimplemented: "unimplemented"
    case .internal: "internal"
    case .unavailable: "unavailable"
    case .dataLoss: "data_loss"
    case .unauthenticated: "unauthenticated"
    }
  }

  /// The error code a Connect error's `code` string names; nil for strings Connect does
  /// not define (including `ok`).
  public init?(connectCode: String) {
    guard connectCode != "ok",
      let code = StatusCode.allCases.first(where: { $0.connectCode == connectCode })
    else { return nil }
    self = code
  }

  /// The HTTP status a Connect unary response carries for this code (connectrpc.com's
  /// protocol, "Error Codes"); `.ok` is 200.
  public var connectHTTPStatus: Int {
    switch self {
    case .ok: 200
    case .cancelled: 499
    case .unknown: 500
    case .invalidArgument: 400
    case .deadlineExceeded: 504
    case .notFound: 404
    case .alreadyExists: 409
    case .permissionDenied: 403
    case .resourceExhausted: 429
    case .failedPrecondition: 400
    case .aborted: 409
    case .outOfRange: 400
    case .unimplemented: 501
    case .internal: 500
    case .unavailable: 503
    case .dataLoss: 500
    case .unauthenticated: 401
    }
  }

  /// The code a client infers from an HTTP status when the response carries no RPC
  /// status of its own (a proxy's error page, say), per gRPC's
  /// `http-grpc-status-mapping.md`, which Connect adopted unchanged.
  public init(httpStatus: Int) {
    switch httpStatus {
    case 400: self = .internal
    case 401: self = .unauthenticated
    case 403: self = .permissionDenied
    case 404: self = .unimplemented
    case 429, 502, 503, 504: self = .unavailable
    default: self = .unknown
    }
  }

  /// The gRPC name, such as `NOT_FOUND`.
  public var description: String { name }
}
