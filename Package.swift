// swift-tools-version: 6.1
import PackageDescription

/// Language settings every Sluice target uses: Swift 6 mode plus the upcoming
/// features grpc-swift-2 adopts, so imports and existentials are explicit.
let strictSettings: [SwiftSetting] = [
  .enableUpcomingFeature("ExistentialAny"),
  .enableUpcomingFeature("InternalImportsByDefault"),
  .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
  name: "Sluice",
  products: [
    .library(name: "SluiceRuntime", targets: ["SluiceRuntime"]),
    .library(name: "SluiceCodegen", targets: ["SluiceCodegen"]),
    .executable(name: "sluice-codegen", targets: ["sluice-codegen"]),
    .plugin(name: "SluiceCodegenPlugin", targets: ["SluiceCodegenPlugin"]),
    .library(name: "SluiceServer", targets: ["SluiceServer"]),
    .library(name: "SluiceClient", targets: ["SluiceClient"]),
    .library(name: "SluiceTransport", targets: ["SluiceTransport"]),
    .library(name: "SluiceStandardServices", targets: ["SluiceStandardServices"]),
    .library(name: "SluiceGenerated", targets: ["SluiceGenerated"]),
    .library(name: "SluiceMariaDB", targets: ["SluiceMariaDB"]),
    .library(name: "SluiceKafka", targets: ["SluiceKafka"]),
    .library(name: "SluiceIngest", targets: ["SluiceIngest"]),
    .executable(name: "sluice-interop-server", targets: ["sluice-interop-server"]),
    .executable(name: "sluice", targets: ["sluice"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
    .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
  ],
  targets: [
    // MARK: Runtime shared by generated code, server and client.
    .target(
      name: "SluiceRuntime",
      path: "Sources/Runtime",
      swiftSettings: strictSettings
    ),

    // MARK: Schema compiler.
    .target(
      name: "SluiceCodegen",
      path: "Sources/Codegen/Compiler",
      swiftSettings: strictSettings
    ),
    .executableTarget(
      name: "sluice-codegen",
      dependencies: [
        "SluiceCodegen",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      path: "Sources/Codegen/CLI",
      swiftSettings: strictSettings
    ),
    .plugin(
      name: "SluiceCodegenPlugin",
      capability: .buildTool(),
      dependencies: ["sluice-codegen"],
      path: "Plugins/SluiceCodegenPlugin"
    ),

    // MARK: Sluice's own API, generated from Schemas/ by the plugin.
    .target(
      name: "SluiceGenerated",
      dependencies: ["SluiceRuntime"],
      path: "Sources/Generated",
      swiftSettings: strictSettings,
      plugins: ["SluiceCodegenPlugin"]
    ),

    // MARK: HTTP/2 engine (nghttp2), compression and TLS (OpenSSL), shared by server and client.
    .target(
      name: "SluiceTransport",
      dependencies: [
        "SluiceRuntime", "CNGHTTP2", "CZlib", "COpenSSL",
        .product(name: "NIOCore", package: "swift-nio"),
      ],
      path: "Sources/Transport",
      swiftSettings: strictSettings
    ),

    // MARK: The server: gRPC and Connect over HTTP/2 and HTTP/1.1 on SwiftNIO event loops.
    .target(
      name: "SluiceServer",
      dependencies: [
        "SluiceRuntime", "SluiceTransport",
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
      ],
      path: "Sources/Server/RPCServer",
      swiftSettings: strictSettings
    ),
    // MARK: The client library: channels over nghttp2 client sessions, and their policies.
    .target(
      name: "SluiceClient",
      dependencies: [
        "SluiceRuntime", "SluiceTransport",
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
      ],
      path: "Sources/Client",
      swiftSettings: strictSettings
    ),

    // MARK: Standard services: gRPC health checking and server reflection.
    .target(
      name: "SluiceStandardServices",
      dependencies: ["SluiceRuntime", "SluiceGenerated"],
      path: "Sources/Server/StandardServices",
      swiftSettings: strictSettings
    ),
    .executableTarget(
      name: "sluice-interop-server",
      dependencies: [
        "SluiceServer", "SluiceRuntime", "SluiceTransport", "SluiceGenerated",
        "SluiceStandardServices", "SluiceObservability",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      path: "Sources/InteropServer",
      swiftSettings: strictSettings
    ),

    // MARK: MariaDB: connections, writer and read pools, migrations, the embedded server.
    .target(
      name: "SluiceMariaDB",
      dependencies: ["CMariaDB"],
      path: "Sources/Server/MariaDB",
      swiftSettings: strictSettings
    ),

    // MARK: Kafka producer (librdkafka): one per process; delivery reports resume the calls.
    .target(
      name: "SluiceKafka",
      dependencies: ["CRdKafka"],
      path: "Sources/Server/Kafka",
      swiftSettings: strictSettings
    ),

    // MARK: Metrics: RPC metrics interceptor and the Prometheus exposition.
    .target(
      name: "SluiceObservability",
      dependencies: [
        "SluiceRuntime",
        .product(name: "CoreMetrics", package: "swift-metrics"),
        .product(name: "Prometheus", package: "swift-prometheus"),
      ],
      path: "Sources/Server/Observability",
      swiftSettings: strictSettings
    ),

    // MARK: The ingestion and query service.
    .target(
      name: "SluiceIngest",
      dependencies: [
        "SluiceRuntime", "SluiceGenerated", "SluiceObservability", "SluiceMariaDB", "SluiceKafka",
        .product(name: "CoreMetrics", package: "swift-metrics"),
      ],
      path: "Sources/Server/Ingest",
      swiftSettings: strictSettings
    ),

    // MARK: The assembled service `sluice serve` runs.
    .target(
      name: "SluiceApp",
      dependencies: [
        "SluiceIngest", "SluiceServer", "SluiceStandardServices", "SluiceObservability",
        "SluiceMariaDB", "SluiceKafka", "SluiceRuntime", "SluiceGenerated",
      ],
      path: "Sources/Server/App",
      swiftSettings: strictSettings
    ),

    // MARK: The `sluice` command-line tool.
    .executableTarget(
      name: "sluice",
      dependencies: [
        "SluiceApp", "SluiceCommandSupport", "SluiceIngest", "SluiceServer", "SluiceTransport",
        "SluiceClient", "SluiceGenerated", "SluiceRuntime",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      path: "Sources/CLI/Command",
      swiftSettings: strictSettings
    ),

    // MARK: The `sluice` command-line tool's logic (input formats, progress, summaries).
    .target(
      name: "SluiceCommandSupport",
      dependencies: ["SluiceRuntime", "SluiceGenerated"],
      path: "Sources/CLI/Support",
      swiftSettings: strictSettings
    ),

    // MARK: System C libraries, one small target each.
    .systemLibrary(name: "CNGHTTP2", path: "Sources/System/CNGHTTP2", pkgConfig: "libnghttp2",
                   providers: [.apt(["libnghttp2-dev"])]),
    .systemLibrary(name: "CZlib", path: "Sources/System/CZlib", pkgConfig: "zlib",
                   providers: [.apt(["zlib1g-dev"])]),
    .systemLibrary(name: "COpenSSL", path: "Sources/System/COpenSSL", pkgConfig: "openssl",
                   providers: [.apt(["libssl-dev"])]),
    .systemLibrary(name: "CMariaDB", path: "Sources/System/CMariaDB", pkgConfig: "libmariadb",
                   providers: [.apt(["libmariadb-dev"])]),
    .systemLibrary(name: "CRdKafka", path: "Sources/System/CRdKafka", pkgConfig: "rdkafka",
                   providers: [.apt(["librdkafka-dev"])]),

    // MARK: Tests.
    /// Counts heap allocations per thread (interposes malloc in test executables), for
    /// allocation regression tests.
    .target(name: "CAllocationCounter", path: "Tests/TestSupport/CAllocationCounter"),
    /// Test helpers shared by test targets: certificates made at test time, the shared and
    /// private MariaDB servers, a private tansu broker, child processes, an in-memory event
    /// store.
    .target(
      name: "SluiceTestSupport",
      dependencies: [
        "SluiceTransport", "SluiceMariaDB", "SluiceKafka", "SluiceIngest", "SluiceGenerated",
        "SluiceRuntime",
      ],
      path: "Tests/TestSupport/SluiceTestSupport",
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "RuntimeTests",
      dependencies: ["SluiceRuntime"],
      path: "Tests/RuntimeTests",
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "ContractTests",
      dependencies: ["SluiceRuntime"],
      path: "Tests/ContractTests",
      exclude: ["Fixtures"],
      swiftSettings: strictSettings,
      plugins: ["SluiceCodegenPlugin"]
    ),
    .testTarget(
      name: "TransportTests",
      dependencies: [
        "SluiceTransport", "SluiceRuntime", "CNGHTTP2", "COpenSSL", "CAllocationCounter",
        "SluiceTestSupport",
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOEmbedded", package: "swift-nio"),
      ],
      path: "Tests/TransportTests",
      exclude: ["Fixtures"],
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "ServerTests",
      dependencies: [
        "SluiceServer", "SluiceRuntime", "SluiceTransport", "SluiceGenerated",
        "SluiceStandardServices", "sluice-interop-server", "SluiceTestSupport",
        "CAllocationCounter", .product(name: "NIOPosix", package: "swift-nio"),
      ],
      path: "Tests/ServerTests",
      exclude: ["Fixtures"],
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "StandardServicesTests",
      dependencies: ["SluiceStandardServices", "SluiceGenerated", "SluiceRuntime"],
      path: "Tests/StandardServicesTests",
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "ObservabilityTests",
      dependencies: ["SluiceObservability", "SluiceRuntime"],
      path: "Tests/ObservabilityTests",
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "CommandSupportTests",
      dependencies: ["SluiceCommandSupport", "SluiceGenerated", "SluiceRuntime"],
      path: "Tests/CommandSupportTests",
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "ClientTests",
      dependencies: [
        "SluiceClient", "SluiceRuntime", "SluiceTransport", "SluiceGenerated", "SluiceServer",
        "sluice-interop-server", "SluiceTestSupport", "CAllocationCounter",
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
      ],
      path: "Tests/ClientTests",
      exclude: ["Fixtures"],
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "MariaDBTests",
      dependencies: ["SluiceMariaDB", "SluiceTestSupport"],
      path: "Tests/MariaDBTests",
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "ServiceTests",
      dependencies: [
        "SluiceIngest", "SluiceGenerated", "SluiceRuntime", "SluiceMariaDB", "SluiceTestSupport",
        "SluiceApp", "SluiceClient", "SluiceKafka", "SluiceServer", "SluiceObservability", "sluice",
      ],
      path: "Tests/ServiceTests",
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "KafkaTests",
      dependencies: ["SluiceKafka", "SluiceTestSupport"],
      path: "Tests/KafkaTests",
      exclude: ["Fixtures"],
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "CLITests",
      dependencies: [
        "sluice", "SluiceIngest", "SluiceServer", "SluiceGenerated", "SluiceRuntime",
        "SluiceTransport", "SluiceTestSupport",
      ],
      path: "Tests/CLITests",
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "IngestTests",
      dependencies: [
        "SluiceIngest", "SluiceGenerated", "SluiceObservability", "SluiceKafka", "SluiceTestSupport",
      ],
      path: "Tests/IngestTests",
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "SystemLibraryTests",
      dependencies: ["CNGHTTP2", "COpenSSL", "CMariaDB", "CRdKafka"],
      path: "Tests/SystemLibraryTests",
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "CodegenTests",
      dependencies: ["SluiceCodegen"],
      path: "Tests/CodegenTests",
      exclude: ["Fixtures"],
      swiftSettings: strictSettings
    ),
  ]
)
