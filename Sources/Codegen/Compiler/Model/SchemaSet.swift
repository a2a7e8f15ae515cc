/// Every file of a compilation, checked, with the files they import (transitively),
/// so generators can look up any referenced type.
public struct SchemaSet: Sendable {
  /// Files in dependency order: every file comes after the files it imports.
  public var files: [FileDescriptor]
  /// Names of the files the user asked to compile (others were only imported).
  public var requestedFiles: [String]

  private var messagesByName: [String: MessageDescriptor] = [:]
  private var enumsByName: [String: EnumDescriptor] = [:]
  private var fileByTypeName: [String: String] = [:]

  /// Creates a set and indexes every message and enum by full name.
  public init(files: [FileDescriptor], requestedFiles: [String]) {
    self.files = files
    self.requestedFiles = requestedFiles
    for file in files {
      for message in file.messages { index(message, file: file.name) }
      for e in file.enums {
        enumsByName[e.fullName] = e
        fileByTypeName[e.fullName] = file.name
      }
    }
  }

  private mutating func index(_ message: MessageDescriptor, file: String) {
    messagesByName[message.fullName] = message
    fileByTypeName[message.fullName] = file
    for nested in message.messages { index(nested, file: file) }
    for e in message.enums {
      enumsByName[e.fullName] = e
      fileByTypeName[e.fullName] = file
    }
  }

  /// The file with this name.
  public func file(named name: String) -> FileDescriptor? { files.first { $0.name == name } }

  /// The message with this full name (no leading dot).
  public func message(named fullName: String) -> MessageDescriptor? { messagesByName[fullName] }

  /// The enum with this full name (no leading dot).
  public func enumeration(named fullName: String) -> EnumDescriptor? { enumsByName[fullName] }

  /// The name of the file that declares a message or enum.
  public func fileName(declaring fullName: String) -> String? { fileByTypeName[fullName] }
}
