#!/bin/sh
# Regenerates the protoc reference output for the descriptor contract test
# (Tests/CodegenTests/Frontend/DescriptorContractTests.swift).
#
# Compiles every .proto under corpus/ with protoc (Debian's 3.21.12 was used for the
# committed files) into one FileDescriptorSet, imports included, and writes:
#   descriptor_set.pb   the bytes the test compares DescriptorEncoder's output with
#   descriptor_set.txt  the same set in text form, for reviewing changes
# Usage: Tests/CodegenTests/Fixtures/FrontendInputs/regenerate.sh  (from anywhere)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
cd "$here/corpus"
files=$(find . -name '*.proto' | sed 's|^\./||' | LC_ALL=C sort)
protoc --version
# shellcheck disable=SC2086
protoc -I. --include_imports --descriptor_set_out="$here/descriptor_set.pb" $files
include=$(dirname "$(dirname "$(command -v protoc)")")/include
protoc -I"$include" --decode=google.protobuf.FileDescriptorSet google/protobuf/descriptor.proto \
  < "$here/descriptor_set.pb" > "$here/descriptor_set.txt"
echo "wrote $here/descriptor_set.pb and descriptor_set.txt"
