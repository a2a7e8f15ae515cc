public import SluiceKafka

/// One record as the Kafka tests' consumer (consume.py) prints it: bytes as hex.
public struct ConsumedRecord: Decodable, Hashable, Sendable {
  /// The topic it was read from.
  public var topic: String
  /// Its partition.
  public var partition: Int32
  /// Its offset in the partition.
  public var offset: Int64
  /// The key as hex; nil when the record has none.
  public var key: String?
  /// The value as hex.
  public var value: String
  /// The headers in order, each `[name, value as hex]`.
  public var headers: [[String]]

  /// The key's bytes; nil when the record has none.
  public var keyBytes: [UInt8]? { key.map(Self.bytes(hex:)) }
  /// The value's bytes.
  public var valueBytes: [UInt8] { Self.bytes(hex: value) }
  /// The headers as the producer takes them.
  public var headerPairs: [KafkaHeader] {
    headers.map { KafkaHeader(name: $0[0], value: Self.bytes(hex: $0[1])) }
  }

  /// The value of the first header named `name`, as text.
  public func header(_ name: String) -> String? {
    headers.first { $0.first == name }.map { String(decoding: Self.bytes(hex: $0[1]), as: UTF8.self) }
  }

  /// The bytes `hex` spells, two digits each; a trailing odd digit is dropped and a pair
  /// that is not hex reads as 0.
  private static func bytes(hex: String) -> [UInt8] {
    var bytes: [UInt8] = []
    var index = hex.startIndex
    while index < hex.endIndex, let next = hex.index(index, offsetBy: 2, limitedBy: hex.endIndex) {
      bytes.append(UInt8(hex[index..<next], radix: 16) ?? 0)
      index = next
    }
    return bytes
  }
}
