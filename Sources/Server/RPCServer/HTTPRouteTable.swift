internal import SluiceRuntime

/// A server's routes, found by request target as the transports hand it over (bytes,
/// query included) without allocating.
///
/// Immutable once built and shared by every connection. A server without routes has an
/// empty table, which the transports test before anything else, so RPCs pay nothing for
/// the feature; with routes, a request pays a comparison per route of its path's length.
final class HTTPRouteTable: Sendable {
  /// What a request for a route's path gets.
  enum Match {
    /// Run the route's handler.
    case serve(HTTPRoute, HTTPRouteRequest)
    /// Answer at once (a method other than `GET` and `HEAD`).
    case reject(RejectedRequest)
  }

  /// The `allow` header of a route's `405` answer.
  static let allowedMethods = "GET, HEAD"

  private let routes: [HTTPRoute]
  /// Each route's path as UTF-8, in the order of `routes`.
  private let paths: [[UInt8]]
  /// Whether there are no routes (the transports skip route matching).
  let isEmpty: Bool

  /// A table of `routes`, none of which may share a path with another or with a method
  /// of `router`.
  init(routes: [HTTPRoute], router: RPCRouter) throws(HTTPRoute.RegistrationError) {
    var paths: [[UInt8]] = []
    for route in routes {
      let path = Array(route.path.utf8)
      guard Self.isValidPath(path) else { throw .invalidPath(route.path) }
      guard !paths.contains(path) else { throw .duplicatePath(route.path) }
      guard router.handler(forPath: route.path) == nil else {
        throw .conflictsWithMethod(path: route.path)
      }
      paths.append(path)
    }
    self.routes = routes
    self.paths = paths
    isEmpty = routes.isEmpty
  }

  /// The index of the route whose path is `target`'s part before `?`, or nil.
  func index(forTarget target: UnsafeRawBufferPointer) -> Int? {
    var end = 0
    while end < target.count && target[end] != UInt8(ascii: "?") { end += 1 }
    for index in paths.indices where paths[index].count == end {
      let matches = paths[index].withUnsafeBytes { path in
        var position = 0
        while position < end && path[position] == target[position] { position += 1 }
        return position == end
      }
      if matches { return index }
    }
    return nil
  }

  /// What a request with `method` for `target`, whose path is route `index`'s, gets.
  func match(_ index: Int, method: String, target: UnsafeRawBufferPointer) -> Match {
    let route = routes[index]
    guard let method = HTTPRouteRequest.Method(rawValue: method) else {
      return .reject(
        RejectedRequest(
          form: .plain, httpStatus: 405,
          error: RPCError(
            code: .unimplemented,
            message: "\(route.path) answers \(Self.allowedMethods), not \(method)"),
          allow: Self.allowedMethods))
    }
    let query = target.firstIndex(of: UInt8(ascii: "?")).map {
      String(decoding: target[($0 + 1)...], as: UTF8.self)
    }
    return .serve(route, HTTPRouteRequest(method: method, path: route.path, query: query))
  }

  /// Whether `path` starts with `/` and holds only characters a request target's path
  /// may (no `?`, `#`, spaces or control characters).
  private static func isValidPath(_ path: [UInt8]) -> Bool {
    guard path.first == UInt8(ascii: "/") else { return false }
    return path.allSatisfy { byte in
      byte > 0x20 && byte != 0x7F && byte != UInt8(ascii: "?") && byte != UInt8(ascii: "#")
    }
  }
}
