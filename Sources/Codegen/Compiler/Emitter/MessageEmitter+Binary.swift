/// The binary coding methods of a message.
extension MessageEmitter {
  func emitSerializedSize(into writer: inout SwiftWriter) {
    writer.block("\(context.visibility)func serializedSize() -> Int") { body in
      guard !items.isEmpty else {
        body.line("self.unknownFields.byteCount")
        return
      }
      body.line("var size = 0")
      var sizedOneofs: Set<Int> = []
      for item in items {
        switch item {
        case .field(let emitter):
          emitter.emitSize(into: &body)
        case .oneofMember(let oneof, _):
          if sizedOneofs.insert(oneof).inserted { oneofs[oneof].emitSize(into: &body) }
        }
      }
      body.line("size += self.unknownFields.byteCount")
      body.line("return size")
    }
  }

  func emitEncode(into writer: inout SwiftWriter) {
    writer.block("\(context.visibility)func encode(to writer: inout ProtoWriter)") { body in
      for group in numberOrderGroups {
        if let oneof = group.oneof {
          oneofs[oneof].emitEncode(group: group.items.compactMap(\.oneofMember), into: &body)
        } else if case .field(let emitter) = group.items[0] {
          emitter.emitEncode(into: &body)
        }
      }
      body.line("writer.writeUnknownFields(self.unknownFields)")
    }
  }

  func emitDecode(into writer: inout SwiftWriter) {
    let signature = "mutating func decodeMerging(from reader: inout ProtoReader) throws(ProtoDecodingError)"
    writer.block(context.visibility + signature) { body in
      body.block("while let tag = try reader.readTag()") { loop in
        guard !items.isEmpty else {
          loop.line("try reader.skipField(tag: tag, into: &self.unknownFields)")
          return
        }
        loop.line("switch tag {")
        for item in items {
          switch item {
          case .field(let emitter): emitter.emitDecodeCases(into: &loop)
          case .oneofMember(let oneof, let member): oneofs[oneof].emitDecodeCase(member, into: &loop)
          }
        }
        loop.line("default:")
        loop.indented { fallback in
          fallback.line("switch tag >> 3 {")
          let numbers = Self.caseList(items.map(\.number))
          fallback.line("case \(numbers): throw ProtoDecodingError.wireTypeMismatch(fieldNumber: Int32(tag >> 3))")
          fallback.line("default: try reader.skipField(tag: tag, into: &self.unknownFields)")
          fallback.line("}")
        }
        loop.line("}")
      }
    }
  }

  /// Sorted numbers as a `case` pattern list, runs of three or more as closed ranges:
  /// `1...4, 7, 9`.
  static func caseList(_ numbers: [Int32]) -> String {
    var parts: [String] = []
    var index = 0
    let sorted = numbers.sorted()
    while index < sorted.count {
      var end = index
      while end + 1 < sorted.count, sorted[end + 1] == sorted[end] + 1 { end += 1 }
      if end - index >= 2 {
        parts.append("\(sorted[index])...\(sorted[end])")
      } else {
        parts.append(contentsOf: sorted[index...end].map(String.init))
      }
      index = end + 1
    }
    return parts.joined(separator: ", ")
  }
}

extension MessageEmitter.Item {
  /// The member, for oneof members.
  var oneofMember: FieldContext? {
    if case .oneofMember(_, let member) = self { return member }
    return nil
  }
}
