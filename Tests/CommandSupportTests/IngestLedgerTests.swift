import SluiceCommandSupport
import SluiceGenerated
import Testing

@Suite("IngestLedger")
struct IngestLedgerTests {
  func batch(_ index: Int, lines: ClosedRange<Int>, input: Int = 0, atomic: Bool = false) -> IngestBatch {
    var request = Sluice_V1_IngestRequest()
    request.events = lines.map { _ in Sluice_V1_Event() }
    request.atomic = atomic
    return IngestBatch(
      index: index, request: request, positions: lines.map { InputPosition(input: input, line: $0) })
  }

  func response(_ outcomes: [Sluice_V1_EventResult.Outcome]) -> Sluice_V1_IngestResponse {
    var response = Sluice_V1_IngestResponse()
    response.results = outcomes.map { outcome in
      var result = Sluice_V1_EventResult()
      result.outcome = outcome
      if outcome == .rejected {
        var violation = Sluice_V1_FieldViolation()
        violation.field = "type"
        violation.description_ = "required"
        result.violations = [violation, violation]
      }
      return result
    }
    return response
  }

  @Test func outcomesAreCountedAndRejectionsListedInInputOrder() {
    var ledger = IngestLedger(inputNames: ["a.jsonl", "-"])
    let first = batch(0, lines: 1...3)
    let second = batch(1, lines: 1...2, input: 1)
    ledger.sent(first)
    ledger.sent(second)
    ledger.record(response([.rejected, .accepted]), for: second)
    ledger.record(response([.accepted, .duplicate, .rejected]), for: first)
    #expect(ledger.tally.sent == 5 && ledger.batchesSent == 2)
    #expect(ledger.tally.accepted == 2 && ledger.tally.duplicates == 1 && ledger.tally.rejected == 2)
    #expect(
      ledger.rejectionLines() == [
        "a.jsonl:3: type: required; type: required", "<stdin>:1: type: required; type: required",
      ])
  }

  @Test func atomicRefusalsAndMissingResultsCountAsRejected() {
    var ledger = IngestLedger(inputNames: ["x"])
    let refused = batch(0, lines: 1...3, atomic: true)
    ledger.sent(refused)
    ledger.record(response([.unspecified, .rejected]), for: refused)
    #expect(ledger.tally.rejected == 3)
    #expect(
      ledger.rejectionLines() == [
        "x:1: not stored: another event of its batch is invalid (--atomic)",
        "x:2: type: required; type: required",
        "x:3: not stored: the server gave no outcome for it",
      ])
  }

  @Test func listsAreCappedAndCounted() {
    var ledger = IngestLedger(inputNames: ["x"], maxListed: 1)
    let all = batch(0, lines: 1...3)
    ledger.sent(all)
    ledger.record(response([.rejected, .rejected, .rejected]), for: all)
    #expect(ledger.rejectionLines() == ["x:1: type: required; type: required", "... and 2 more rejected events"])
    #expect(ledger.unreadable(InputError(line: 9, reason: "bad"), input: 0) == "x:9: unreadable: bad")
    #expect(ledger.unreadable(InputError(line: 10, reason: "bad"), input: 0) == nil)
    #expect(ledger.tally.unreadable == 2 && ledger.unlistedUnreadable == 1)
  }

  @Test func storedThroughFollowsTheFinishedPrefix() {
    var ledger = IngestLedger(inputNames: ["f"])
    let batches = (0..<4).map { batch($0, lines: ($0 * 10 + 1)...($0 * 10 + 10)) }
    for each in batches { ledger.sent(each) }
    #expect(ledger.storedThrough == nil)
    #expect(ledger.stopReport().hasPrefix("No batch was confirmed (4 sent)."))
    ledger.record(response(Array(repeating: .accepted, count: 10)), for: batches[1])
    ledger.record(response(Array(repeating: .accepted, count: 10)), for: batches[3])
    #expect(ledger.storedThrough == nil && ledger.batchesAhead == 2)
    ledger.record(response(Array(repeating: .accepted, count: 10)), for: batches[0])
    #expect(ledger.storedThrough == InputPosition(input: 0, line: 20))
    #expect(ledger.batchesInOrder == 2 && ledger.batchesAhead == 1)
    #expect(
      ledger.stopReport()
        == "Stored through f:20: 2 of 4 batches sent were confirmed in order, and 1 more after a gap. "
        + "Running the same input again is safe: events already stored are reported as duplicates, "
        + "not stored twice.")
  }
}
