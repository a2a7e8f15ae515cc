#!/usr/bin/env bash
# Regenerates Golden/, Malformed/ and MalformedJSON/ from Schemas/ and Cases/.
# Needs protoc and python protobuf (scripts/install-deps.sh installs both).
# `regenerate.sh --check` verifies the committed files instead of writing them.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
exec "${SLUICE_PYTHON:-python3}" reference.py generate "$@"
