extension RPCError.Detail {
  /// A detail holding `message`, such as a `google.rpc.RetryInfo`.
  public init(_ message: some ProtoMessage) {
    self.init(typeName: type(of: message).protoMessageName, value: message.serializedBytes())
  }

  /// The detail's message when it is an `M`; nil when it holds another type.
  public func unpack<M: ProtoMessage>(_ type: M.Type) throws(ProtoDecodingError) -> M? {
    guard typeName == M.protoMessageName else { return nil }
    return try M(serializedBytes: value)
  }
}
