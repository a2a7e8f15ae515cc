#!/usr/bin/env bash
# THE test command: installs dependencies, builds everything including tests, runs
# every test. Exits non-zero on any failure.
#
# Environment:
#   SLUICE_SKIP_DEPS=1   skip scripts/install-deps.sh (when you know deps are present)
#   SWIFT_TEST_FILTER    passed to `swift test --filter` to run a subset
#   SLUICE_SKIP_PLUGIN_CHECK=1   skip scripts/plugin-check.sh (the build plugin, end to end)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
cd "$SLUICE_ROOT"

if [ "${SLUICE_SKIP_DEPS:-0}" != "1" ]; then
  bash scripts/install-deps.sh
fi
sluice_ensure_swift_on_path

sluice_log "checking contract fixtures are up to date"
bash Tests/ContractTests/Fixtures/regenerate.sh --check

# Tests link Debian's librdkafka but run against the newer bundled one (see the script).
kafka_lib_dir="$(bash scripts/kafka-runtime-lib.sh)"

sluice_log "swift build --build-tests"
swift build --build-tests

test_args=(--skip-build)
if [ -n "${SWIFT_TEST_FILTER:-}" ]; then
  test_args+=(--filter "$SWIFT_TEST_FILTER")
fi
sluice_log "swift test ${test_args[*]} (librdkafka from $kafka_lib_dir)"
LD_LIBRARY_PATH="$kafka_lib_dir${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" swift test "${test_args[@]}"
bash scripts/plugin-check.sh
