/// A single response with the metadata around it.
public struct ClientResponse<Message: Sendable>: Sendable {
  /// The response message.
  public var message: Message
  /// The response headers' metadata.
  public var metadata: Metadata
  /// The trailers' metadata.
  public var trailers: Metadata

  /// Creates a response.
  public init(message: Message, metadata: Metadata = Metadata(), trailers: Metadata = Metadata()) {
    self.message = message
    self.metadata = metadata
    self.trailers = trailers
  }
}

extension ClientResponse: Equatable where Message: Equatable {}
extension ClientResponse: Hashable where Message: Hashable {}
