import SluiceRuntime
import Testing

@Suite struct InProcessServerStreamingTests {
  @Test func responsesMetadataAndTrailers() async throws {
    let harness = try EchoHarness()
    let responses = try await harness.client.expand(
      Echo_V1_EchoRequest(text: "n", count: 5), options: CallOptions(metadata: ["x-echo": "e"]))
    #expect(try await responses.metadata() == ["x-echo": "e"])
    #expect(responses.trailers.isEmpty)
    var received: [Echo_V1_EchoResponse] = []
    for try await response in responses { received.append(response) }
    #expect(received == (0..<5).map { Echo_V1_EchoResponse(text: "n \($0)", index: Int32($0)) })
    #expect(responses.trailers == ["x-handled": "expand"])
  }

  @Test func errorAfterSomeResponses() async throws {
    let harness = try EchoHarness(codec: .json())
    let responses = try await harness.client.expand(
      Echo_V1_EchoRequest(text: "n", count: 2, failCode: 10))
    var received = 0
    let error = await rpcError {
      for try await _ in responses { received += 1 }
    }
    #expect(received == 2)
    #expect(error?.code == .aborted)
    #expect(error?.metadata == ["x-trailer": "before-error", "x-error": "yes"])
    #expect(responses.trailers.isEmpty)
  }

  @Test func errorBeforeAnyResponseFailsTheCall() async throws {
    let harness = try EchoHarness()
    let error = await rpcError {
      try await harness.client.expand(
        Echo_V1_EchoRequest(text: "n", failCode: 7, failMessage: "denied"))
    }
    #expect(error?.code == .permissionDenied)
    #expect(error?.message == "denied")
  }

  @Test func cancellingOrDroppingTheSequenceCancelsTheHandler() async throws {
    let harness = try EchoHarness()
    let request = Echo_V1_EchoRequest(text: "n", count: 1000, delayMs: 2)
    let responses = try await harness.client.expand(request)
    var iterator = responses.makeAsyncIterator()
    #expect(try await iterator.next()?.index == 0)
    responses.cancel()
    #expect(await harness.probe.waitFor("expand cancelled"))
    #expect(await rpcError { try await iterator.next() }?.code == .cancelled)

    let dropping = try EchoHarness()
    do {
      let responses = try await dropping.client.expand(request)
      for try await response in responses where response.index == 1 { break }
    }
    #expect(await dropping.probe.waitFor("expand cancelled"))
  }

  @Test func cancellingTheConsumerCancelsTheCall() async throws {
    let harness = try EchoHarness()
    let consumer = Task {
      var count = 0
      for try await _ in try await harness.client.expand(
        Echo_V1_EchoRequest(text: "n", count: 1000, delayMs: 2))
      {
        count += 1
      }
      return count
    }
    #expect(await harness.probe.waitFor("expand wrote 3"))
    consumer.cancel()
    #expect(await rpcError { try await consumer.value }?.code == .cancelled)
    #expect(await harness.probe.waitFor("expand cancelled"))
  }

  @Test func slowReaderHoldsBackTheWriter() async throws {
    let harness = try EchoHarness(bufferCapacity: 2)
    let responses = try await harness.client.expand(Echo_V1_EchoRequest(text: "n", count: 50))
    try await Task.sleep(for: .milliseconds(50))
    let writtenBeforeReading = harness.probe.recorded.filter { $0.hasPrefix("expand wrote") }.count
    #expect(writtenBeforeReading <= 3)
    var count = 0
    for try await _ in responses { count += 1 }
    #expect(count == 50)
  }

  @Test func deadlineEndsTheStream() async throws {
    let harness = try EchoHarness()
    var count = 0
    // Under load the deadline may pass before the first response (and its headers).
    let error = await rpcError {
      let responses = try await harness.client.expand(
        Echo_V1_EchoRequest(text: "n", count: 1000, delayMs: 10),
        options: CallOptions(timeout: .milliseconds(100)))
      for try await _ in responses { count += 1 }
    }
    #expect(error?.code == .deadlineExceeded)
    #expect(count < 100)
    #expect(await harness.probe.waitFor("expand cancelled"))
  }
}

@Suite struct InProcessClientStreamingTests {
  @Test func collectsRequests() async throws {
    let harness = try EchoHarness()
    let response = try await harness.client.collectWithMetadata(
      options: CallOptions(metadata: ["x-echo": "c"])
    ) { requests in
      for text in ["a", "b", "c"] { try await requests.write(Echo_V1_EchoRequest(text: text)) }
    }
    #expect(response.message == Echo_V1_EchoResponse(text: "a b c", index: 3))
    #expect(response.metadata == ["x-echo": "c"])
    #expect(response.trailers == ["x-handled": "collect"])
    let empty = try await harness.client.collect { _ in }
    #expect(empty == Echo_V1_EchoResponse())
  }

  @Test func serverErrorEndsTheCallAndLaterWritesThrowIt() async throws {
    let harness = try EchoHarness(bufferCapacity: 1)
    let error = await rpcError {
      try await harness.client.collect { requests in
        try await requests.write(Echo_V1_EchoRequest(text: "ok"))
        try await requests.write(
          Echo_V1_EchoRequest(text: "bad", failCode: 3, failMessage: "bad request"))
        for _ in 0..<20 { try await requests.write(Echo_V1_EchoRequest(text: "ignored")) }
      }
    }
    #expect(error?.code == .invalidArgument)
    #expect(error?.message == "bad request")
  }

