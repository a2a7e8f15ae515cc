internal import SluiceRuntime

extension HTTPRoute {
  /// Runs the handler for `request`: its response when it is valid, else
  /// `500 Internal Server Error` (the handler threw, or returned a status outside
  /// 200–599 or a content type with control characters).
  func respond(to request: HTTPRouteRequest) async -> HTTPRouteResponse {
    guard let response = try? await handler(request), response.isValid else {
      return .text("internal server error\n", status: 500)
    }
    return response
  }
}

extension HTTPRouteResponse {
  /// Whether the status is a final one and the content type a valid header value.
  var isValid: Bool {
    (200...599).contains(status)
      && contentType.utf8.allSatisfy { ($0 >= 0x20 && $0 != 0x7F) || $0 == UInt8(ascii: "\t") }
  }

  /// Whether the status allows a body (not `204 No Content` or `304 Not Modified`).
  var hasBody: Bool {
    status != 204 && status != 304
  }

  /// Appends `:status` and `content-type`, and with `contentLength` the body's
  /// `content-length` (for statuses with a body; a `HEAD` answer gets the same).
  func writeHeaders(into block: inout HeaderBlock, contentLength: Bool) {
    block.append(name: ":status", value: String(status))
    block.append(name: "content-type", value: contentType)
    if contentLength && hasBody {
      block.append(name: "content-length", value: String(body.count))
    }
  }
}
