/// Emits a file's `<File>_ProtoFile` enum: its `FileDescriptorProto` bytes (for
/// reflection) and its message types (for the `Any` registry).
struct ProtoFileEmitter {
  let file: FileDescriptor
  let context: EmitterContext
  let descriptorBytes: [UInt8]

  func emit(into writer: inout SwiftWriter) {
    let visibility = context.visibility
    writer.line("/// Reflection data of `\(file.name)`.")
    writer.block("\(visibility)enum \(SwiftNaming.fileEnumName(file.name))") { body in
      body.line("/// `FileDescriptorProto` bytes of this file.")
      if descriptorBytes.isEmpty {
        body.line("\(visibility)static let descriptorBytes: [UInt8] = []")
      } else {
        body.block("\(visibility)static let descriptorBytes: [UInt8] =", opener: "[", closer: "]") { bytes in
          bytes.lines(Self.byteLines(descriptorBytes))
        }
      }
      body.line("")
      body.line("/// Every message type of this file, nested ones included.")
      let types = messageNames(file.messages).map { $0 + ".self" }
      body.list("\(visibility)static let messageTypes: [any ProtoMessage.Type] = [", types, "]")
    }
  }

  private func messageNames(_ messages: [MessageDescriptor]) -> [String] {
    messages.flatMap { [context.naming.typeName($0.fullName)] + messageNames($0.messages) }
  }

  /// `0x0a, 0x16, ...,` sixteen bytes per line.
  static func byteLines(_ bytes: [UInt8]) -> [String] {
    stride(from: 0, to: bytes.count, by: 16).map { start in
      bytes[start..<min(start + 16, bytes.count)].map { byte in
        "0x" + (byte < 16 ? "0" : "") + String(byte, radix: 16)
      }.joined(separator: ", ") + ","
    }
  }
}
