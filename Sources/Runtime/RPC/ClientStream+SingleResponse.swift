extension ClientStream {
  /// Reads the one response of a call that must send exactly one (unary and
  /// client-streaming calls): headers, one message, then the end with status OK. Any
  /// other shape fails with `.internal` and cancels the call.
  public func singleResponse() async throws(RPCError) -> ClientResponse<[UInt8]> {
    do throws(RPCError) {
      let metadata = try await responseMetadata()
      guard let message = try await nextResponse() else {
        throw RPCError(code: .internal, message: "the server sent no response message")
      }
      guard try await nextResponse() == nil else {
        throw RPCError(code: .internal, message: "the server sent more than one response message")
      }
      return ClientResponse(message: message, metadata: metadata, trailers: trailers)
    } catch {
      cancel()
      throw error
    }
  }
}
