public import SluiceGenerated

/// One `Ingest` request of a run, numbered in the order it was made, with the input
/// position of each of its events.
public struct IngestBatch: Sendable {
  /// 0 for the first batch of the run, then 1, 2 ...
  public var index: Int
  /// The request.
  public var request: Sluice_V1_IngestRequest
  /// Where each event came from, in the order of `request.events`.
  public var positions: [InputPosition]

  /// A batch numbered `index`.
  public init(index: Int, request: Sluice_V1_IngestRequest, positions: [InputPosition]) {
    self.index = index
    self.request = request
    self.positions = positions
  }
}
