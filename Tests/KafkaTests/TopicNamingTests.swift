import SluiceKafka
import Testing

@Suite("TopicNaming")
struct TopicNamingTests {
  @Test("one topic for every stream")
  func singleTopic() throws {
    let naming = try TopicNaming.single("sluice-events")
    #expect(naming.topic(forStream: "shop.v1.OrderPlaced") == "sluice-events")
    #expect(naming.topic(forStream: "anything at all") == "sluice-events")
  }

  @Test(
    "a single topic must be a legal name",
    arguments: ["", ".", "..", "has space", "slash/topic", "ümlaut", String(repeating: "a", count: 250)])
  func illegalSingleTopic(name: String) {
    #expect(throws: TopicNamingError.self) { try TopicNaming.single(name) }
  }

  @Test("the longest legal single topic is accepted")
  func longestSingleTopic() throws {
    let name = String(repeating: "a", count: 249)
    #expect(try TopicNaming.single(name).topic(forStream: "x") == name)
  }

  @Test("per stream: prefix plus the stream name, legal characters kept")
  func perStream() throws {
    let naming = try TopicNaming.perStream(prefix: "sluice.")
    #expect(naming.topic(forStream: "shop.v1.OrderPlaced") == "sluice.shop.v1.OrderPlaced")
    #expect(naming.topic(forStream: "click-stream_2") == "sluice.click-stream_2")
  }

  @Test("per stream: illegal characters become underscores")
  func sanitized() throws {
    let naming = try TopicNaming.perStream(prefix: "ev-")
    #expect(naming.topic(forStream: "orders/eu west") == "ev-orders_eu_west")
    #expect(naming.topic(forStream: "café") == "ev-caf_")
    #expect(naming.topic(forStream: "a:b@c#d") == "ev-a_b_c_d")
  }

  @Test("per stream with an empty prefix never yields an illegal name")
  func emptyPrefix() throws {
    let naming = try TopicNaming.perStream(prefix: "")
    #expect(naming.topic(forStream: "orders") == "orders")
    #expect(naming.topic(forStream: ".") == "_")
    #expect(naming.topic(forStream: "..") == "__")
    #expect(naming.topic(forStream: "") == "_")
  }

  @Test("long stream names are cut and end with a hash, so they stay distinct and legal")
  func longNames() throws {
    let naming = try TopicNaming.perStream(prefix: "sluice.")
    let first = naming.topic(forStream: String(repeating: "x", count: 300) + "A")
    let second = naming.topic(forStream: String(repeating: "x", count: 300) + "B")
    #expect(first.utf8.count == TopicNaming.maximumLength)
    #expect(second.utf8.count == TopicNaming.maximumLength)
    #expect(first != second)
    #expect(first.hasPrefix("sluice.xxxx"))
    #expect(try TopicNaming.single(first).topic(forStream: "") == first)
    #expect(naming.topic(forStream: String(repeating: "x", count: 300) + "A") == first)
  }

  @Test("every produced topic name passes Kafka's rules", arguments: [
    "", ".", "..", "a b", "ümlaut/ß", "🙂", "shop.v1.Order", String(repeating: "é", count: 400),
  ])
  func alwaysLegal(stream: String) throws {
    for prefix in ["", "p.", "sluice-events-"] {
      let topic = try TopicNaming.perStream(prefix: prefix).topic(forStream: stream)
      #expect(throws: Never.self) { try TopicNaming.single(topic) }
    }
  }

  @Test("a prefix must use legal characters and leave room for the stream")
  func badPrefix() {
    #expect(throws: TopicNamingError.self) { try TopicNaming.perStream(prefix: "bad prefix") }
    #expect(throws: TopicNamingError.self) {
      try TopicNaming.perStream(prefix: String(repeating: "a", count: 240))
    }
  }
}
