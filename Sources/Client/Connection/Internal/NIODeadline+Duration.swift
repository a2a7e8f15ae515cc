internal import NIOCore

extension NIODeadline {
  /// The instant `duration` from now.
  static func after(_ duration: Duration) -> NIODeadline {
    .now() + TimeAmount(duration)
  }
}
