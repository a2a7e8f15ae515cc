internal import Synchronization

/// A client stream that reports the end of its call to interceptors' observers once: when
/// the response side ends (nil or an error), or when the stream is cancelled or dropped
/// before that.
final class ObservedClientStream: ClientStream {
  private let base: any ClientStream
  private let observers: ClientCallObservers

  private struct State {
    var ended = false
    /// The error the last failed write threw: the call's error when the caller gives up
    /// without reading the response side.
    var writeError: RPCError?
  }

  private let state = Mutex(State())

  init(base: any ClientStream, observers: ClientCallObservers) {
    self.base = base
    self.observers = observers
  }

  deinit {
    endWithoutResponse("the stream was dropped before the call ended")
  }

  func write(_ message: [UInt8]) async throws(RPCError) {
    do {
      try await base.write(message)
    } catch {
      state.withLock { $0.writeError = error }
      throw error
    }
  }

  func finishRequests() async {
    await base.finishRequests()
  }

  func responseMetadata() async throws(RPCError) -> Metadata {
    do {
      return try await base.responseMetadata()
    } catch {
      end(error: error)
      throw error
    }
  }

  func nextResponse() async throws(RPCError) -> [UInt8]? {
    let message: [UInt8]?
    do {
      message = try await base.nextResponse()
    } catch {
      end(error: error)
      throw error
    }
    if message == nil { end(error: nil) }
    return message
  }

  var trailers: Metadata { base.trailers }

  func cancel() {
    base.cancel()
    endWithoutResponse("the call was cancelled")
  }

  /// The caller stopped before reading the end: the call failed with the error a write
  /// saw, or was cancelled.
  private func endWithoutResponse(_ message: String) {
    let error = state.withLock { $0.writeError } ?? RPCError(code: .cancelled, message: message)
    end(error: error)
  }

  private func end(error: RPCError?) {
    let isFirst = state.withLock { state in
      defer { state.ended = true }
      return !state.ended
    }
    if isFirst { observers.finish(error: error) }
  }
}
