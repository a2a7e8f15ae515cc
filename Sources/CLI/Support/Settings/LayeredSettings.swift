public import Foundation

/// Settings from three places, highest first: command-line flags, environment variables
/// (`SLUICE_` + the name in upper snake case: `--database-url` is
/// `SLUICE_DATABASE_URL`), and a JSON config file (an object keyed by the flag names:
/// `{"database-url": "...", "writer-max": 8}`). Every lookup says where a value came
/// from, so an error can point at the flag, variable or file entry to fix.
public struct LayeredSettings: Sendable {
  /// Where a value came from.
  public enum Source: Sendable, Hashable, CustomStringConvertible {
    case flag(String)
    case environment(String)
    case file(String)

    /// `--name`, `$SLUICE_NAME` or `name in FILE`.
    public var description: String {
      switch self {
      case .flag(let name): "--\(name)"
      case .environment(let variable): "$\(variable)"
      case .file(let name): "\"\(name)\" in the config file"
      }
    }
  }

  private let flags: [String: [String]]
  private let environment: [String: String]
  private let file: [String: [String]]

  /// Settings from flags given (name without dashes → values, repeatable flags keep
  /// every value), the process environment, and the parsed config file.
  public init(flags: [String: [String]], environment: [String: String], file: [String: [String]] = [:]) {
    self.flags = flags.filter { !$0.value.isEmpty }
    self.environment = environment
    self.file = file
  }

  /// Reads a JSON config file: an object whose values are strings, numbers, booleans
  /// or arrays of those.
  public static func parseFile(_ data: Data, path: String) throws(SettingError) -> [String: [String]] {
    let object: [String: FileValue]
    do {
      object = try JSONDecoder().decode([String: FileValue].self, from: data)
    } catch {
      throw SettingError(
        "\(path): not a JSON object whose values are strings, numbers, booleans or lists of them")
    }
    return object.mapValues(\.strings)
  }

  /// One value of the config file, as text.
  private enum FileValue: Decodable {
    case scalar(String)
    case list([String])

    var strings: [String] {
      switch self {
      case .scalar(let text): [text]
      case .list(let items): items
      }
    }

    init(from decoder: any Decoder) throws {
      if let items = try? [Scalar](from: decoder) {
        self = .list(items.map(\.text))
      } else {
        self = .scalar(try Scalar(from: decoder).text)
      }
    }
  }

  /// A string, number or boolean of the config file.
  private struct Scalar: Decodable {
    var text: String

    init(from decoder: any Decoder) throws {
      let container = try decoder.singleValueContainer()
      if let flag = try? container.decode(Bool.self) {
        text = flag ? "true" : "false"
      } else if let whole = try? container.decode(Int.self) {
        text = String(whole)
      } else if let number = try? container.decode(Double.self) {
        text = String(number)
      } else {
        text = try container.decode(String.self)
      }
    }
  }

  /// The environment variable of a setting.
  public static func variable(for name: String) -> String {
    "SLUICE_" + name.uppercased().replacingOccurrences(of: "-", with: "_")
  }

  /// Every value of a repeatable setting from the highest place that has one; an
  /// environment variable holds a comma-separated list.
  public func values(_ name: String) -> (values: [String], source: Source)? {
    if let given = flags[name] { return (given, .flag(name)) }
    let variable = Self.variable(for: name)
    if let text = environment[variable], !text.isEmpty {
      return (text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }, .environment(variable))
    }
    if let listed = file[name] { return (listed, .file(name)) }
    return nil
  }

  /// The value of a single-valued setting (the last one given wins).
  public func string(_ name: String) -> (value: String, source: Source)? {
    if let given = flags[name]?.last { return (given, .flag(name)) }
    let variable = Self.variable(for: name)
    if let text = environment[variable], !text.isEmpty { return (text, .environment(variable)) }
    if let listed = file[name]?.last { return (listed, .file(name)) }
    return nil
  }

  /// An integer setting within `range`.
  public func int(_ name: String, in range: ClosedRange<Int>) throws(SettingError) -> Int? {
    guard let (text, source) = string(name) else { return nil }
    guard let value = Int(text), range.contains(value) else {
      throw SettingError("\(source): \"\(text)\" is not a whole number from \(range.lowerBound) to \(range.upperBound)")
    }
    return value
  }

  /// A boolean setting: true/false, yes/no, 1/0, on/off.
  public func bool(_ name: String) throws(SettingError) -> Bool? {
    guard let (text, source) = string(name) else { return nil }
    switch text.lowercased() {
    case "true", "yes", "1", "on": return true
    case "false", "no", "0", "off": return false
    default: throw SettingError("\(source): \"\(text)\" is not true or false")
    }
  }

  /// A duration setting such as `250ms`, `2s`, `5m` or `1h`.
  public func duration(_ name: String) throws(SettingError) -> Duration? {
    guard let (text, source) = string(name) else { return nil }
    guard let value = Self.parseDuration(text) else {
      throw SettingError("\(source): \"\(text)\" is not a duration such as 250ms, 2s, 5m or 1h")
    }
    return value
  }

  static func parseDuration(_ text: String) -> Duration? {
    let units: [(suffix: String, scale: Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)]
    for (suffix, scale) in units where text.hasSuffix(suffix) {
      guard let number = Double(text.dropLast(suffix.count)), number >= 0, number.isFinite else {
        return nil
      }
      return .milliseconds(Int64((number * scale * 1000).rounded()))
    }
    return nil
  }
}

/// A setting with a value that cannot be used, saying which flag, variable or file
/// entry to fix.
public struct SettingError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The explanation.
  public var description: String

  /// An error explained by `description`.
  public init(_ description: String) {
    self.description = description
  }
}
