import SluiceCodegen
import Testing

/// The runtime declares the `_ProtoFile` enums of the well-known-type files it provides;
/// its source file must be what `RuntimeDescriptorsEmitter` renders from the bundled
/// schemas (re-bless with `SLUICE_BLESS=1 swift test --filter RuntimeDescriptorsTests`).
@Suite struct RuntimeDescriptorsTests {
  @Test func runtimeWellKnownDescriptorsAreCurrent() throws {
    let source = try RuntimeDescriptorsEmitter.render()
    #expect(source.contains("public enum Google_Protobuf_Timestamp_ProtoFile"))
    Golden.check(
      source, golden: "../../../Sources/Runtime/WellKnownTypes/WellKnownTypes+Descriptors.swift")
  }
}
