/// Decides when a worker pool grows or shrinks, from samples of its queue depth, busy
/// workers and commit latency. Pure: no clocks, threads or I/O; the pool feeds it samples.
///
/// Rules, in order:
/// 1. Below the minimum: grow. Above the maximum: shrink.
/// 2. While the database is unavailable: hold (more connections would not help).
/// 3. Overloaded (average commit latency above `latencyCeiling`): do not grow; shed one
///    worker per `cooldown` down to the minimum, so fewer concurrent transactions compete.
/// 4. Backlog (at least `growthBacklog` jobs queued while every worker is busy) lasting
///    `growAfter`: grow by one, at most once per `cooldown`.
/// 5. Idle (nothing queued and some worker idle) lasting `shrinkAfter`: shrink by one.
public struct PoolSizeController: Sendable {
  /// Bounds and thresholds.
  public struct Configuration: Sendable, Hashable {
    /// The fewest workers.
    public var minimum: Int
    /// The most workers.
    public var maximum: Int
    /// Queued jobs that, with every worker busy, count as a backlog.
    public var growthBacklog: Int
    /// How long a backlog must last before the pool grows.
    public var growAfter: Duration
    /// The least time between two load-driven changes (growth or overload shedding).
    public var cooldown: Duration
    /// How long the pool must be idle before it shrinks by one.
    public var shrinkAfter: Duration
    /// Average commit latency above which the database counts as overloaded.
    public var latencyCeiling: Duration
    /// Weight of the newest commit in the latency average (0–1).
    public var latencySmoothing: Double

    /// Creates a configuration; `maximum` is raised to `minimum` when lower, and `minimum`
    /// to 1.
    public init(
      minimum: Int = 1, maximum: Int = 4, growthBacklog: Int = 1, growAfter: Duration = .milliseconds(200),
      cooldown: Duration = .seconds(1), shrinkAfter: Duration = .seconds(10),
      latencyCeiling: Duration = .milliseconds(500), latencySmoothing: Double = 0.2
    ) {
      self.minimum = max(1, minimum)
      self.maximum = max(self.minimum, maximum)
      self.growthBacklog = max(1, growthBacklog)
      self.growAfter = growAfter
      self.cooldown = cooldown
      self.shrinkAfter = shrinkAfter
      self.latencyCeiling = latencyCeiling
      self.latencySmoothing = min(max(latencySmoothing, 0.01), 1)
    }
  }

  /// What the pool looks like at one instant.
  public struct Sample: Sendable, Hashable {
    /// When the sample was taken.
    public var now: ContinuousClock.Instant
    /// Workers running or starting.
    public var poolSize: Int
    /// Workers in the middle of a batch.
    public var busyWorkers: Int
    /// Jobs waiting in the queue (not yet taken by a worker).
    public var queueDepth: Int
    /// Whether the database is reachable (some worker connected, or no attempt failed).
    public var available: Bool

    /// Creates a sample.
    public init(
      now: ContinuousClock.Instant, poolSize: Int, busyWorkers: Int, queueDepth: Int, available: Bool = true
    ) {
      self.now = now
      self.poolSize = poolSize
      self.busyWorkers = busyWorkers
      self.queueDepth = queueDepth
      self.available = available
    }
  }

  /// A change to make.
  public enum Decision: Sendable, Hashable {
    /// Keep the pool as it is.
    case hold
    /// Start one more worker.
    case grow
    /// Retire one worker.
    case shrink
  }

  /// The bounds and thresholds.
  public let configuration: Configuration
  /// The smoothed commit latency, once a commit was recorded.
  public private(set) var averageCommitLatency: Duration?
  private var backlogSince: ContinuousClock.Instant?
  private var idleSince: ContinuousClock.Instant?
  private var lastChange: ContinuousClock.Instant?

  /// Creates a controller.
  public init(_ configuration: Configuration) {
    self.configuration = configuration
  }

  /// Folds one commit's latency into the average.
  public mutating func recordCommit(latency: Duration) {
    guard let average = averageCommitLatency else {
      averageCommitLatency = latency
      return
    }
    let weight = configuration.latencySmoothing
    averageCommitLatency = average * (1 - weight) + latency * weight
  }

  /// Returns the change the pool should make now; call on every sample.
  public mutating func decide(_ sample: Sample) -> Decision {
    let now = sample.now
    if sample.poolSize < configuration.minimum { return change(.grow, at: now) }
    if sample.poolSize > configuration.maximum { return change(.shrink, at: now) }
    guard sample.available else {
      backlogSince = nil
      idleSince = nil
      return .hold
    }

    let backlogged = sample.queueDepth >= configuration.growthBacklog && sample.busyWorkers >= sample.poolSize
    let idle = sample.queueDepth == 0 && sample.busyWorkers < sample.poolSize
    backlogSince = backlogged ? (backlogSince ?? now) : nil
    idleSince = idle ? (idleSince ?? now) : nil
    let coolingDown = lastChange.map { $0.duration(to: now) < configuration.cooldown } ?? false

    if let latency = averageCommitLatency, latency > configuration.latencyCeiling {
      guard sample.poolSize > configuration.minimum, !coolingDown else { return .hold }
      return change(.shrink, at: now)
    }
    if let since = backlogSince, since.duration(to: now) >= configuration.growAfter,
      sample.poolSize < configuration.maximum, !coolingDown
    {
      return change(.grow, at: now)
    }
    if let since = idleSince, since.duration(to: now) >= configuration.shrinkAfter,
      sample.poolSize > configuration.minimum
    {
      return change(.shrink, at: now)
    }
    return .hold
  }

  private mutating func change(_ decision: Decision, at now: ContinuousClock.Instant) -> Decision {
    lastChange = now
    backlogSince = nil
    idleSince = nil
    return decision
  }
}
