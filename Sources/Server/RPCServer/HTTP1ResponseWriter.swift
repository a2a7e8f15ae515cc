internal import NIOCore
internal import NIOHTTP1
internal import SluiceRuntime

/// Writes an HTTP/1.1 connection's responses, one at a time.
///
/// The head and body are held back until ``flush(context:)`` or ``end(context:keepAlive:)``:
/// a response that is complete by then goes out in one write with `content-length`; one
/// flushed while still open (a stream) goes out with chunked transfer encoding, or, for
/// an HTTP/1.0 client, delimited by closing the connection.
///
/// A class, and every write comes after its state changes: a write can re-enter the
/// connection's handler (NIO's pipelining handler delivers the next request as a
/// response ends), which may begin the next response at once.
final class HTTP1ResponseWriter {
  private var head: HTTPResponseHead?
  private var body: [UInt8] = []
  /// The `content-length` of a response to `HEAD`, which has no body.
  private var headContentLength: Int?
  /// Whether the head went out on the channel.
  private(set) var isHeadWritten = false
  /// Whether a response has begun and not ended.
  private(set) var isOpen = false
  /// Whether the connection must close after the response (an HTTP/1.0 stream).
  private(set) var mustClose = false

  /// Begins a response with the header block's `:status` and fields. A response to
  /// `HEAD` passes `headContentLength`, the length of the body a `GET` would get, and
  /// appends no body.
  func begin(_ block: HeaderBlock, version: HTTPVersion, headContentLength: Int? = nil) {
    var status = 200
    var headers = HTTPHeaders()
    for (name, value) in block {
      if name == ":status" {
        status = Int(value) ?? 500
      } else {
        headers.add(name: name, value: value)
      }
    }
    head = HTTPResponseHead(
      version: version, status: HTTPResponseStatus(statusCode: status), headers: headers)
    body.removeAll(keepingCapacity: true)
    self.headContentLength = headContentLength
    isHeadWritten = false
    isOpen = true
    mustClose = false
  }

  /// Appends body bytes, sent at the next flush or at the end.
  func append(_ bytes: [UInt8]) {
    if body.isEmpty {
      body = bytes
    } else {
      body.append(contentsOf: bytes)
    }
  }

  /// Sends what is held back, starting a chunked (or close-delimited) body.
  func flush(context: ChannelHandlerContext) {
    guard isOpen else { return }
    if var head {
      if head.version.major == 1 && head.version.minor == 0 {
        mustClose = true
        head.headers.replaceOrAdd(name: "connection", value: "close")
      }
      self.head = nil
      isHeadWritten = true
      context.write(NIOAny(HTTPServerResponsePart.head(head)), promise: nil)
    }
    writeBody(context: context)
    context.flush()
  }

  /// Ends the response; returns when it is written. Without `keepAlive` the head (when
  /// still held back) says `connection: close`.
  func end(context: ChannelHandlerContext, keepAlive: Bool) -> EventLoopFuture<Void> {
    guard isOpen else { return context.eventLoop.makeSucceededVoidFuture() }
    if var head {
      head.headers.replaceOrAdd(
        name: "content-length", value: String(headContentLength ?? body.count))
      if !keepAlive {
        head.headers.replaceOrAdd(name: "connection", value: "close")
      } else if head.version.major == 1 && head.version.minor == 0 {
        head.headers.replaceOrAdd(name: "connection", value: "keep-alive")
      }
      self.head = nil
      isHeadWritten = true
      context.write(NIOAny(HTTPServerResponsePart.head(head)), promise: nil)
    }
    isOpen = false
    writeBody(context: context)
    return context.writeAndFlush(NIOAny(HTTPServerResponsePart.end(nil)))
  }

  private func writeBody(context: ChannelHandlerContext) {
    guard !body.isEmpty else { return }
    let buffer = context.channel.allocator.buffer(bytes: body)
    body.removeAll(keepingCapacity: true)
    context.write(NIOAny(HTTPServerResponsePart.body(.byteBuffer(buffer))), promise: nil)
  }
}
