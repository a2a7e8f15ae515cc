public enum Sluice_Test_EventKind: ProtoEnum {
  case unspecified  // EVENT_KIND_UNSPECIFIED = 0
  case click  // EVENT_KIND_CLICK = 1
  case doubleClick  // EVENT_KIND_DOUBLE_CLICK = 2
  case _404  // EVENT_KIND_404 = 3
  /// A number the schema does not name (proto3 enums are open).
  case unrecognized(Int32)

  public static let protoEnumName = "sluice.test.EventKind"
  public static let knownCases: [Self] = [.unspecified, .click, .doubleClick, ._404]
  public static let tap: Self = .click  // EVENT_KIND_TAP = 1

  public init() { self = .unspecified }

  public init(rawValue: Int32) {
    switch rawValue {
    case 0: self = .unspecified
    case 1: self = .click
    case 2: self = .doubleClick
    case 3: self = ._404
    default: self = .unrecognized(rawValue)
    }
  }

  public var rawValue: Int32 {
    switch self {
    case .unspecified: 0
    case .click: 1
    case .doubleClick: 2
    case ._404: 3
    case .unrecognized(let number): number
    }
  }

  public var protoName: String? {
    switch self {
    case .unspecified: "EVENT_KIND_UNSPECIFIED"
    case .click: "EVENT_KIND_CLICK"
    case .doubleClick: "EVENT_KIND_DOUBLE_CLICK"
    case ._404: "EVENT_KIND_404"
    case .unrecognized: nil
    }
  }

  public init?(protoName: String) {
    switch protoName {
    case "EVENT_KIND_UNSPECIFIED": self = .unspecified
    case "EVENT_KIND_CLICK", "EVENT_KIND_TAP": self = .click
    case "EVENT_KIND_DOUBLE_CLICK": self = .doubleClick
    case "EVENT_KIND_404": self = ._404
    default: return nil
    }
  }
}

public enum Sluice_Test_Mixed: ProtoEnum {
  case mixedA  // MIXED_A = 0
  case other  // OTHER = 1
  /// A number the schema does not name (proto3 enums are open).
  case unrecognized(Int32)

  public static let protoEnumName = "sluice.test.Mixed"
  public static let knownCases: [Self] = [.mixedA, .other]

  public init() { self = .mixedA }

  public init(rawValue: Int32) {
    switch rawValue {
    case 0: self = .mixedA
    case 1: self = .other
    default: self = .unrecognized(rawValue)
    }
  }

  public var rawValue: Int32 {
    switch self {
    case .mixedA: 0
    case .other: 1
    case .unrecognized(let number): number
    }
  }

  public var protoName: String? {
    switch self {
    case .mixedA: "MIXED_A"
    case .other: "OTHER"
    case .unrecognized: nil
    }
  }

  public init?(protoName: String) {
    switch protoName {
    case "MIXED_A": self = .mixedA
    case "OTHER": self = .other
    default: return nil
    }
  }
}

public enum Sluice_Test_Keyword: ProtoEnum {
  case `default`  // DEFAULT = 0
  case `class`  // CLASS = 1
  case self_  // SELF = 2
  case unrecognized_  // UNRECOGNIZED = 3
  case type  // TYPE = 4
  case `in`  // IN = 5
  case protoName_  // PROTO_NAME = 6
  case negative  // NEGATIVE = -1
  case camelCase  // camelCase = 7
  /// A number the schema does not name (proto3 enums are open).
  case unrecognized(Int32)

  public static let protoEnumName = "sluice.test.Keyword"
  public static let knownCases: [Self] = [
    .default,
    .class,
    .self_,
    .unrecognized_,
    .type,
    .in,
    .protoName_,
    .negative,
    .camelCase,
  ]

  public init() { self = .default }

  public init(rawValue: Int32) {
    switch rawValue {
    case 0: self = .default
    case 1: self = .class
    case 2: self = .self_
    case 3: self = .unrecognized_
    case 4: self = .type
    case 5: self = .in
    case 6: self = .protoName_
    case -1: self = .negative
    case 7: self = .camelCase
    default: self = .unrecognized(rawValue)
    }
  }

  public var rawValue: Int32 {
    switch self {
    case .default: 0
    case .class: 1
    case .self_: 2
    case .unrecognized_: 3
    case .type: 4
    case .in: 5
    case .protoName_: 6
    case .negative: -1
    case .camelCase: 7
    case .unrecognized(let number): number
    }
  }

  public var protoName: String? {
    switch self {
    case .default: "DEFAULT"
    case .class: "CLASS"
    case .self_: "SELF"
    case .unrecognized_: "UNRECOGNIZED"
    case .type: "TYPE"
    case .in: "IN"
    case .protoName_: "PROTO_NAME"
    case .negative: "NEGATIVE"
    case .camelCase: "camelCase"
    case .unrecognized: nil
    }
  }

  public init?(protoName: String) {
    switch protoName {
    case "DEFAULT": self = .default
    case "CLASS": self = .class
    case "SELF": self = .self_
    case "UNRECOGNIZED": self = .unrecognized_
    case "TYPE": self = .type
    case "IN": self = .in
    case "PROTO_NAME": self = .protoName_
    case "NEGATIVE": self = .negative
    case "camelCase": self = .camelCase
    default: return nil
    }
  }
}
