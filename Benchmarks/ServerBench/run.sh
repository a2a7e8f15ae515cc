#!/usr/bin/env bash
# h2load on loopback against Sluice's interop server and a grpc-swift-2 server doing the same
# unary echo (grpc.testing.TestService/UnaryCall: SimpleRequest with a SIZE-byte payload and
# response_size = SIZE), interleaved per scenario, plus nghttpd serving a static 100-byte file
# as this machine's HTTP/2 ceiling. Prints one Markdown table (Sluice / grpc-swift-2 ratios).
#
# Needs: h2load and nghttp (nghttp2-client), nghttpd (nghttp2-server), python3, swift.
# Environment:
#   DURATION=10 WARMUP=2     seconds measured / warmed up per run (h2load -D, --warm-up-time)
#   WORK=/tmp/serverbench    scratch folder (builds, logs, results)
#   SLUICE_BIN, GRPC_BIN     prebuilt server binaries (otherwise built here, release)
#   SLUICE_REPO              the Sluice checkout to snapshot (default: this repo, HEAD)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="${SLUICE_REPO:-$(cd "$here/../.." && pwd)}"
work="${WORK:-/tmp/serverbench}"
duration="${DURATION:-10}"
warmup="${WARMUP:-2}"
mkdir -p "$work/logs" "$work/doc"
ulimit -n 65536 2> /dev/null || ulimit -n "$(ulimit -Hn)" 2> /dev/null || true

# --- builds -------------------------------------------------------------------------------
if [[ -z "${SLUICE_BIN:-}" ]]; then
  src="$work/sluice-src"
  if [[ ! -x "$src/.build/release/sluice-interop-server" ]]; then
    rm -rf "$src" && mkdir -p "$src"
    git -C "$repo" archive HEAD | tar -x -C "$src"
    echo "building sluice-interop-server (release, HEAD $(git -C "$repo" rev-parse --short HEAD))" >&2
    (cd "$src" && time swift build -c release --product sluice-interop-server --scratch-path "$src/.build") >&2
  fi
  SLUICE_BIN="$src/.build/release/sluice-interop-server"
fi
if [[ -z "${GRPC_BIN:-}" ]]; then
  if [[ ! -x "$work/grpc-build/release/GRPCSwiftEchoServer" ]]; then
    echo "building GRPCSwiftEchoServer (release)" >&2
    (cd "$here" && time swift build -c release --scratch-path "$work/grpc-build") >&2
  fi
  GRPC_BIN="$work/grpc-build/release/GRPCSwiftEchoServer"
fi

# --- inputs -------------------------------------------------------------------------------
python3 "$here/make_request.py" 100 "$work/req-100.bin"
python3 "$here/make_request.py" 65536 "$work/req-65536.bin"
head -c 100 /dev/zero | tr '\0' 'x' > "$work/doc/static100"
results="$work/results.jsonl"
: > "$results"

# --- servers ------------------------------------------------------------------------------
server_pid=""
server_port=""

start_server() { # kind
  local out="$work/logs/server-$1.out"
  case "$1" in
    sluice) "$SLUICE_BIN" --host 127.0.0.1 --port 0 --no-metrics > "$out" 2>&1 & server_pid=$! ;;
    grpc-swift-2) "$GRPC_BIN" 0 > "$out" 2>&1 & server_pid=$! ;;
    nghttpd)
      server_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
      nghttpd --no-tls -a 127.0.0.1 -d "$work/doc" "$server_port" > "$out" 2>&1 & server_pid=$!
      ;;
  esac
  for _ in $(seq 100); do
    if [[ "$1" == nghttpd ]]; then
      nghttp -n "http://127.0.0.1:$server_port/static100" > /dev/null 2>&1 && return 0
    elif grep -q "listening on" "$out"; then
      server_port=$(sed -n 's/.*listening on [^:]*:\([0-9]*\).*/\1/p' "$out" | head -1)
      return 0
    fi
    sleep 0.1
  done
  echo "server $1 did not start; see $out" >&2
  exit 1
}

stop_server() {
  kill -TERM "$server_pid" 2> /dev/null || true
  for _ in $(seq 30); do kill -0 "$server_pid" 2> /dev/null || break; sleep 0.1; done
  kill -KILL "$server_pid" 2> /dev/null || true
  wait "$server_pid" 2> /dev/null || true
}
trap 'stop_server' EXIT

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# --- one measured run ---------------------------------------------------------------------
run_one() { # scenario server size c m
  local scenario=$1 server=$2 size=$3 c=$4 m=$5
  start_server "$server"
  local tag="$scenario-$server" url args=()
  if [[ "$server" == nghttpd ]]; then
    url="http://127.0.0.1:$server_port/static100"
  else
    url="http://127.0.0.1:$server_port/grpc.testing.TestService/UnaryCall"
    args=(-d "$work/req-$size.bin" -H 'te: trailers' -H 'content-type: application/grpc')
    # One call first: the server must answer grpc-status 0 with the echoed size.
    nghttp -v "${args[@]}" "$url" > "$work/logs/$tag.check" 2>&1
    grep -aq "grpc-status: 0" "$work/logs/$tag.check" || {
      echo "$server: sanity call failed; see $work/logs/$tag.check" >&2
      exit 1
    }
  fi
  h2load -t1 -c"$c" -m"$m" -D "$duration" --warm-up-time "$warmup" "${args[@]}" \
    --log-file="$work/logs/$tag.tsv" "$url" > "$work/logs/$tag.h2load" 2>&1 &
  local h2pid=$!
  sleep "$warmup"
  local t0 c0 t1 c1
  t0=$(date +%s.%N); c0=$(cpu_ticks "$server_pid")
  wait "$h2pid"
  t1=$(date +%s.%N); c1=$(cpu_ticks "$server_pid")
  local hwm
  hwm=$(awk '/VmHWM/ {print $2}' "/proc/$server_pid/status")
  python3 "$here/summarize.py" row "$scenario" "$server" "$work/logs/$tag.h2load" \
    "$work/logs/$tag.tsv" $((c1 - c0)) "$(echo "$t1 - $t0" | bc)" "$hwm" >> "$results"
  stop_server
  echo "  $scenario $server: $(grep -o 'finished in .*req/s' "$work/logs/$tag.h2load")" >&2
}

# scenario size c m [with-nghttpd]
scenarios=(
  "100B-c1-m1 100 1 1"
  "100B-c16-m10 100 16 10 nghttpd"
  "100B-c100-m10 100 100 10"
  "100B-c1000-m1 100 1000 1"
  "64KiB-c16-m10 65536 16 10"
)
echo "sluice: $SLUICE_BIN" >&2
echo "grpc-swift-2: $GRPC_BIN" >&2
for line in "${scenarios[@]}"; do
  read -r name size c m extra <<< "$line"
  run_one "$name" sluice "$size" "$c" "$m"
  run_one "$name" grpc-swift-2 "$size" "$c" "$m"
  if [[ "${extra:-}" == nghttpd ]]; then run_one "$name" nghttpd "$size" "$c" "$m"; fi
done
trap - EXIT

echo
echo "h2load -t1 on loopback, ${duration}s measured after ${warmup}s warm-up per run; $(nproc) cores shared by h2load and the server."
echo "nghttpd serves a static 100-byte file (the machine's HTTP/2 ceiling); the others run the gRPC unary echo."
echo
python3 "$here/summarize.py" table "$results"
