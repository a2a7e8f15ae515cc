@testable import SluiceKafka
import Testing

/// The in-flight table with plain integers standing in for continuations.
@Suite("InFlightTable")
struct InFlightTableTests {
  typealias Table = InFlightTable<Int>
  let now = ContinuousClock.now

  @Test("message tags round-trip through the opaque pointer")
  func tags() throws {
    for (call, index) in [(1, 0), (7, 3), (1 << 43, MessageTag.maximumBatchCount)] as [(UInt64, Int)] {
      let tag = MessageTag(call: call, index: index)
      #expect(MessageTag(opaque: tag.opaque) == tag)
    }
    #expect(MessageTag(opaque: nil) == nil)
    #expect(MessageTag.callID(after: (1 << 44) - 1) == 1)
  }

  @Test("a single call completes on its one report")
  func single() throws {
    var table = Table()
    let call = table.makeCallID()
    table.register(call: call, count: 1, deadline: now + .seconds(5), continuation: 11)
    let report = KafkaDeliveryReport(partition: 2, offset: 40)
    guard case .delivered(11, let first, let all)? = table.report(MessageTag(call: call, index: 0), .success(report))
    else {
      Issue.record("expected a delivery")
      return
    }
    #expect(first == report)
    #expect(all.isEmpty)
    #expect(table.count == 0)
  }

  @Test("a batch completes after its last report, with reports in message order")
  func batch() throws {
    var table = Table()
    let call = table.makeCallID()
    table.register(call: call, count: 3, deadline: now + .seconds(5), continuation: 3)
    let reports = (0..<3).map { KafkaDeliveryReport(partition: Int32($0), offset: Int64(10 * $0)) }
    let result1 = table.report(MessageTag(call: call, index: 2), .success(reports[2]))
    #expect(result1 == nil)
    let result2 = table.report(MessageTag(call: call, index: 0), .success(reports[0]))
    #expect(result2 == nil)
    guard case .delivered(3, _, let all)? = table.report(MessageTag(call: call, index: 1), .success(reports[1]))
    else {
      Issue.record("expected a delivery")
      return
    }
    #expect(all == reports)
  }

  @Test("the first failed message fails the call; later reports are ignored")
  func failure() throws {
    var table = Table()
    let call = table.makeCallID()
    table.register(call: call, count: 3, deadline: now + .seconds(5), continuation: 5)
    let ok = KafkaDeliveryReport(partition: 0, offset: 0)
    let result3 = table.report(MessageTag(call: call, index: 0), .success(ok))
    #expect(result3 == nil)
    let error = KafkaProducerError(code: .rejected, message: "too large")
    guard case .failed(5, let thrown)? = table.report(MessageTag(call: call, index: 1), .failure(error))
    else {
      Issue.record("expected a failure")
      return
    }
    #expect(thrown as? KafkaProducerError == error)
    let result4 = table.report(MessageTag(call: call, index: 2), .success(ok))
    #expect(result4 == nil)
    #expect(table.count == 0)
  }

  @Test("deadlines expire in order; reports after expiry are ignored")
  func deadlines() throws {
    var table = Table()
    let early = table.makeCallID()
    let late = table.makeCallID()
    table.register(call: late, count: 1, deadline: now + .seconds(9), continuation: 2)
    table.register(call: early, count: 1, deadline: now + .seconds(1), continuation: 1)
    let result5 = table.nextDeadline()
    #expect(result5 == now + .seconds(1))
    let error = KafkaProducerError(code: .deadlineExceeded, message: "late")
    let result6 = table.expire(now: now, with: error)
    #expect(result6.isEmpty)
    let expired = table.expire(now: now + .seconds(2), with: error)
    #expect(expired.count == 1)
    if case .failed(1, _)? = expired.first {} else { Issue.record("expected call 1 to expire") }
    let result7 = table.report(MessageTag(call: early, index: 0), .success(.init(partition: 0, offset: 0)))
    #expect(result7 == nil)
    let result8 = table.nextDeadline()
    #expect(result8 == now + .seconds(9))
  }

  @Test("finished calls leave no deadline behind, and the heap stays small")
  func staleDeadlines() throws {
    var table = Table()
    for number in 0..<10_000 {
      let call = table.makeCallID()
      table.register(call: call, count: 1, deadline: now + .seconds(60), continuation: number)
      _ = table.report(MessageTag(call: call, index: 0), .success(.init(partition: 0, offset: 0)))
    }
    #expect(table.count == 0)
    let result9 = table.nextDeadline()
    #expect(result9 == nil)
  }

  @Test("fail and failAll complete each waiting call exactly once")
  func failAll() throws {
    var table = Table()
    let first = table.makeCallID()
    let second = table.makeCallID()
    table.register(call: first, count: 1, deadline: now + .seconds(5), continuation: 1)
    table.register(call: second, count: 2, deadline: now + .seconds(5), continuation: 2)
    let result10 = table.fail(call: first, with: CancellationError())
    #expect(result10 != nil)
    let result11 = table.fail(call: first, with: CancellationError())
    #expect(result11 == nil)
    let result12 = table.failAll(with: CancellationError())
    #expect(result12.count == 1)
    let result13 = table.failAll(with: CancellationError())
    #expect(result13.isEmpty)
    let result14 = table.nextDeadline()
    #expect(result14 == nil)
  }
}
