extension DescriptorEncoder {
  /// `ServiceDescriptorProto`: name 1, method 2, options 3; `MethodDescriptorProto`:
  /// name 1, input_type 2, output_type 3, options 4, client_streaming 5 and
  /// server_streaming 6 (only when true, as protoc's parser sets them). An rpc written
  /// with a body always has options, as protoc's parser creates them for the body.
  static func encode(_ service: ServiceDescriptor, into writer: inout DescriptorWriter) {
    writer.writeString(1, service.name)
    for method in service.methods {
      writer.writeMessage(2) { body in
        body.writeString(1, method.name)
        body.writeString(2, "." + method.inputType)
        body.writeString(3, "." + method.outputType)
        writeOptions(method.options, scope: .method, field: 4, into: &body, always: method.hasBody)
        if method.clientStreaming { body.writeBool(5, true) }
        if method.serverStreaming { body.writeBool(6, true) }
      }
    }
    writeOptions(service.options, scope: .service, field: 3, into: &writer)
  }
}
