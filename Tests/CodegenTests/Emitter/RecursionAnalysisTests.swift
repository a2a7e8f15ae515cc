import Testing
@testable import SluiceCodegen

private typealias B = SchemaBuilder

@Suite("Recursion analysis")
struct RecursionAnalysisTests {
  private func analysis(_ messages: [MessageDescriptor]) -> RecursionAnalysis {
    RecursionAnalysis(set: B.set(B.file("r.proto", package: "r", messages: messages)))
  }

  @Test func selfReferenceIsBoxedButRepeatedAndMapsAreNot() {
    let parent = B.field("parent", 1, .message("r.Node"))
    let children = B.field("children", 2, .message("r.Node"), label: .repeated)
    let index = B.field("index", 3, .map(key: .string, value: .message("r.Node")), label: .repeated)
    let optional = B.field("previous", 4, .message("r.Node"), label: .optional, oneof: 0)
    let node = B.message("r.Node", fields: [parent, children, index, optional])
    let result = analysis([node])
    #expect(result.needsBox(parent, in: "r.Node"))
    #expect(!result.needsBox(children, in: "r.Node"))
    #expect(!result.needsBox(index, in: "r.Node"))
    #expect(result.needsBox(optional, in: "r.Node"))
  }

  @Test func mutualRecursionThroughOneofsAndNesting() {
    let toB = B.field("b", 1, .message("r.A.B"))
    let toA = B.field("a", 1, .message("r.A"), oneof: 0)
    let inner = B.message("r.A.B", fields: [toA], oneofs: [B.oneof("x", [1])])
    let a = B.message("r.A", fields: [toB], messages: [inner])
    let intoCycle = B.field("a", 1, .message("r.A"))
    let outside = B.message("r.Outside", fields: [intoCycle])
    let result = analysis([a, outside])
    #expect(result.needsBox(toB, in: "r.A"))
    #expect(result.needsBox(toA, in: "r.A.B"))
    #expect(!result.needsBox(intoCycle, in: "r.Outside"))
  }

  @Test func acyclicChainsAreNotBoxed() {
    let toB = B.field("b", 1, .message("r.B"))
    let toC = B.field("c", 1, .message("r.C"))
    let result = analysis([B.message("r.A", fields: [toB]), B.message("r.B", fields: [toC]), B.message("r.C")])
    #expect(!result.needsBox(toB, in: "r.A"))
    #expect(!result.needsBox(toC, in: "r.B"))
  }
}
