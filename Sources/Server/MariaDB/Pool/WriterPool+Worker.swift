internal import CMariaDB

extension WriterPool {
  /// A worker thread: connect (with backoff and failover), then take and run batches until
  /// told to exit.
  func runWorker() {
    _ = mysql_thread_init()
    defer { mysql_thread_end() }
    var connection: MariaDBConnection?
    var hadConnection = false
    var backoff = Backoff(configuration.backoff)
    while true {
      guard let live = connection else {
        if core.shouldExitWhileDisconnected() { break }
        do {
          let (fresh, index) = try MariaDBConnection.connect(database, startingAt: core.preferredEndpoint)
          connection = fresh
          core.connected(endpointIndex: index)
          observer?.connected(to: fresh.endpoint, isReconnection: hadConnection, failedAttempts: backoff.failures)
          hadConnection = true
          backoff.reset()
        } catch {
          let failed = core.connectFailed(error)
          let delay = backoff.nextDelay()
          observer?.connectFailed(error, attempt: backoff.failures)
          report(failed, MariaDBPoolError(.unavailable, underlying: error))
          core.sleep(delay)
        }
        continue
      }
      guard case .batch(let entries, let jobs) = core.nextAssignment() else { break }
      let stillConnected = run(entries[...], jobs[...], on: live)
      core.batchEnded()
      if !stillConnected {
        live.close()
        connection = nil
      }
    }
    let wasConnected = connection != nil
    connection?.close()
    core.workerExited(wasConnected: wasConnected).forEach { $0.resume() }
  }

  /// Runs one batch to its end: committed, failed, or re-queued after a lost connection.
  /// Returns false when the connection was lost.
  private func run(
    _ entries: ArraySlice<Core.Entry>, _ jobs: ArraySlice<Writer.Job>, on connection: MariaDBConnection
  ) -> Bool {
    var attempt = 0
    while true {
      let started = ContinuousClock.now
      do {
        let outcomes = try write(jobs, on: connection)
        let latency = started.duration(to: .now)
        resume(core.completed(entries, outcomes: outcomes, latency: latency))
        observer?.batchCommitted(jobs: entries.count, weight: entries.reduce(0) { $0 + $1.weight }, latency: latency)
        return true
      } catch {
        switch classify(error, on: connection) {
        case .connectionLost(let lost):
          core.requeue(entries, after: lost)
          observer?.connectionLost(lost, endpoint: connection.endpoint)
          return false
        case .transient where attempt < configuration.transientRetries:
          attempt += 1
        case .transient, .jobs:
          guard entries.count > 1 else {
            let failure = MariaDBPoolError(.failed, underlying: error)
            report(core.failed(entries, failure), failure)
            return true
          }
          return isolate(entries, jobs, on: connection)
        }
      }
    }
  }

  /// After a batch failed for a reason of its own, runs each job in its own transaction so
  /// that only the jobs at fault fail. Returns false when the connection was lost.
  private func isolate(
    _ entries: ArraySlice<Core.Entry>, _ jobs: ArraySlice<Writer.Job>, on connection: MariaDBConnection
  ) -> Bool {
    for offset in 0..<entries.count {
      let entry = entries.dropFirst(offset).prefix(1)
      let job = jobs.dropFirst(offset).prefix(1)
      let started = ContinuousClock.now
      do {
        let outcomes = try write(job, on: connection)
        resume(core.completed(entry, outcomes: outcomes, latency: started.duration(to: .now)))
      } catch {
        if case .connectionLost(let lost) = classify(error, on: connection) {
          core.requeue(entries.dropFirst(offset), after: lost)
          observer?.connectionLost(lost, endpoint: connection.endpoint)
          return false
        }
        let failure = MariaDBPoolError(.failed, underlying: error)
        report(core.failed(entry, failure), failure)
      }
    }
    return true
  }

  /// Writes `jobs`, in a transaction when the pool is transactional.
  private func write(_ jobs: ArraySlice<Writer.Job>, on connection: MariaDBConnection) throws -> [Writer.Outcome] {
    let jobs = Array(jobs)
    let outcomes: [Writer.Outcome]
    if configuration.transactional {
      outcomes = try connection.transaction { try writer.write(jobs, on: $0) }
    } else {
      outcomes = try writer.write(jobs, on: connection)
    }
    guard outcomes.count == jobs.count else {
      throw MariaDBError.usage("the writer returned \(outcomes.count) outcomes for \(jobs.count) jobs")
    }
    return outcomes
  }

  private enum FailureClass {
    case connectionLost(MariaDBError)
    case transient
    case jobs
  }

  private func classify(_ error: any Error, on connection: MariaDBConnection) -> FailureClass {
    let databaseError = error as? MariaDBError
    if databaseError?.isConnectionLost == true || !connection.isUsable {
      return .connectionLost(databaseError ?? .notConnected("\(error)"))
    }
    return databaseError?.kind == .transient ? .transient : .jobs
  }

  func report(_ resumptions: [Core.Resumption], _ error: MariaDBPoolError) {
    resume(resumptions)
    if !resumptions.isEmpty {
      observer?.jobsFailed(count: resumptions.count, error: error)
    }
  }
}
