/// The proto3 JSON coding methods of a message.
extension MessageEmitter {
  func emitEncodeJSON(into writer: inout SwiftWriter) {
    writer.block("\(context.visibility)func encodeJSON(to writer: inout JSONWriter)") { body in
      body.line("writer.beginObject()")
      for group in numberOrderGroups {
        if let oneof = group.oneof {
          oneofs[oneof].emitJSONEncode(group: group.items.compactMap(\.oneofMember), into: &body)
        } else if case .field(let emitter) = group.items[0] {
          emitter.emitJSONEncode(into: &body)
        }
      }
      body.line("writer.endObject()")
    }
  }

  func emitDecodeJSON(into writer: inout SwiftWriter) {
    let signature =
      "mutating func decodeJSONMerging(from reader: inout JSONReader) throws(JSONDecodingError)"
    writer.block(context.visibility + signature) { body in
      body.line("try reader.beginObject()")
      for oneof in oneofs { body.line("var \(oneof.jsonSeenFlag) = false") }
      body.block("while let key = try reader.nextKey()") { loop in
        guard !items.isEmpty else {
          loop.line("try reader.skipUnknownField(key)")
          return
        }
        loop.line("switch key {")
        for item in items {
          switch item {
          case .field(let emitter): emitter.emitJSONDecodeCase(into: &loop)
          case .oneofMember(let oneof, let member): oneofs[oneof].emitJSONDecodeCase(member, into: &loop)
          }
        }
        loop.line("default: try reader.skipUnknownField(key)")
        loop.line("}")
      }
    }
  }
}
