public import SluiceGenerated
public import SluiceRuntime

/// `sluice.v1.IngestService`: the unary batch call and the bulk-load stream, both over
/// one ``IngestPipeline``.
public struct IngestService: Sluice_V1_IngestService.ServiceProtocol {
  /// The pipeline every batch goes through.
  public let pipeline: IngestPipeline
  /// Most not-accepted results a bulk-load summary lists.
  public static let maxListedResults = 1_000

  /// A service ingesting through `pipeline`.
  public init(pipeline: IngestPipeline) {
    self.pipeline = pipeline
  }

  /// Ingests one batch.
  public func ingest(request: Sluice_V1_IngestRequest, context: ServerContext) async throws
    -> Sluice_V1_IngestResponse
  {
    try await pipeline.ingest(request.events, atomic: request.atomic, deadline: context.deadline)
  }

  /// Ingests a bulk load batch by batch; a failure carries the progress made so far.
  public func ingestStream(
    requests: RPCRequestStream<Sluice_V1_IngestRequest>, context: ServerContext
  ) async throws -> Sluice_V1_IngestStreamSummary {
    var summary = Sluice_V1_IngestStreamSummary()
    do {
      for try await request in requests {
        let response: Sluice_V1_IngestResponse
        do {
          response = try await pipeline.ingest(
            request.events, atomic: request.atomic, deadline: context.deadline)
        } catch {
          // An atomic batch refused as a whole counts as rejections; the load goes on.
          guard error.code == .invalidArgument,
            let refused = try? error.details.first?.unpack(Sluice_V1_IngestResponse.self)
          else { throw error }
          response = refused
        }
        record(response, batch: summary.batches, in: &summary)
      }
    } catch {
      throw Self.withProgress(error, summary: summary)
    }
    return summary
  }

  /// Adds one batch's outcome to the summary.
  private func record(
    _ response: Sluice_V1_IngestResponse, batch: Int64, in summary: inout Sluice_V1_IngestStreamSummary
  ) {
    summary.batches += 1
    summary.accepted += Int64(response.accepted)
    summary.duplicates += Int64(response.duplicates)
    summary.rejected += Int64(response.results.count) - Int64(response.accepted)
      - Int64(response.duplicates)
    for (index, result) in response.results.enumerated() where result.outcome != .accepted {
      guard summary.notAccepted.count < Self.maxListedResults else { break }
      var listed = Sluice_V1_IndexedEventResult()
      listed.batch = batch
      listed.index = Int32(index)
      listed.result = result
      summary.notAccepted.append(listed)
    }
  }

  /// `error` with an `IngestProgress` detail saying how far the load got.
  static func withProgress(_ error: any Error, summary: Sluice_V1_IngestStreamSummary) -> RPCError {
    var failure = RPCError(error)
    var progress = Sluice_V1_IngestProgress()
    progress.committedBatches = summary.batches
    progress.accepted = summary.accepted
    progress.duplicates = summary.duplicates
    progress.rejected = summary.rejected
    failure.details.append(RPCError.Detail(progress))
    if !failure.message.isEmpty {
      failure.message += " "
    }
    failure.message += "(after \(summary.batches) committed batches)"
    return failure
  }
}
