public import SluiceMariaDB

/// The event store's tables, as versioned migrations applied in order at start-up.
///
/// `sluice_events` holds one row per stored event: the columns queries filter and sort
/// on, and the whole event in its protobuf encoding (`payload`), so a read returns exactly
/// what was accepted. `seq` is the store's position of an event (AUTO_INCREMENT: unique,
/// increasing in insertion order, with gaps). `(stream, event_id)` is unique: the
/// idempotency key. `sluice_writers` holds one row per writer connection: the
/// ``OpenTransactionRegistry`` telling tails which write transactions are still open.
public enum EventStoreSchema {
  /// The events table.
  public static let eventsTable = "sluice_events"
  /// The writers' table of the open-transaction registry.
  public static let writersTable = "sluice_writers"
  /// The registry writers register with and tails read (a constant name, so this cannot
  /// fail).
  public static let openTransactions = try! OpenTransactionRegistry(table: writersTable)

  /// (version, statements) in the order they apply. Never edit a released version; add
  /// a new one.
  public static let migrations: [(version: Int, statements: [String])] = [
    (
      1,
      [
        """
        CREATE TABLE IF NOT EXISTS sluice_events (
          seq BIGINT NOT NULL AUTO_INCREMENT,
          stream VARCHAR(128) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
          event_id VARBINARY(256) NOT NULL,
          event_type VARBINARY(256) NOT NULL,
          subject VARBINARY(1024) NOT NULL,
          time_us BIGINT NOT NULL,
          ingest_us BIGINT NOT NULL,
          payload MEDIUMBLOB NOT NULL,
          PRIMARY KEY (seq),
          UNIQUE KEY by_stream_id (stream, event_id),
          KEY by_stream_time (stream, time_us),
          KEY by_stream_seq (stream, seq)
        ) ENGINE=InnoDB
        """
      ]
    ),
    (2, [openTransactions.createTableStatement]),
  ]
}
