extension WriterPool {
  /// The maintenance thread: fails jobs whose deadline passed, ends the shutdown grace
  /// period, resizes the pool and reports samples, until every worker has exited.
  func runMaintenance() {
    while true {
      let step = core.maintain(now: .now)
      if let error = step.expiryError {
        report(step.resumptions, error)
      } else {
        resume(step.resumptions)
      }
      if let sample = step.sample {
        observer?.sampled(sample, averageCommitLatency: step.averageLatency)
      }
      if let resized = step.resized {
        observer?.poolResized(from: resized.from, to: resized.to)
      }
      if step.startWorker {
        startWorker()
      }
      if step.exit {
        step.shutdownWaiters.forEach { $0.resume() }
        return
      }
      core.maintenanceSleep(step.sleep)
    }
  }
}
