#!/usr/bin/env bash
# Prints a directory holding `librdkafka.so.1`, a link to the librdkafka that the
# confluent-kafka wheel bundles (2.16), creating it when needed.
#
# Sluice compiles against Debian's librdkafka 2.0.2 headers, but that library
# cannot talk to the test broker (tansu). librdkafka keeps its ABI stable, so a
# binary built against 2.0.2 runs against the bundled 2.16 when this directory
# comes first on LD_LIBRARY_PATH:
#   LD_LIBRARY_PATH="$(scripts/kafka-runtime-lib.sh)${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" swift test
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

bundled="$("$SLUICE_PYTHON" - <<'PY'
import glob
import importlib.util
import os
import sys

spec = importlib.util.find_spec("confluent_kafka")
if spec is None or spec.origin is None:
    sys.exit("confluent-kafka is not installed (run scripts/install-deps.sh)")
site = os.path.dirname(os.path.dirname(spec.origin))
# auditwheel puts the bundled library next to the package, renamed with a hash:
# site-packages/confluent_kafka.libs/librdkafka-<hash>.so.1
found = sorted(glob.glob(os.path.join(site, "confluent_kafka.libs", "librdkafka*.so*")))
if not found:
    sys.exit(f"no bundled librdkafka under {site}/confluent_kafka.libs")
print(found[0])
PY
)"

directory="$SLUICE_DEPS_DIR/rdkafka"
mkdir -p "$directory"
if [ "$(readlink "$directory/librdkafka.so.1" 2>/dev/null || true)" != "$bundled" ]; then
  ln -sfn "$bundled" "$directory/librdkafka.so.1"
fi
echo "$directory"
