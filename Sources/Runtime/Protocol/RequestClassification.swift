/// What to do with a request, decided from its headers alone.
public enum RequestClassification: Sendable {
  /// Run the call (gRPC, Connect unary or GET, Connect streaming).
  case accepted(RPCRequest)
  /// Answer at once.
  case rejected(RejectedRequest)
}
