/// Decides which of the producer's events reach a log, so that a broker that stays down
/// does not flood it: librdkafka repeats its connection failures every few hundred
/// milliseconds for as long as the broker is away.
///
/// Health changes and handle replacements always pass. librdkafka's lines pass at most
/// once per `interval` for each level and facility (`FAIL`, `ERROR`, …); the next line
/// that passes says how many were held back. Pure logic: the caller supplies the time.
public struct KafkaLogThrottle: Sendable {
  /// The shortest time between two lines of one level and facility.
  public let interval: Duration

  private struct Key: Hashable {
    var level: Int32
    var facility: String
  }

  private struct Window {
    var passedAt: ContinuousClock.Instant
    var heldBack = 0
  }

  private var windows: [Key: Window] = [:]

  /// A throttle letting through one line per level and facility every `interval`.
  public init(interval: Duration = .seconds(30)) {
    self.interval = interval
  }

  /// The line to log for `event` at `now`, or nil when it is held back.
  public mutating func line(for event: KafkaProducerEvent, at now: ContinuousClock.Instant) -> String? {
    guard case .log(let level, let facility, _) = event else { return event.description }
    let key = Key(level: level, facility: facility)
    if var window = windows[key], now < window.passedAt.advanced(by: interval) {
      window.heldBack += 1
      windows[key] = window
      return nil
    }
    let heldBack = windows[key]?.heldBack ?? 0
    windows[key] = Window(passedAt: now)
    guard heldBack > 0 else { return event.description }
    let plural = heldBack == 1 ? "line" : "lines"
    return event.description + " (\(heldBack) more \(facility) \(plural) held back since the last)"
  }
}
