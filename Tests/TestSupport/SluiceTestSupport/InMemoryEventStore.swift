public import SluiceGenerated
public import SluiceIngest
public import SluiceRuntime
import Synchronization

/// An event store in memory: unique by (stream, id), sequences from 1, inserts atomic. It
/// is also a reader answering queries the way the SQL statements would, and can be told to
/// fail every insert with an error (``fail(with:)``) or after a number of inserts
/// (``failInserts(after:)``).
public final class InMemoryEventStore: EventStore, EventReader {
  /// One stored event and its sequence.
  public typealias Entry = (sequence: Int64, record: EventRecord)

  private struct State {
    var rows: [String: Int64] = [:]
    var records: [Entry] = []
    var nextSequence: Int64 = 1
    var failure: RPCError?
    var insertsLeft: Int?
    var calls = 0
  }

  private let state = Mutex(State())

  /// An empty store that accepts every insert.
  public init() {}

  /// Every stored event in sequence order.
  public var stored: [Entry] { state.withLock { $0.records } }
  /// How many insert calls came, failed ones included.
  public var calls: Int { state.withLock { $0.calls } }
  /// How many events are stored.
  public var count: Int { state.withLock { $0.rows.count } }

  /// Fails every insert with `error` from now on; nil stops failing.
  public func fail(with error: RPCError?) {
    state.withLock { $0.failure = error }
  }

  /// Lets `count` more inserts succeed, then fails every one with UNAVAILABLE; nil stops
  /// failing.
  public func failInserts(after count: Int?) {
    state.withLock { $0.insertsLeft = count }
  }

  /// Stores the records not stored yet, or fails as told (then stores none).
  public func insert(_ records: [EventRecord], deadline: ContinuousClock.Instant?)
    async throws(RPCError) -> [StoreOutcome]
  {
    let result: Result<[StoreOutcome], RPCError> = state.withLock { state in
      state.calls += 1
      if let failure = state.failure { return .failure(failure) }
      if let left = state.insertsLeft {
        guard left > 0 else {
          return .failure(RPCError(code: .unavailable, message: "the test store is down"))
        }
        state.insertsLeft = left - 1
      }
      return .success(
        records.map { record in
          let key = record.stream + "\u{0}" + record.id
          if let sequence = state.rows[key] { return .duplicate(sequence: sequence) }
          let sequence = state.nextSequence
          state.nextSequence += 1
          state.rows[key] = sequence
          state.records.append((sequence, record))
          return .inserted(sequence: sequence)
        })
    }
    return try result.get()
  }

  /// The stored event under (stream, id), if any.
  public func event(stream: String, id: String) async throws(RPCError) -> EventRow? {
    stored.first { $0.record.stream == stream && $0.record.id == id }.map(Self.row)
  }

  /// The events `query` selects, ordered by (time, sequence), at most `query.limit + 1`.
  public func rows(for query: EventQuery) async throws(RPCError) -> [EventRow] {
    let filter = query.filter
    let key = { (entry: Entry) in (entry.record.timeMicros, entry.sequence) }
    var matching = stored.filter {
      filter.matches(
        stream: $0.record.stream, timeMicros: $0.record.timeMicros, type: $0.record.type,
        subject: $0.record.subject)
    }
    matching.sort { query.newestFirst ? key($0) > key($1) : key($0) < key($1) }
    if let after = filter.after {
      matching = matching.filter { query.newestFirst ? key($0) < after : key($0) > after }
    }
    return matching.prefix(query.limit + 1).map(Self.row)
  }

  /// Per-minute counts by stream and type, ordered by minute, stream, type.
  public func counts(for query: CountQuery) async throws(RPCError) -> [Sluice_V1_CountBucket] {
    var counts: [String: (minute: Int64, stream: String, type: String, count: Int64)] = [:]
    for (_, record) in stored
    where record.timeMicros >= query.startMicros && record.timeMicros < query.endMicros
      && (query.streams.isEmpty || query.streams.contains(record.stream))
      && (query.types.isEmpty || query.types.contains(record.type))
    {
      let minute = CountQuery.floorToMinute(record.timeMicros) / CountQuery.minuteMicros
      let key = "\(minute)/\(record.stream)/\(record.type)"
      counts[key, default: (minute, record.stream, record.type, 0)].count += 1
    }
    return counts.values.sorted { ($0.minute, $0.stream, $0.type) < ($1.minute, $1.stream, $1.type) }
      .map { CountQuery.bucket(minute: $0.minute, stream: $0.stream, type: $0.type, count: $0.count) }
  }

  /// Every stream by name, with its event count and its oldest and newest event times.
  public func streams() async throws(RPCError) -> [Sluice_V1_StreamInfo] {
    Dictionary(grouping: stored, by: \.record.stream).sorted { $0.key < $1.key }.map { name, rows in
      var info = Sluice_V1_StreamInfo()
      info.name = name
      info.events = Int64(rows.count)
      let times = rows.map(\.record.timeMicros)
      if let oldest = times.min(), let newest = times.max() {
        info.oldestTime = Self.timestamp(micros: oldest)
        info.newestTime = Self.timestamp(micros: newest)
      }
      return info
    }
  }

  /// Inserts are atomic here: no transaction is ever left open.
  public func visibility() async throws(RPCError) -> StoreVisibility {
    StoreVisibility(highestSequence: stored.last?.sequence ?? 0)
  }

  /// Events of `stream` with sequence in (after, through] and one of `types` (all when
  /// empty), in sequence order, at most `limit`.
  public func tailRows(stream: String, types: [String], after: Int64, through: Int64, limit: Int)
    async throws(RPCError) -> [EventRow]
  {
    stored.filter {
      $0.record.stream == stream && $0.sequence > after && $0.sequence <= through
        && (types.isEmpty || types.contains($0.record.type))
    }.prefix(limit).map(Self.row)
  }

  /// The highest sequence of `stream` ingested before `micros` (0 when none).
  public func lastSequence(stream: String, ingestedBefore micros: Int64) async throws(RPCError) -> Int64 {
    stored.last { $0.record.stream == stream && $0.record.ingestMicros < micros }?.sequence ?? 0
  }

  private static func row(_ entry: Entry) -> EventRow {
    EventRow(sequence: entry.sequence, timeMicros: entry.record.timeMicros, payload: entry.record.payload)
  }

  private static func timestamp(micros: Int64) -> Google_Protobuf_Timestamp {
    let seconds = micros >= 0 ? micros / 1_000_000 : (micros - 999_999) / 1_000_000
    return Google_Protobuf_Timestamp(seconds: seconds, nanos: Int32((micros - seconds * 1_000_000) * 1_000))
  }
}
