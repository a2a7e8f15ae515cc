# Shared helpers for Sluice's scripts. Source it; do not run it.
#   source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

# Absolute path of the repository root (the folder holding Package.swift).
SLUICE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export SLUICE_ROOT

# Where scripts keep machine-local helpers (ignored by git via `.build-*/`).
SLUICE_DEPS_DIR="${SLUICE_DEPS_DIR:-$SLUICE_ROOT/.build-deps}"
export SLUICE_DEPS_DIR

# Python interpreter used for pip packages and reference scripts.
SLUICE_PYTHON="${SLUICE_PYTHON:-python3}"
export SLUICE_PYTHON

# Prints a progress line to stderr, prefixed with the calling script's name.
sluice_log() {
  printf '[%s] %s\n' "$(basename "${BASH_SOURCE[1]:-sluice}" .sh)" "$*" >&2
}

# Prints an error to stderr and exits non-zero.
sluice_die() {
  printf '[%s] error: %s\n' "$(basename "${BASH_SOURCE[1]:-sluice}" .sh)" "$*" >&2
  exit 1
}

# Runs a command as root: directly when already root, else through sudo.
sluice_as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    sluice_die "need root (or sudo) to run: $*"
  fi
}

# Puts the Swift toolchain on PATH when it is installed at /opt/swift but not on PATH.
sluice_ensure_swift_on_path() {
  if ! command -v swift >/dev/null 2>&1 && [ -x /opt/swift/usr/bin/swift ]; then
    export PATH="/opt/swift/usr/bin:$PATH"
  fi
  command -v swift >/dev/null 2>&1 || sluice_die "swift not found (expected on PATH or at /opt/swift/usr/bin)"
}
