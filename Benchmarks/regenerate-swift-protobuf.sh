#!/usr/bin/env bash
# Regenerates Sources/SwiftProtobufModels/bench.pb.swift from Schemas/bench.proto with
# swift-protobuf 1.39.0's protoc-gen-swift and protoc (Debian's protobuf-compiler,
# 3.21.12, which also ships google/protobuf/timestamp.proto under /usr/include).
# The output is committed, so the benchmark build never runs protoc.
#
#   apt-get install -y protobuf-compiler
#   Benchmarks/regenerate-swift-protobuf.sh
#
# SWIFT_PROTOBUF_DIR may point at an existing swift-protobuf checkout; otherwise the
# 1.39.0 tag is cloned into Benchmarks/.build-protoc-gen-swift (gitignored).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
version=1.39.0
src="${SWIFT_PROTOBUF_DIR:-$here/.build-protoc-gen-swift/swift-protobuf}"

if [ ! -d "$src/.git" ]; then
  git clone --quiet https://github.com/apple/swift-protobuf "$src"
fi
git -C "$src" checkout --quiet "$version"
(cd "$src" && swift build -c release --product protoc-gen-swift)
plugin="$src/.build/release/protoc-gen-swift"
"$plugin" --version

protoc --version
protoc \
  --plugin=protoc-gen-swift="$plugin" \
  --proto_path="$here/Schemas" \
  --proto_path=/usr/include \
  --swift_opt=Visibility=Public \
  --swift_out="$here/Sources/SwiftProtobufModels" \
  bench.proto
echo "wrote $here/Sources/SwiftProtobufModels/bench.pb.swift"
