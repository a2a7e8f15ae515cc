// swift-tools-version: 6.1
import PackageDescription

/// Language settings every Sluice target uses (see ../Package.swift).
let strictSettings: [SwiftSetting] = [
  .enableUpcomingFeature("ExistentialAny"),
  .enableUpcomingFeature("InternalImportsByDefault"),
  .enableUpcomingFeature("MemberImportVisibility"),
]

/// Encode/decode benchmark: Sluice's generated code against swift-protobuf's for the same
/// schema (`Schemas/bench.proto`). Run: `swift run -c release codec-bench`.
let package = Package(
  name: "SluiceBenchmarks",
  dependencies: [
    .package(name: "Sluice", path: ".."),
    .package(url: "https://github.com/apple/swift-protobuf", exact: "1.39.0"),
  ],
  targets: [
    // Sluice's code for Schemas/bench.proto, generated at build time (Schemas is a
    // symlink to ../../Schemas).
    .target(
      name: "SluiceModels",
      dependencies: [.product(name: "SluiceRuntime", package: "Sluice")],
      path: "Sources/SluiceModels",
      swiftSettings: strictSettings,
      plugins: [.plugin(name: "SluiceCodegenPlugin", package: "Sluice")]
    ),

    // swift-protobuf's code for Schemas/bench.proto, made by regenerate-swift-protobuf.sh.
    .target(
      name: "SwiftProtobufModels",
      dependencies: [.product(name: "SwiftProtobuf", package: "swift-protobuf")],
      path: "Sources/SwiftProtobufModels"
    ),

    // Counts heap allocations by replacing malloc in the benchmark executable.
    .target(
      name: "AllocCounter",
      path: "Sources/AllocCounter"
    ),

    .executableTarget(
      name: "codec-bench",
      dependencies: [
        "AllocCounter",
        "SluiceModels",
        "SwiftProtobufModels",
        .product(name: "SluiceRuntime", package: "Sluice"),
        .product(name: "SwiftProtobuf", package: "swift-protobuf"),
      ],
      path: "Sources/CodecBench",
      swiftSettings: strictSettings
    ),
  ]
)
