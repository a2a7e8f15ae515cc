/// An error type that knows which ``RPCError`` it means, so handlers can throw domain
/// errors (a full write queue, a missing row) and clients still get a fitting status.
public protocol RPCErrorConvertible: Error {
  /// The RPC error this error becomes when a handler throws it.
  var rpcError: RPCError { get }
}
