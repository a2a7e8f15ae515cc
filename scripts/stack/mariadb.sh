#!/usr/bin/env bash
# Starts, stops and inspects a private MariaDB server (the system package's mariadbd) for
# tests and CI. Nothing is shared with a system-wide MariaDB: the server reads no option
# files and keeps everything under one folder.
#
# Usage: scripts/stack/mariadb.sh COMMAND [DIR]
#   start    start the server (initialising DIR/data on first use) unless it already runs;
#            prints shell assignments to stdout:
#              SLUICE_MARIADB_URL=mariadb://root@127.0.0.1:PORT/sluice
#              SLUICE_MARIADB_SOCKET_URL=mariadb+unix://root@DIR/mariadbd.sock?database=sluice
#              SLUICE_MARIADB_PID=PID
#   stop     SIGTERM the server and wait for it to exit (SIGKILL after 30 s)
#   status   print the assignments and exit 0 when running; exit 1 when not
#   url      print the TCP URL only
#   kill     fault helper: SIGKILL the server (no clean shutdown) and wait until it is gone;
#            `start` afterwards restarts it on the same data folder and port
#
# DIR defaults to $SLUICE_ROOT/.build-stack/mariadb. Layout: DIR/data (datadir),
# DIR/mariadbd.sock, DIR/mariadbd.pid, DIR/mariadbd.log, DIR/tmp, DIR/port (kept across
# restarts). The same layout as the server's embedded MariaDB (EmbeddedMariaDB).
#
# Environment:
#   SLUICE_MARIADB_PORT        TCP port on 127.0.0.1 for the first start (default: a free one)
#   SLUICE_MARIADB_WATCH_PID   stop the server when this process exits (tests pass their pid
#                              so a crashed test run leaves no server behind)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"

command_name="${1:-}"
dir="${2:-$SLUICE_ROOT/.build-stack/mariadb}"
mkdir -p "$dir"
dir="$(cd "$dir" && pwd)"
datadir="$dir/data"
socket="$dir/mariadbd.sock"
pidfile="$dir/mariadbd.pid"
logfile="$dir/mariadbd.log"
portfile="$dir/port"
# Private temporary files: servers sharing a tmpdir delete each other's when they start.
tmpdir="$dir/tmp"
database="sluice"

# Prints the pid of the server running on this folder, or nothing.
running_pid() {
  [ -f "$pidfile" ] || return 0
  local pid
  pid="$(cat "$pidfile" 2>/dev/null || true)"
  [ -n "$pid" ] || return 0
  if [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q -- "--datadir=$datadir "; then
    echo "$pid"
  fi
}

print_assignments() {
  local pid="$1"
  echo "SLUICE_MARIADB_URL=mariadb://root@127.0.0.1:$(cat "$portfile")/$database"
  echo "SLUICE_MARIADB_SOCKET_URL=mariadb+unix://root@$socket?database=$database"
  echo "SLUICE_MARIADB_PID=$pid"
}

free_port() {
  "$SLUICE_PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Waits up to $2 seconds for pid $1 to exit.
wait_for_exit() {
  local pid="$1" seconds="$2" i
  for ((i = 0; i < seconds * 10; i++)); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  return 1
}

initialise() {
  [ -d "$datadir/mysql" ] && return 0
  sluice_log "initialising $datadir"
  local staging="$dir/data.initialising"
  rm -rf "$staging"
  local user_args=()
  [ "$(id -u)" -eq 0 ] && user_args=(--user=root)
  mkdir -p "$tmpdir"
  if ! mariadb-install-db --no-defaults --datadir="$staging" "${user_args[@]}" --tmpdir="$tmpdir" \
    --auth-root-authentication-method=normal --skip-test-db >"$dir/install.log" 2>&1; then
    grep -i error "$dir/install.log" | head -n 20 >&2 || tail -n 20 "$dir/install.log" >&2
    sluice_die "mariadb-install-db failed; log: $dir/install.log"
  fi
  rm -rf "$datadir"
  mv "$staging" "$datadir"
}

start() {
  local pid
  pid="$(running_pid)"
  if [ -n "$pid" ]; then
    print_assignments "$pid"
    return 0
  fi
  rm -f "$pidfile" "$socket"
  mkdir -p "$tmpdir"
  initialise
  if [ ! -s "$portfile" ]; then
    echo "${SLUICE_MARIADB_PORT:-$(free_port)}" >"$portfile"
  fi
  local user_args=()
  [ "$(id -u)" -eq 0 ] && user_args=(--user=root)
  # setsid: the server leaves the caller's session, so signals to a test's process group
  # do not reach it; every descriptor is redirected so callers reading our output see EOF.
  setsid mariadbd --no-defaults --datadir="$datadir" "${user_args[@]}" \
    --socket="$socket" --pid-file="$pidfile" --log-error="$logfile" --tmpdir="$tmpdir" \
    --port="$(cat "$portfile")" --bind-address=127.0.0.1 --skip-name-resolve \
    --character-set-server=utf8mb4 \
    </dev/null >>"$logfile" 2>&1 &
  local launched=$!
  local i
  for ((i = 0; i < 600; i++)); do
    if [ -S "$socket" ] && mariadb-admin --no-defaults --socket="$socket" -uroot ping >/dev/null 2>&1; then
      break
    fi
    if ! kill -0 "$launched" 2>/dev/null; then
      tail -n 30 "$logfile" >&2
      sluice_die "mariadbd exited during start-up; log: $logfile"
    fi
    sleep 0.1
  done
  [ "$i" -lt 600 ] || sluice_die "mariadbd not ready after 60 s; log: $logfile"
  mariadb --no-defaults --socket="$socket" -uroot \
    -e "CREATE DATABASE IF NOT EXISTS \`$database\`"
  pid="$(running_pid)"
  [ -n "$pid" ] || sluice_die "mariadbd is up but wrote no pid file $pidfile"
  if [ -n "${SLUICE_MARIADB_WATCH_PID:-}" ]; then
    local watched="$SLUICE_MARIADB_WATCH_PID"
    setsid bash -c 'while kill -0 "$1" 2>/dev/null && kill -0 "$2" 2>/dev/null; do sleep 1; done
      kill -TERM "$2" 2>/dev/null || true' watch "$watched" "$pid" </dev/null >/dev/null 2>&1 &
  fi
  print_assignments "$pid"
}

stop() {
  local pid
  pid="$(running_pid)"
  if [ -z "$pid" ]; then
    rm -f "$socket"
    return 0
  fi
  kill -TERM "$pid" 2>/dev/null || true
  if ! wait_for_exit "$pid" 30; then
    sluice_log "mariadbd $pid ignored SIGTERM for 30 s; killing it"
    kill -KILL "$pid" 2>/dev/null || true
    wait_for_exit "$pid" 10 || sluice_die "mariadbd $pid did not exit"
  fi
  rm -f "$socket" "$pidfile"
}

crash() {
  local pid
  pid="$(running_pid)"
  [ -n "$pid" ] || sluice_die "no mariadbd runs on $dir"
  kill -KILL "$pid"
  wait_for_exit "$pid" 10 || sluice_die "mariadbd $pid survived SIGKILL"
}

case "$command_name" in
  start) start ;;
  stop) stop ;;
  status)
    pid="$(running_pid)"
    [ -n "$pid" ] || exit 1
    print_assignments "$pid"
    ;;
  url) echo "mariadb://root@127.0.0.1:$(cat "$portfile")/$database" ;;
  kill) crash ;;
  *) sluice_die "usage: $0 start|stop|status|url|kill [dir]" ;;
esac
