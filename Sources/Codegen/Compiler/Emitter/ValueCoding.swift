/// How one value (a singular field, a repeated element, a map key or value) is declared,
/// sized, written and read by generated binary code. Every method returns Swift source.
enum ValueCoding {
  case scalar(ScalarType)
  /// A generated or runtime enum; `defaultCase` is the case of number 0 when known.
  case enumeration(swiftType: String, defaultCase: String?, isNullValue: Bool)
  /// A generated or runtime message; `isJSONValue` for `google.protobuf.Value`, whose
  /// JSON `null` is a value.
  case message(swiftType: String, isJSONValue: Bool)

  /// The coding of a non-map field type.
  init(_ type: FieldType, naming: SwiftNaming, set: SchemaSet) {
    switch type {
    case .scalar(let scalar):
      self = .scalar(scalar)
    case .enumeration(let fullName):
      var defaultCase: String?
      if let descriptor = set.enumeration(named: fullName), !descriptor.values.isEmpty,
        let file = set.fileName(declaring: fullName), !WellKnownFiles.isRuntimeProvided(file)
      {
        defaultCase = SwiftNaming.enumCaseNames(descriptor)[0]
      }
      self = .enumeration(
        swiftType: naming.typeName(fullName), defaultCase: defaultCase,
        isNullValue: fullName == "google.protobuf.NullValue")
    case .message(let fullName):
      self = .message(swiftType: naming.typeName(fullName), isJSONValue: fullName == "google.protobuf.Value")
    case .map(_, let value):
      self.init(value, naming: naming, set: set)
    }
  }

  /// The Swift type.
  var swiftType: String {
    switch self {
    case .scalar(let scalar): return scalar.swiftType
    case .enumeration(let swiftType, _, _), .message(let swiftType, _): return swiftType
    }
  }

  /// The default value as an expression (messages: an empty message).
  var defaultValue: String {
    switch self {
    case .scalar(let scalar):
      switch scalar {
      case .string: return "\"\""
      case .bytes: return "[]"
      case .bool: return "false"
      default: return "0"
      }
    case .enumeration(_, let defaultCase, _): return defaultCase.map { "." + $0 } ?? ".init()"
    case .message(let swiftType, _): return swiftType + "()"
    }
  }

  /// The wire type of one unpacked value.
  var wireType: WireType {
    switch self {
    case .scalar(let scalar): return scalar.wireType
    case .enumeration: return .varint
    case .message: return .lengthDelimited
    }
  }

  /// Whether repeated values of this kind may be packed.
  var isPackable: Bool { wireType != .lengthDelimited }

  /// True when `value` differs from the default (implicit presence: written only then).
  /// Floats compare bit patterns so that `-0.0` is written.
  func isNonDefault(_ value: String) -> String {
    switch self {
    case .scalar(.string), .scalar(.bytes): return "!\(value).isEmpty"
    case .scalar(.bool): return value
    case .scalar(.float), .scalar(.double): return "\(value).bitPattern != 0"
    case .scalar: return "\(value) != 0"
    case .enumeration: return "\(value).rawValue != 0"
    case .message: return "\(value) != nil"
    }
  }

  /// Encoded size of `value` without its tag (length prefix included).
  func size(_ value: String) -> SizeTerm {
    switch self {
    case .scalar(let scalar):
      switch scalar {
      case .double, .fixed64, .sfixed64: return .constant(8)
      case .float, .fixed32, .sfixed32: return .constant(4)
      case .bool: return .constant(1)
      default: return .expression("ProtoSize.\(scalar.sizeFunction)(\(value))")
      }
    case .enumeration: return .expression("ProtoSize.enumValue(\(value))")
    case .message: return .expression("ProtoSize.message(\(value))")
    }
  }

