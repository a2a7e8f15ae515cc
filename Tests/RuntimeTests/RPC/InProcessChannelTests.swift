import Testing

@testable import SluiceRuntime

@Suite struct InProcessChannelTests {
  @Test func deliversInOrderThenFinishes() async {
    let channel = InProcessChannel<Int>(capacity: 4)
    for value in 1...3 { #expect(await channel.send(value) == .accepted) }
    channel.finish()
    #expect(await channel.send(4) == .closed)
    var received: [Int] = []
    while case .element(let value) = await channel.receive() { received.append(value) }
    #expect(received == [1, 2, 3])
    guard case .finished = await channel.receive() else {
      Issue.record("expected the end")
      return
    }
  }

  @Test func senderWaitsForRoom() async throws {
    let channel = InProcessChannel<Int>(capacity: 1)
    #expect(await channel.send(1) == .accepted)
    let blocked = Task { await channel.send(2) }
    try await Task.sleep(for: .milliseconds(20))
    guard case .element(1) = await channel.receive() else {
      Issue.record("expected 1")
      return
    }
    #expect(await blocked.value == .accepted)
    guard case .element(2) = await channel.receive() else {
      Issue.record("expected 2")
      return
    }
  }

  @Test func receiverWaitsForAnElement() async throws {
    let channel = InProcessChannel<Int>(capacity: 1)
    let receiver = Task { await channel.receive() }
    try await Task.sleep(for: .milliseconds(20))
    #expect(await channel.send(7) == .accepted)
    guard case .element(7) = await receiver.value else {
      Issue.record("expected 7")
      return
    }
  }

  @Test func closeDropsBufferAndWakesSenders() async throws {
    let channel = InProcessChannel<Int>(capacity: 1)
    #expect(await channel.send(1) == .accepted)
    let blocked = Task { await channel.send(2) }
    try await Task.sleep(for: .milliseconds(20))
    channel.close()
    #expect(await blocked.value == .closed)
    guard case .finished = await channel.receive() else {
      Issue.record("expected the end after close")
      return
    }
  }

  @Test func cancellationWakesWaitingSidesEarly() async throws {
    let channel = InProcessChannel<Int>(capacity: 1)
    let receiver = Task { await channel.receive() }
    try await Task.sleep(for: .milliseconds(20))
    receiver.cancel()
    guard case .cancelled = await receiver.value else {
      Issue.record("expected the receiver to be cancelled")
      return
    }
    #expect(await channel.send(1) == .accepted)
    let sender = Task { await channel.send(2) }
    try await Task.sleep(for: .milliseconds(20))
    sender.cancel()
    #expect(await sender.value == .cancelled)
    let alreadyCancelled = Task {
      withUnsafeCurrentTask { $0?.cancel() }
      return await channel.send(3)
    }
    #expect(await alreadyCancelled.value == .cancelled)
  }
}
