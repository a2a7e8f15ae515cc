internal import NIOCore
internal import NIOHTTP1
internal import SluiceRuntime

// Plain HTTP routes on an HTTP/1.1 connection, answered before RPC routing.
extension HTTP1ConnectHandler {
  /// Serves `call` when its target's path is a route's: `GET` and `HEAD` run the route's
  /// handler as a task preferring this loop, other methods get `405`. Returns whether
  /// the path was a route's.
  func serveRoute(_ head: HTTPRequestHead, call: HTTP1Call) -> Bool {
    let routes = self.routes
    let method = head.method.rawValue
    let found: HTTPRouteTable.Match?? = head.uri.utf8.withContiguousStorageIfAvailable {
      let target = UnsafeRawBufferPointer($0)
      return routes.index(forTarget: target).map {
        routes.match($0, method: method, target: target)
      }
    }
    guard case .some(.some(let match)) = found else { return false }
    switch match {
    case .reject(let rejection):
      respond(rejection, to: call)
    case .serve(let route, let request):
      let connection = loopBound
      let number = call.number
      call.task = Task(executorPreference: executor) {
        let response = await route.respond(to: request)
        if connection.eventLoop.inEventLoop {
          connection.value.routeReturned(number, response, method: request.method)
        } else {
          connection.eventLoop.execute {
            connection.value.routeReturned(number, response, method: request.method)
          }
        }
      }
    }
    return true
  }

  /// A route's handler returned: its response goes out (without the body for `HEAD`).
  func routeReturned(_ number: Int, _ response: HTTPRouteResponse, method: HTTPRouteRequest.Method)
  {
    guard let call, call.number == number else { return }
    headerBlock.removeAll()
    response.writeHeaders(into: &headerBlock, contentLength: false)
    let sendsBody = method == .get && response.hasBody
    writer.begin(
      headerBlock, version: call.version,
      headContentLength: method == .head && response.hasBody ? response.body.count : nil)
    if sendsBody { writer.append(response.body) }
    finishResponse(call)
  }
}
