#!/usr/bin/env bash
# The Sluice client (ClientChannel) against the grpc-swift-2 client (GRPCClient on
# HTTP2ClientTransport.Posix), both calling one Sluice interop server on loopback:
# grpc.testing.TestService/UnaryCall with a SIZE-byte payload answered with SIZE bytes, from
# 1, 16 and 100 concurrent tasks on one channel. Each run is its own client process (so its
# CPU time and allocations are the client's alone), runs alternate Sluice, grpc-swift-2,
# Sluice ... for ROUNDS rounds per concurrency, and the table shows each figure's median.
#
# Needs: swift, python3. Environment:
#   DURATION=10 WARMUP=2 ROUNDS=3 SIZE=100   per-run seconds, rounds, payload bytes
#   WORK=/tmp/clientbench                     scratch folder (sources, builds, logs)
#   SLUICE_SRC                                a Sluice source tree to build (default: this
#                                             repo's HEAD, exported to $WORK/sluice-src)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="${WORK:-/tmp/clientbench}"
duration="${DURATION:-10}"
warmup="${WARMUP:-2}"
rounds="${ROUNDS:-3}"
size="${SIZE:-100}"
mkdir -p "$work/logs"

# --- builds (release; the client bench and the interop server share one build folder) ---
src="${SLUICE_SRC:-$work/sluice-src}"
if [[ -z "${SLUICE_SRC:-}" && ! -d "$src" ]]; then
  mkdir -p "$src"
  git -C "$repo" archive HEAD | tar -x -C "$src"
fi
build="$work/build"
echo "building client-bench and sluice-interop-server (release) from $src" >&2
(cd "$src/Benchmarks/ClientBench" && swift build -c release --scratch-path "$build" \
  --product client-bench >&2 && swift build -c release --scratch-path "$build" \
  --product sluice-interop-server >&2)
bench="$build/release/client-bench"
server_bin="$build/release/sluice-interop-server"

# --- the server ---------------------------------------------------------------------------
"$server_bin" --host 127.0.0.1 --port 0 --no-metrics > "$work/logs/server.out" 2>&1 &
server_pid=$!
trap 'kill -TERM "$server_pid" 2> /dev/null || true; wait "$server_pid" 2> /dev/null || true' EXIT
port=""
for _ in $(seq 100); do
  port=$(sed -n 's/.*listening on [^:]*:\([0-9]*\).*/\1/p' "$work/logs/server.out" | head -1)
  [[ -n "$port" ]] && break
  sleep 0.1
done
[[ -n "$port" ]] || { echo "the server did not start; see $work/logs/server.out" >&2; exit 1; }

# --- runs ---------------------------------------------------------------------------------
results="$work/results.jsonl"
: > "$results"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for concurrency in 1 16 100; do
  for round in $(seq "$rounds"); do
    for client in sluice grpc-swift-2; do
      line=$("$bench" --client "$client" --port "$port" --concurrency "$concurrency" \
        --duration "$duration" --warmup "$warmup" --size "$size")
      echo "$line" >> "$results"
      echo "  round $round: $line" >&2
    done
  done
done

echo
echo "$(nproc) cores shared by the server, the client and whatever else runs; load average" \
  "(1, 5, 15 min) before: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg)."
echo "Each run: ${warmup}s warm-up, ${duration}s measured; medians of $rounds interleaved runs."
echo
python3 "$here/summarize.py" "$results"
