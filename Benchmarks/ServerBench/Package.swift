// swift-tools-version: 6.1
// The server benchmark's comparison server: a grpc-swift-2 unary echo for h2load (see run.sh).
// Its own package so the main build never resolves grpc-swift-2. Sources/GRPCSwiftEchoServer/
// messages.pb.swift comes from Schemas/grpc/testing/messages.proto:
//   protoc -I Schemas --plugin=protoc-gen-swift=<swift-protobuf 1.39.0 protoc-gen-swift> \
//     --swift_out=OUT --swift_opt=Visibility=Internal grpc/testing/messages.proto
import PackageDescription

let package = Package(
    name: "ServerBench",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(url: "https://github.com/grpc/grpc-swift-2", from: "2.4.3"),
        .package(url: "https://github.com/grpc/grpc-swift-nio-transport", from: "2.9.2"),
        .package(url: "https://github.com/grpc/grpc-swift-protobuf", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-protobuf", from: "1.39.0"),
    ],
    targets: [
        .executableTarget(
            name: "GRPCSwiftEchoServer",
            dependencies: [
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
                .product(name: "GRPCProtobuf", package: "grpc-swift-protobuf"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ]
        ),
    ]
)
