// swift-tools-version: 6.1
// The end-to-end ingest benchmark (issue 5): `ingest-bench` drives a `sluice serve` process
// with generated Sluice clients, and beside it runs the ceiling, the same events written
// straight to the same MariaDB and broker with Sluice's own writer pool and Kafka producer.
// Its own package so the main build stays small. Run it with run.sh (release builds of
// `sluice` and of this package).
import PackageDescription

/// Language settings every Sluice target uses (see ../../Package.swift).
let strictSettings: [SwiftSetting] = [
  .enableUpcomingFeature("ExistentialAny"),
  .enableUpcomingFeature("InternalImportsByDefault"),
  .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
  name: "IngestBench",
  platforms: [.macOS(.v15)],
  dependencies: [
    .package(name: "Sluice", path: "../.."),
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
  ],
  targets: [
    .executableTarget(
      name: "ingest-bench",
      dependencies: [
        .product(name: "SluiceIngest", package: "Sluice"),
        .product(name: "SluiceGenerated", package: "Sluice"),
        .product(name: "SluiceMariaDB", package: "Sluice"),
        .product(name: "SluiceKafka", package: "Sluice"),
        .product(name: "SluiceClient", package: "Sluice"),
        .product(name: "SluiceRuntime", package: "Sluice"),
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      path: "Sources/IngestBench",
      swiftSettings: strictSettings
    )
  ]
)
