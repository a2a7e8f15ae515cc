public import SluiceGenerated
public import SluiceRuntime

/// One stored event as a query reads it back.
public struct EventRow: Sendable, Hashable {
  /// The event's sequence.
  public var sequence: Int64
  /// Its event time, microseconds since the Unix epoch.
  public var timeMicros: Int64
  /// The stored protobuf encoding.
  public var payload: [UInt8]

  /// A row as read.
  public init(sequence: Int64, timeMicros: Int64, payload: [UInt8]) {
    self.sequence = sequence
    self.timeMicros = timeMicros
    self.payload = payload
  }

  /// The event, with its sequence; a payload that does not decode is INTERNAL (the
  /// store holds only what this service encoded).
  public func event() throws(RPCError) -> Sluice_V1_Event {
    do {
      return try EventRecord.event(payload: payload, sequence: sequence)
    } catch {
      throw RPCError(code: .internal, message: "stored event \(sequence) does not decode: \(error)")
    }
  }
}
