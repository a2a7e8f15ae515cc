import SluiceRuntime
import Testing

@Suite struct ProtoIndirectTests {
  @Test func copiesAreIndependent() {
    var a = Sluice_Test_Event()
    a.parent = Sluice_Test_Event()
    a.parent?.id = "first"
    var b = a
    b.parent?.id = "second"
    #expect(a.parent?.id == "first")
    #expect(b.parent?.id == "second")
    #expect(a != b)
    b.parent?.id = "first"
    #expect(a == b)
    #expect(a.hashValue == b.hashValue)
    b.parent = nil
    #expect(b.parent == nil)
  }

  @Test func deepSelfNesting() throws {
    var e = Sluice_Test_Event()
    for i in 0..<50 {
      var outer = Sluice_Test_Event()
      outer.id = "level \(i)"
      outer.parent = e
      e = outer
    }
    let back = try Sluice_Test_Event(serializedBytes: e.serializedBytes())
    #expect(back == e)
    #expect(back.parent?.parent?.id == "level 47")
  }

  @Test func enumConformance() {
    #expect(Sluice_Test_Kind() == .unspecified)
    #expect(Sluice_Test_Kind(rawValue: 2) == .view)
    #expect(Sluice_Test_Kind(protoName: "KIND_VIEW") == .view)
    #expect(Sluice_Test_Kind.unrecognized(5).protoName == nil)
    #expect(Sluice_Test_Kind.knownCases.count == 3)
  }
}
