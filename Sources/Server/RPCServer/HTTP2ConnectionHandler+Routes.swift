internal import NIOCore
internal import SluiceRuntime
internal import SluiceTransport

// Plain HTTP routes on an HTTP/2 connection, answered before RPC routing.
extension HTTP2ConnectionHandler {
  /// Serves the request on `streamID` when its `:path` is a route's: `GET` and `HEAD` run
  /// the route's handler as a task preferring this loop, other methods get `405`.
  /// Returns whether the path was a route's. Reads only the pseudo-headers (which come
  /// first) and allocates nothing for other paths.
  func serveRoute(_ streamID: Int32, headers: HTTP2Headers, endStream: Bool) -> Bool {
    guard let target = Self.pseudoHeader(":path", in: headers),
      let method = Self.pseudoHeader(":method", in: headers)
    else { return false }
    let routes = self.routes
    let found: HTTPRouteTable.Match? = target.withUnsafeBytes { target in
      routes.index(forTarget: target).map {
        routes.match($0, method: String(decoding: method, as: UTF8.self), target: target)
      }
    }
    guard let found else { return false }
    switch found {
    case .reject(let rejection):
      reject(streamID, rejection, endStream: endStream)
    case .serve(let route, let request):
      let connection = loopBound
      routeTasks[streamID] = Task(executorPreference: executor) {
        let response = await route.respond(to: request)
        if connection.eventLoop.inEventLoop {
          connection.value.routeReturned(streamID, response, method: request.method)
        } else {
          connection.eventLoop.execute {
            connection.value.routeReturned(streamID, response, method: request.method)
          }
        }
      }
    }
    return true
  }

  /// A route's handler returned: its response goes out (without the body for `HEAD`),
  /// unless the stream closed meanwhile.
  func routeReturned(
    _ streamID: Int32, _ response: HTTPRouteResponse, method: HTTPRouteRequest.Method
  ) {
    guard routeTasks.removeValue(forKey: streamID) != nil else { return }
    headerBlock.removeAll()
    response.writeHeaders(into: &headerBlock, contentLength: true)
    let sendsBody = method == .get && response.hasBody && !response.body.isEmpty
    do {
      try engine.submitResponse(streamID: streamID, headers: http2Headers(), endStream: !sendsBody)
      if sendsBody {
        try engine.sendData(streamID: streamID, bytes: response.body, endStream: true)
      }
    } catch {
      try? engine.resetStream(streamID: streamID, code: .internalError)
    }
    flushOutput()
  }

  /// Cancels the handlers of route requests still open (the connection closed).
  func cancelRouteTasks() {
    let tasks = routeTasks
    routeTasks.removeAll()
    for task in tasks.values { task.cancel() }
  }

}
