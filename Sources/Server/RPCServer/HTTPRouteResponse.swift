/// A route's answer: a status, a content type and a body, sent with `content-length`.
///
/// The status must be a final one (200–599), the content type a valid header value (no
/// control characters); a response breaking either is replaced by
/// `500 Internal Server Error`. `204` and `304` responses are sent without a body.
public struct HTTPRouteResponse: Sendable, Hashable {
  /// The HTTP status code.
  public var status: Int
  /// The `content-type` header.
  public var contentType: String
  /// The body bytes.
  public var body: [UInt8]

  /// A response with `body` of `contentType`.
  public init(status: Int = 200, contentType: String, body: [UInt8]) {
    self.status = status
    self.contentType = contentType
    self.body = body
  }

  /// A UTF-8 plain-text response.
  public static func text(_ text: String, status: Int = 200) -> HTTPRouteResponse {
    HTTPRouteResponse(
      status: status, contentType: "text/plain; charset=utf-8", body: Array(text.utf8))
  }
}
