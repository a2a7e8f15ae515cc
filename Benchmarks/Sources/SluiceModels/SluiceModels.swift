// SluiceCodegenPlugin generates this module's types from Schemas/bench.proto (a symlink
// to Benchmarks/Schemas) at build time, public as sluice-codegen.json asks. SwiftPM runs
// a target's build plugins only when the target has a Swift file of its own: this one.
