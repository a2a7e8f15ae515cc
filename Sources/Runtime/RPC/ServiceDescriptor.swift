/// Everything static about one service: its name, its methods and the schema it comes
/// from, for routing and for the reflection service.
public struct ServiceDescriptor: Sendable, Hashable {
  /// The service's fully qualified name, such as `sluice.v1.IngestService`.
  public var fullName: String
  /// The service's methods, in schema order.
  public var methods: [MethodDescriptor]
  /// Serialized `google.protobuf.FileDescriptorProto`s: first the file that declares the
  /// service, then every file it imports, directly or not, each after its own imports.
  public var fileDescriptorProtos: [[UInt8]]

  /// Creates a descriptor.
  public init(fullName: String, methods: [MethodDescriptor], fileDescriptorProtos: [[UInt8]] = []) {
    self.fullName = fullName
    self.methods = methods
    self.fileDescriptorProtos = fileDescriptorProtos
  }

  /// The service's package: the full name up to its last `.` (empty when none).
  public var package: String {
    guard let dot = fullName.lastIndex(of: ".") else { return "" }
    return String(fullName[..<dot])
  }

  /// The service's own name: the full name after its last `.`.
  public var name: String {
    guard let dot = fullName.lastIndex(of: ".") else { return fullName }
    return String(fullName[fullName.index(after: dot)...])
  }
}
