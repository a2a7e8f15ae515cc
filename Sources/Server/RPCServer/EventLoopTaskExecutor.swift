internal import NIOCore

/// A task executor that runs jobs on one NIO event loop, so a handler task started with
/// this preference runs on its connection's I/O thread until it hops elsewhere.
final class EventLoopTaskExecutor: TaskExecutor {
  /// The loop jobs run on.
  let loop: any EventLoop

  init(loop: any EventLoop) {
    self.loop = loop
  }

  func enqueue(_ job: consuming ExecutorJob) {
    let job = UnownedJob(job)
    loop.execute {
      job.runSynchronously(on: self.asUnownedTaskExecutor())
    }
  }
}
