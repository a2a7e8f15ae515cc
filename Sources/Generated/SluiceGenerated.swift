// The Swift types of Sluice's own API. `SluiceCodegenPlugin` generates them on every
// build from the schema files under `Schemas/` (reached through the `Schemas` link in
// this folder, so adding, editing or removing a schema regenerates on the next build).
// Nothing generated is committed.

@_exported public import SluiceRuntime
