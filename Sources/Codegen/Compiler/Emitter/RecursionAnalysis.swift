/// Decides which singular message fields need a box so that generated structs have a
/// finite size.
///
/// A struct stores singular message fields (plain, `optional` and oneof members) inline,
/// so messages that reach themselves through such fields would be infinitely large.
/// The graph's nodes are messages and its edges those fields; every field whose both ends
/// lie in one strongly connected component closes a cycle and is boxed
/// (`@ProtoIndirect` property, or `indirect` oneof case). Repeated and map fields live in
/// heap buffers and are not edges.
struct RecursionAnalysis {
  /// Message full name → index of its strongly connected component.
  private var component: [String: Int] = [:]

  /// Analyzes every message of the set.
  init(set: SchemaSet) {
    var edges: [String: [String]] = [:]
    var order: [String] = []
    func collect(_ message: MessageDescriptor) {
      order.append(message.fullName)
      edges[message.fullName] = message.fields.compactMap(Self.inlineTarget)
      for nested in message.messages { collect(nested) }
    }
    for file in set.files {
      for message in file.messages { collect(message) }
    }
    component = Self.stronglyConnectedComponents(nodes: order, edges: edges)
  }

  /// Whether `field` of the message `owner` must be boxed.
  func needsBox(_ field: FieldDescriptor, in owner: String) -> Bool {
    guard let target = Self.inlineTarget(field), let ownerComponent = component[owner] else {
      return false
    }
    return component[target] == ownerComponent
  }

  /// The message a field stores inline, if any.
  private static func inlineTarget(_ field: FieldDescriptor) -> String? {
    guard field.label != .repeated, case .message(let target) = field.type else { return nil }
    return target
  }

  /// Tarjan's algorithm, iterative: node → component index. Deterministic for a given
  /// node order.
  private static func stronglyConnectedComponents(
    nodes: [String], edges: [String: [String]]
  ) -> [String: Int] {
    var index: [String: Int] = [:]
    var lowLink: [String: Int] = [:]
    var onStack: Set<String> = []
    var stack: [String] = []
    var result: [String: Int] = [:]
    var nextIndex = 0
    var componentCount = 0

    for root in nodes where index[root] == nil {
      // Each frame: the node and how many of its successors were visited.
      var frames: [(node: String, next: Int)] = [(root, 0)]
      index[root] = nextIndex
      lowLink[root] = nextIndex
      nextIndex += 1
      stack.append(root)
      onStack.insert(root)
      while let frame = frames.last {
        let successors = edges[frame.node] ?? []
        if frame.next < successors.count {
          frames[frames.count - 1].next += 1
          let successor = successors[frame.next]
          guard edges[successor] != nil else { continue }  // not generated here
          if index[successor] == nil {
            index[successor] = nextIndex
            lowLink[successor] = nextIndex
            nextIndex += 1
            stack.append(successor)
            onStack.insert(successor)
            frames.append((successor, 0))
          } else if onStack.contains(successor) {
            lowLink[frame.node] = min(lowLink[frame.node]!, index[successor]!)
          }
          continue
        }
        frames.removeLast()
        if let parent = frames.last {
          lowLink[parent.node] = min(lowLink[parent.node]!, lowLink[frame.node]!)
        }
        if lowLink[frame.node] == index[frame.node] {
          while let member = stack.popLast() {
            onStack.remove(member)
            result[member] = componentCount
            if member == frame.node { break }
          }
          componentCount += 1
        }
      }
    }
    return result
  }
}
