/// A method's `idempotency_level` option: whether calling it twice is safe. Clients may
/// retry idempotent methods more freely; Connect allows `GET` for methods without side
/// effects.
public enum IdempotencyLevel: Int, Sendable, Hashable, CaseIterable {
  /// Not stated (the default): the method may have side effects.
  case unknown = 0
  /// The method changes nothing (`NO_SIDE_EFFECTS`).
  case noSideEffects = 1
  /// Repeating the method has the effect of calling it once (`IDEMPOTENT`).
  case idempotent = 2
}
