// swift-tools-version: 6.1
// The client benchmark: Sluice's ClientChannel against grpc-swift-2's GRPCClient (on
// grpc-swift-nio-transport's HTTP2ClientTransport.Posix), both calling one Sluice interop
// server. Its own package so the main build never resolves grpc-swift-2. Run: run.sh.
//
// Sluice's messages and client come from Schemas/grpc/testing through Sluice's build
// plugin; grpc-swift-2's messages are ServerBench's messages.pb.swift (protoc-gen-swift
// 1.39.0 output, see ../ServerBench/Package.swift), linked, not copied.
import PackageDescription

/// Language settings every Sluice target uses (see ../../Package.swift).
let strictSettings: [SwiftSetting] = [
  .enableUpcomingFeature("ExistentialAny"),
  .enableUpcomingFeature("InternalImportsByDefault"),
  .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
  name: "ClientBench",
  platforms: [.macOS(.v15)],
  dependencies: [
    .package(name: "Sluice", path: "../.."),
    .package(url: "https://github.com/grpc/grpc-swift-2", from: "2.4.3"),
    .package(url: "https://github.com/grpc/grpc-swift-nio-transport", from: "2.9.2"),
    .package(url: "https://github.com/grpc/grpc-swift-protobuf", from: "2.4.1"),
    .package(url: "https://github.com/apple/swift-protobuf", from: "1.39.0"),
  ],
  targets: [
    // Counts the process's heap allocations (replaces malloc in the executable).
    .target(name: "CBenchAllocations", path: "Sources/CBenchAllocations"),
    // The load loop, latency histogram and CPU time, shared by both clients.
    .target(
      name: "BenchSupport", dependencies: ["CBenchAllocations"], path: "Sources/BenchSupport",
      swiftSettings: strictSettings),
    .target(
      name: "SluiceBenchClient",
      dependencies: [
        "BenchSupport",
        .product(name: "SluiceClient", package: "Sluice"),
        .product(name: "SluiceRuntime", package: "Sluice"),
      ],
      path: "Sources/SluiceBenchClient",
      swiftSettings: strictSettings,
      plugins: [.plugin(name: "SluiceCodegenPlugin", package: "Sluice")]
    ),
    .target(
      name: "GRPCSwiftBenchClient",
      dependencies: [
        "BenchSupport",
        .product(name: "GRPCCore", package: "grpc-swift-2"),
        .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
        .product(name: "GRPCProtobuf", package: "grpc-swift-protobuf"),
        .product(name: "SwiftProtobuf", package: "swift-protobuf"),
      ],
      path: "Sources/GRPCSwiftBenchClient"
    ),
    .executableTarget(
      name: "client-bench",
      dependencies: ["BenchSupport", "SluiceBenchClient", "GRPCSwiftBenchClient"],
      path: "Sources/client-bench",
      swiftSettings: strictSettings
    ),
  ]
)
