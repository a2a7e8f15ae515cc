/// Names protoc derives from declared names.
enum ProtoNaming {
  /// protoc's default JSON name: underscores removed, the letter after each one
  /// upper-cased (`event_id` -> `eventId`, `_x` -> `X`).
  static func jsonName(for fieldName: String) -> String {
    var result = ""
    var capitalizeNext = false
    for c in fieldName {
      if c == "_" {
        capitalizeNext = true
      } else if capitalizeNext {
        result += c.uppercased()
        capitalizeNext = false
      } else {
        result.append(c)
      }
    }
    return result
  }

  /// The name of the entry message protoc synthesizes for a map field:
  /// UpperCamelCase of the field name plus `Entry` (`foo_bar` -> `FooBarEntry`).
  static func mapEntryName(for fieldName: String) -> String {
    var result = ""
    var capitalizeNext = true
    for c in fieldName {
      if c == "_" {
        capitalizeNext = true
      } else if capitalizeNext {
        result += c.isASCII ? c.uppercased() : String(c)
        capitalizeNext = false
      } else {
        result.append(c)
      }
    }
    return result + "Entry"
  }

  /// An enum value name without the enum's name as prefix (compared ignoring case
  /// and underscores), then PascalCased: protoc's key for detecting values that
  /// generators would give the same name (`FOO_BAR_UNKNOWN` in `FooBar` -> `Unknown`).
  static func strippedEnumValueKey(_ valueName: String, enumName: String) -> String {
    pascalCase(enumValue: removingPrefix(of: enumName, from: valueName))
  }

  private static func removingPrefix(of enumName: String, from value: String) -> String {
    let prefix = Array(enumName.lowercased().utf8.filter { $0 != UInt8(ascii: "_") })
    let bytes = Array(value.utf8)
    var i = 0
    var j = 0
    while i < bytes.count && j < prefix.count {
      if bytes[i] == UInt8(ascii: "_") {
        i += 1
        continue
      }
      guard lowercase(bytes[i]) == prefix[j] else { return value }
      i += 1
      j += 1
    }
    guard j == prefix.count else { return value }
    while i < bytes.count && bytes[i] == UInt8(ascii: "_") { i += 1 }
    guard i < bytes.count else { return value }
    return String(decoding: bytes[i...], as: UTF8.self)
  }

  private static func pascalCase(enumValue: String) -> String {
    var result: [UInt8] = []
    var upperNext = true
    for c in enumValue.utf8 {
      if c == UInt8(ascii: "_") {
        upperNext = true
      } else {
        result.append(upperNext ? uppercase(c) : lowercase(c))
        upperNext = false
      }
    }
    return String(decoding: result, as: UTF8.self)
  }

  private static func lowercase(_ c: UInt8) -> UInt8 {
    c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z") ? c + 32 : c
  }

  private static func uppercase(_ c: UInt8) -> UInt8 {
    c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z") ? c - 32 : c
  }
}
