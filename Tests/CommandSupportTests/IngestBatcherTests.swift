import SluiceCommandSupport
import SluiceGenerated
import Testing

@Suite("IngestBatcher")
struct IngestBatcherTests {
  func event(_ id: String, bytes: Int = 0) -> Sluice_V1_Event {
    var event = Sluice_V1_Event()
    event.id = id
    if bytes > 0 { event.data = .binaryData(Array(repeating: 7, count: bytes)) }
    return event
  }

  @Test func batchesFillToTheSizeAndKeepPositions() throws {
    var batcher = IngestBatcher(batchSize: 2, atomic: true)
    #expect(batcher.add(event("a"), at: InputPosition(input: 0, line: 1)).isEmpty)
    let full = batcher.add(event("b"), at: InputPosition(input: 0, line: 3))
    #expect(full.count == 1)
    let batch = try #require(full.first)
    #expect(batch.index == 0 && batch.request.atomic)
    #expect(batch.request.events.map(\.id) == ["a", "b"])
    #expect(batch.positions == [InputPosition(input: 0, line: 1), InputPosition(input: 0, line: 3)])
    #expect(batcher.add(event("c"), at: InputPosition(input: 1, line: 1)).isEmpty)
    let flushed = batcher.flush()
    let rest = try #require(flushed)
    #expect(rest.index == 1 && rest.request.events.map(\.id) == ["c"])
    #expect(batcher.flush() == nil)
  }

  @Test func batchesCloseBeforeTheyGrowTooLarge() {
    var batcher = IngestBatcher(batchSize: 100, maxBatchBytes: 1_000, atomic: false)
    #expect(batcher.add(event("a", bytes: 600), at: InputPosition(input: 0, line: 1)).isEmpty)
    let closed = batcher.add(event("b", bytes: 600), at: InputPosition(input: 0, line: 2))
    #expect(closed.map { $0.request.events.map(\.id) } == [["a"]])
    // An event larger than the limit still travels, alone.
    let alone = batcher.add(event("c", bytes: 5_000), at: InputPosition(input: 0, line: 3))
    #expect(alone.map { $0.request.events.map(\.id) } == [["b"]])
    #expect(batcher.flush()?.request.events.map(\.id) == ["c"])
  }

  @Test func aSizeOfOneCanCloseTwoBatchesAtOnce() {
    var batcher = IngestBatcher(batchSize: 1, maxBatchBytes: 10, atomic: false)
    #expect(batcher.add(event("a"), at: InputPosition(input: 0, line: 1)).count == 1)
    #expect(batcher.add(event("b", bytes: 50), at: InputPosition(input: 0, line: 2)).count == 1)
  }
}
