/// How event streams map onto Kafka topics: every stream into one topic, or one topic per
/// stream named `prefix + stream`. Stream names are made legal topic names: Kafka allows
/// only ASCII letters, digits, `.`, `_` and `-`, at most 249 characters, and neither `.`
/// nor `..`. A pure value: no broker is consulted.
public struct TopicNaming: Sendable, Hashable, CustomStringConvertible {
  /// The longest legal Kafka topic name.
  public static let maximumLength = 249

  private enum Rule: Hashable {
    case single(String)
    case perStream(prefix: String)
  }

  private let rule: Rule

  /// Every stream goes to `topic`, which must already be a legal topic name.
  public static func single(_ topic: String) throws(TopicNamingError) -> TopicNaming {
    if let problem = Self.problem(inTopic: topic) {
      throw TopicNamingError(name: topic, problem: problem)
    }
    return TopicNaming(rule: .single(topic))
  }

  /// Each stream goes to its own topic, `prefix` followed by the stream's name made legal.
  /// The prefix may be empty; otherwise it must consist of legal characters and leave
  /// room for a stream name.
  public static func perStream(prefix: String) throws(TopicNamingError) -> TopicNaming {
    if let illegal = prefix.unicodeScalars.first(where: { !Self.isLegal($0) }) {
      throw TopicNamingError(
        name: prefix,
        problem: "the prefix contains \"\(illegal.escaped(asASCII: true))\"; topic names "
          + "allow only ASCII letters, digits, '.', '_' and '-'")
    }
    if prefix.utf8.count > maximumLength - Self.reservedForStream {
      throw TopicNamingError(
        name: prefix,
        problem: "the prefix is longer than \(maximumLength - Self.reservedForStream) characters")
    }
    return TopicNaming(rule: .perStream(prefix: prefix))
  }

  private init(rule: Rule) {
    self.rule = rule
  }

  /// The topic for events of `stream`. Always a legal topic name: characters Kafka does
  /// not allow become `_`; a name that would be too long keeps its start and ends with a
  /// hash of the whole stream name, so distinct long names stay distinct.
  public func topic(forStream stream: String) -> String {
    switch rule {
    case .single(let topic):
      return topic
    case .perStream(let prefix):
      return Self.legalTopic(prefix: prefix, stream: stream)
    }
  }

  public var description: String {
    switch rule {
    case .single(let topic): "one topic \"\(topic)\""
    case .perStream(let prefix): "one topic per stream, prefix \"\(prefix)\""
    }
  }

  /// Room kept after a prefix: enough for a 16-digit hash, a separator and a few characters.
  private static let reservedForStream = 24

  private static func isLegal(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "a"..."z", "A"..."Z", "0"..."9", ".", "_", "-": true
    default: false
    }
  }

  /// Why `topic` is not a legal topic name, or `nil` when it is.
  static func problem(inTopic topic: String) -> String? {
    if topic.isEmpty { return "a topic name cannot be empty" }
    if topic == "." || topic == ".." { return "a topic cannot be named \"\(topic)\"" }
    if topic.utf8.count > maximumLength {
      return "a topic name has at most \(maximumLength) characters"
    }
    if let illegal = topic.unicodeScalars.first(where: { !isLegal($0) }) {
      return "a topic name contains \"\(illegal.escaped(asASCII: true))\"; topic names allow "
        + "only ASCII letters, digits, '.', '_' and '-'"
    }
    return nil
  }

  private static func legalTopic(prefix: String, stream: String) -> String {
    var name = prefix
    name.unicodeScalars.append(
      contentsOf: stream.unicodeScalars.map { isLegal($0) ? $0 : "_" })
    if name.isEmpty || name == "." || name == ".." {
      name = prefix + String(repeating: "_", count: max(1, stream.unicodeScalars.count))
    }
    guard name.utf8.count > maximumLength else { return name }
    let hash = fnv1a(stream.utf8)
    let digits = String(hash, radix: 16)
    let suffix = "-" + String(repeating: "0", count: 16 - digits.count) + digits
    return String(name.prefix(maximumLength - suffix.utf8.count)) + suffix
  }

  /// 64-bit FNV-1a: a short, stable fingerprint (not for security).
  private static func fnv1a(_ bytes: String.UTF8View) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
      hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }
    return hash
  }
}

/// A topic name or prefix that Kafka would not accept.
public struct TopicNamingError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The offending name or prefix.
  public var name: String
  /// What is wrong with it.
  public var problem: String

  /// Creates an error.
  public init(name: String, problem: String) {
    self.name = name
    self.problem = problem
  }

  public var description: String { "invalid Kafka topic \"\(name)\": \(problem)" }
}
