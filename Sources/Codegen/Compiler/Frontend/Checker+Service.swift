extension Checker {
  /// Checks a service and resolves its methods' message types.
  mutating func buildService(_ node: ServiceNode, context: FileContext) -> ServiceDescriptor {
    let fullName = Checker.qualify(node.name, in: context.package)
    let options = checkOptions(node.options, scope: .service)
    var methods: [MethodDescriptor] = []
    for method in node.methods {
      let methodOptions = checkOptions(method.options, scope: .method)
      let input = resolveMessageType(
        method.input.typeName, at: method.input.location, scope: fullName, context: context)
      let output = resolveMessageType(
        method.output.typeName, at: method.output.location, scope: fullName, context: context)
      let level: IdempotencyLevel
      switch methodOptions.identifier("idempotency_level") {
      case "NO_SIDE_EFFECTS": level = .noSideEffects
      case "IDEMPOTENT": level = .idempotent
      default: level = .unknown
      }
      methods.append(
        MethodDescriptor(
          name: method.name, inputType: input ?? method.input.typeName,
          outputType: output ?? method.output.typeName, clientStreaming: method.input.streaming,
          serverStreaming: method.output.streaming, idempotencyLevel: level,
          isDeprecated: methodOptions.bool("deprecated") ?? false, options: method.options,
          hasBody: method.hasBody, comments: method.comments, location: method.location))
    }
    return ServiceDescriptor(
      name: node.name, fullName: fullName, methods: methods,
      isDeprecated: options.bool("deprecated") ?? false, options: node.options,
      comments: node.comments, location: node.location)
  }
}
