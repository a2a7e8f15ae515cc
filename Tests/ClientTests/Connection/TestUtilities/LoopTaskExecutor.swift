import NIOCore

/// Runs task jobs on one event loop, so a task preferring it shares a connection's or a
/// channel's I/O thread and every allocation of a call happens on that thread.
final class LoopTaskExecutor: TaskExecutor {
  let loop: any EventLoop

  init(loop: any EventLoop) {
    self.loop = loop
  }

  func enqueue(_ job: consuming ExecutorJob) {
    let job = UnownedJob(job)
    loop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
  }
}