  /// Statement writing `value` (without tag).
  func write(_ value: String) -> String {
    switch self {
    case .scalar(let scalar): return "writer.write\(scalar.methodStem)(\(value))"
    case .enumeration: return "writer.writeEnum(\(value))"
    case .message: return "writer.writeMessage(\(value))"
    }
  }

  /// Expression reading one scalar or enum from `reader` (the enum type is inferred from
  /// context). Messages are merged with `readMessage(into:)` instead: empty.
  func read(from reader: String) -> String {
    switch self {
    case .scalar(let scalar): return "try \(reader).read\(scalar.methodStem)()"
    case .enumeration: return "try \(reader).readEnum()"
    case .message: return ""
    }
  }

  /// Payload size of a packed array (without the length prefix); messages never pack.
  func packedSize(_ array: String) -> String {
    switch self {
    case .scalar(let scalar):
      switch size(array) {
      case .constant(1): return "\(array).count"
      case .constant(let width): return "\(array).count * \(width)"
      case .expression: return "ProtoSize.packed\(scalar.methodStem)(\(array))"
      }
    case .enumeration: return "ProtoSize.packedEnum(\(array))"
    case .message: return "0"
    }
  }

  /// Statement reading a packed run into `array`; messages never pack.
  func readPacked(from reader: String, into array: String) -> String {
    switch self {
    case .scalar(let scalar): return "try \(reader).readPacked\(scalar.methodStem)(into: &\(array))"
    case .enumeration: return "try \(reader).readPackedEnum(into: &\(array))"
    case .message: return ""
    }
  }
}

/// One addend of an encoded size: known at generation time or computed.
enum SizeTerm {
  case constant(Int)
  case expression(String)

  /// The sum as Swift source, constants folded: `1 + ProtoSize.string(v)`, `9`.
  static func sum(_ terms: [SizeTerm]) -> String {
    var constant = 0
    var expressions: [String] = []
    for term in terms {
      switch term {
      case .constant(let value): constant += value
      case .expression(let text): expressions.append(text)
      }
    }
    if expressions.isEmpty { return String(constant) }
    return ((constant == 0 ? [] : [String(constant)]) + expressions).joined(separator: " + ")
  }

  /// The total when every term is a constant.
  static func constantSum(_ terms: [SizeTerm]) -> Int? {
    var total = 0
    for term in terms {
      guard case .constant(let value) = term else { return nil }
      total += value
    }
    return total
  }
}

extension ScalarType {
  /// The Swift type of a value.
  var swiftType: String {
    switch self {
    case .double: return "Double"
    case .float: return "Float"
    case .int32, .sint32, .sfixed32: return "Int32"
    case .int64, .sint64, .sfixed64: return "Int64"
    case .uint32, .fixed32: return "UInt32"
    case .uint64, .fixed64: return "UInt64"
    case .bool: return "Bool"
    case .string: return "String"
    case .bytes: return "[UInt8]"
    }
  }

  /// The stem of the runtime's binary methods: `write<Stem>`, `read<Stem>`,
  /// `readPacked<Stem>`, `ProtoSize.packed<Stem>`.
  var methodStem: String {
    switch self {
    case .double: return "Double"
    case .float: return "Float"
    case .int32: return "Int32"
    case .int64: return "Int64"
    case .uint32: return "UInt32"
    case .uint64: return "UInt64"
    case .sint32: return "SInt32"
    case .sint64: return "SInt64"
    case .fixed32: return "Fixed32"
    case .fixed64: return "Fixed64"
    case .sfixed32: return "SFixed32"
    case .sfixed64: return "SFixed64"
    case .bool: return "Bool"
    case .string: return "String"
    case .bytes: return "Bytes"
    }
  }

  /// `ProtoSize` function for variable-size values.
  var sizeFunction: String { rawValue }

  /// The stem of the runtime's JSON methods (`writeInt64`, `readUInt32`, `mapKeyInt32`).
  var jsonStem: String { swiftType == "[UInt8]" ? "Bytes" : swiftType }
}