  private struct ProducerFailed: Error {}

  @Test func producerErrorCancelsTheCall() async throws {
    let harness = try EchoHarness()
    await #expect(throws: ProducerFailed.self) {
      try await harness.client.collect { requests in
        try await requests.write(Echo_V1_EchoRequest(text: "a"))
        throw ProducerFailed()
      }
    }
  }

  @Test func deadlineWhileTheClientIsStillWriting() async throws {
    let harness = try EchoHarness(bufferCapacity: 1)
    let error = await rpcError {
      try await harness.client.collect(options: CallOptions(timeout: .milliseconds(50))) {
        requests in
        for _ in 0..<5 { try await requests.write(Echo_V1_EchoRequest(text: "slow", delayMs: 40)) }
      }
    }
    #expect(error?.code == .deadlineExceeded)
    #expect(await harness.probe.waitFor("collect cancelled"))
  }
}

@Suite struct InProcessBidirectionalTests {
  @Test func echoesEachRequest() async throws {
    let harness = try EchoHarness()
    let (texts, trailers, metadata) = try await harness.client.update(
      options: CallOptions(metadata: ["x-echo": "b"]),
      requests: { requests in
        for text in ["a", "b", "c"] { try await requests.write(Echo_V1_EchoRequest(text: text)) }
      },
      responses: { responses in
        var texts: [String] = []
        for try await response in responses { texts.append("\(response.index):\(response.text)") }
        return (texts, responses.trailers, try await responses.metadata())
      })
    #expect(texts == ["0:A", "1:B", "2:C"])
    #expect(trailers == ["x-handled": "update"])
    #expect(metadata == ["x-echo": "b"])
  }

  @Test func pingPong() async throws {
    let harness = try EchoHarness(bufferCapacity: 1)
    let (requestStream, continuation) = AsyncStream.makeStream(of: String.self)
    let received = try await harness.client.update(
      requests: { requests in
        for await text in requestStream {
          try await requests.write(Echo_V1_EchoRequest(text: text))
        }
      },
      responses: { responses in
        var received: [String] = []
        continuation.yield("ping")
        for try await response in responses {
          received.append(response.text)
          if received.count == 3 {
            continuation.finish()
          } else {
            continuation.yield("ping\(received.count)")
          }
        }
        return received
      })
    #expect(received == ["PING", "PING1", "PING2"])
  }

  @Test func serverErrorReachesTheResponses() async throws {
    let harness = try EchoHarness()
    var received: [String] = []
    let error = await rpcError {
      try await harness.client.update(
        requests: { requests in
          try await requests.write(Echo_V1_EchoRequest(text: "a"))
          try await requests.write(
            Echo_V1_EchoRequest(text: "b", failCode: 14, failMessage: "later"))
        },
        responses: { responses in
          for try await response in responses { received.append(response.text) }
        })
    }
    #expect(received == ["A"])
    #expect(error?.code == .unavailable)
    #expect(error?.metadata == ["x-trailer": "before-error", "x-error": "yes"])
  }

  private struct ProducerFailed: Error {}

  @Test func producerErrorWins() async throws {
    let harness = try EchoHarness()
    await #expect(throws: ProducerFailed.self) {
      try await harness.client.update(
        requests: { requests in
          try await requests.write(Echo_V1_EchoRequest(text: "a"))
          throw ProducerFailed()
        },
        responses: { responses in
          for try await _ in responses {}
        })
    }
  }

  @Test func returningEarlyCancelsTheRest() async throws {
    let harness = try EchoHarness()
    let first = try await harness.client.update(
      requests: { requests in
        while !Task.isCancelled {
          try await requests.write(Echo_V1_EchoRequest(text: "more", delayMs: 1))
        }
      },
      responses: { responses in
        for try await response in responses { return response.text }
        return "none"
      })
    #expect(first == "MORE")
    #expect(await harness.probe.waitFor("update cancelled"))
  }

  @Test func deadlineEndsBothDirections() async throws {
    let harness = try EchoHarness()
    let error = await rpcError {
      try await harness.client.update(
        options: CallOptions(timeout: .milliseconds(80)),
        requests: { requests in
          while true { try await requests.write(Echo_V1_EchoRequest(text: "tick", delayMs: 10)) }
        },
        responses: { responses in
          for try await _ in responses {}
        })
    }
    #expect(error?.code == .deadlineExceeded)
  }

  @MainActor @Test func closuresRunInTheCallersIsolation() async throws {
    let harness = try EchoHarness()
    var seen: [String] = []
    let collected = try await harness.client.collect { requests in
      seen.append("writing")
      try await requests.write(Echo_V1_EchoRequest(text: "main"))
    }
    let count = try await harness.client.update(
      requests: { requests in try await requests.write(Echo_V1_EchoRequest(text: "x")) },
      responses: { responses in
        for try await response in responses { seen.append(response.text) }
        return seen.count
      })
    #expect(collected.text == "main")
    #expect(count == 2)
    #expect(seen == ["writing", "X"])
  }
}
