/// A database URL that ``MariaDBConfiguration/init(url:)`` could not read.
public struct MariaDBURLError: Error, Hashable, CustomStringConvertible {
  /// What is wrong with the URL.
  public var message: String

  /// `invalid MariaDB URL: <message>`.
  public var description: String { "invalid MariaDB URL: \(message)" }
}
