/// What a route's handler learns of its request.
public struct HTTPRouteRequest: Sendable, Hashable {
  /// The methods a route serves.
  public enum Method: String, Sendable, Hashable {
    /// `GET`: the response is sent with its body.
    case get = "GET"
    /// `HEAD`: the response is sent without its body (the handler need not care).
    case head = "HEAD"
  }

  /// `GET` or `HEAD`.
  public var method: Method
  /// The route's path.
  public var path: String
  /// The query string after `?`, without it, or nil when the target has no `?`.
  public var query: String?

  /// A request for `path`.
  public init(method: Method, path: String, query: String? = nil) {
    self.method = method
    self.path = path
    self.query = query
  }
}
