#!/usr/bin/env bash
# End-to-end check of SluiceCodegenPlugin, used the way README.md ("Using the schema
# compiler in your package") tells a user to: a throwaway package depends by path on a
# snapshot of this repository's committed HEAD, applies the plugin to a target whose
# `Schemas` link points at a schema folder outside it, and a program uses the generated
# types. The check then adds, edits, breaks and removes schemas and rebuilds (one scratch
# path, so only the first build is slow), expecting the build to follow every change.
# Prints `plugin-check: N passed, M failed` last; exits non-zero on the first failure.
#
# Environment:
#   SLUICE_SKIP_PLUGIN_CHECK=1   skip the check
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

if [ "${SLUICE_SKIP_PLUGIN_CHECK:-0}" = "1" ]; then
  sluice_log "skipped (SLUICE_SKIP_PLUGIN_CHECK=1)"
  exit 0
fi
sluice_ensure_swift_on_path

work="$(mktemp -d "${TMPDIR:-/tmp}/sluice-plugin-check.XXXXXX")"
trap 'rm -rf "$work"' EXIT
snapshot="$work/sluice"   # the folder name differs from the package name on purpose
pkg="$work/user"
scratch="$work/scratch"
log="$work/build.log"
passed=0
step_start=$SECONDS

# Reports a failed step (with the end of the last build log) and exits.
fail() {
  printf '[plugin-check] FAILED %s\n' "$*" >&2
  if [ -s "$log" ]; then
    printf '[plugin-check] end of the last swift build output:\n' >&2
    tail -n 40 "$log" | sed 's/^/    /' >&2
  fi
  printf 'plugin-check: %d passed, 1 failed\n' "$passed"
  exit 1
}

# Records a passed step with the seconds it took.
pass() {
  passed=$((passed + 1))
  sluice_log "ok $* ($((SECONDS - step_start))s)"
  step_start=$SECONDS
}

# Runs `swift build` on the user package into $log; returns its exit status (124: timeout).
# SwiftPM's lock files go to TMPDIR, so it points into $work, which the trap removes.
build() {
  TMPDIR="$work/tmp" timeout 900 swift build --package-path "$pkg" --scratch-path "$scratch" >"$log" 2>&1
}

# Builds and fails step $1 unless the build succeeds.
build_ok() {
  local status=0
  build || status=$?
  [ "$status" -ne 124 ] || fail "$1: swift build timed out after 900s"
  [ "$status" -eq 0 ] || fail "$1: swift build exited $status"
}

# Builds and fails step $1 unless the build fails (not by timeout).
build_fails() {
  local status=0
  build || status=$?
  [ "$status" -ne 124 ] || fail "$1: swift build timed out after 900s"
  [ "$status" -ne 0 ] || fail "$1: swift build succeeded but should have failed"
}

# Runs the demo program and fails step $1 unless its output contains line $2.
expect_run() {
  local output status=0
  output="$(timeout 60 "$scratch/debug/demo" 2>&1)" || status=$?
  [ "$status" -eq 0 ] || fail "$1: demo exited $status: $output"
  grep -qxF -- "$2" <<<"$output" || fail "$1: demo printed
$output
expected the line
$2"
}

# Path of the generated file $1 in the plugin's output folder.
generated() {
  printf '%s/%s' "$outputs" "$1"
}

# Writes the demo program; the arguments name the parts to include: `audit` uses
# check/v1/audit.proto's message, `source` the field step (c) adds to Event,
# `stale-audit` uses Audit after its schema is gone (must not compile).
write_main() {
  local part
  cat >"$pkg/Sources/demo/main.swift" <<'EOF'
import MyAPI

var event = Check_V1_Event()
event.id = "e1"
event.count = 7
EOF
  for part in "$@"; do
    case "$part" in
      source) echo 'event.source = "sensor"' >>"$pkg/Sources/demo/main.swift" ;;
    esac
  done
  cat >>"$pkg/Sources/demo/main.swift" <<'EOF'
let decoded = try Check_V1_Event(serializedBytes: event.serializedBytes())
precondition(decoded == event, "binary round trip changed the event")
let json = try decoded.jsonString()
let fromJSON = try Check_V1_Event(jsonString: json)
precondition(fromJSON == event, "JSON round trip changed the event")
print("event:", json)
EOF
  for part in "$@"; do
    case "$part" in
      audit | stale-audit)
        cat >>"$pkg/Sources/demo/main.swift" <<'EOF'
var audit = Check_V1_Audit()
audit.who = "ops"
audit.event = decoded
let auditCopy = try Check_V1_Audit(serializedBytes: audit.serializedBytes())
precondition(auditCopy == audit, "binary round trip changed the audit")
print("audit:", try auditCopy.jsonString())
EOF
        ;;
    esac
  done
}

# Writes check/v1/event.proto; with `source` it has the field step (c) adds, with
# `broken` an unknown type on line 10, column 3.
write_event_schema() {
  {
    cat <<'EOF'
syntax = "proto3";

package check.v1;

// An event the demo encodes and decodes.
message Event {
  string id = 1;
  int64 count = 2;
EOF
    case "${1:-}" in
      source) echo '  string source = 3;' ;;
      broken) printf '  string source = 3;\n  Missing bad = 4;\n' ;;
    esac
    echo '}'
  } >"$pkg/Schemas/check/v1/event.proto"
}

# MARK: Setup: snapshot of HEAD and the user package.

sluice_log "snapshot of $(git -C "$SLUICE_ROOT" rev-parse --short HEAD) in $work"
mkdir -p "$snapshot"
git -C "$SLUICE_ROOT" archive --format=tar HEAD | tar -x -C "$snapshot" ||
  fail "setup: cannot export the committed HEAD of $SLUICE_ROOT"

mkdir -p "$pkg/Sources/MyAPI" "$pkg/Sources/demo" "$pkg/Schemas/check/v1" "$work/tmp"
cat >"$pkg/Package.swift" <<EOF
// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "PluginCheck",
  dependencies: [
    .package(name: "Sluice", path: "$snapshot"),
  ],
  targets: [
    .target(
      name: "MyAPI",
      dependencies: [.product(name: "SluiceRuntime", package: "Sluice")],
      plugins: [.plugin(name: "SluiceCodegenPlugin", package: "Sluice")]
    ),
    .executableTarget(name: "demo", dependencies: ["MyAPI"]),
  ]
)
EOF
ln -s ../../Schemas "$pkg/Sources/MyAPI/Schemas"
echo '{"visibility": "public"}' >"$pkg/Sources/MyAPI/sluice-codegen.json"
echo '@_exported import SluiceRuntime' >"$pkg/Sources/MyAPI/MyAPI.swift"

# MARK: (a) The first build generates code that compiles and runs.

write_event_schema
write_main
build_ok "(a) first build"
outputs="$(find "$scratch/plugins/outputs" -type d -path '*/MyAPI/destination/SluiceCodegenPlugin' 2>/dev/null | head -n 1)"
[ -n "$outputs" ] || fail "(a) first build: no plugin output folder for MyAPI under $scratch/plugins/outputs"
[ -f "$(generated check_v1_event.pb.swift)" ] || fail "(a) first build: check_v1_event.pb.swift not generated in $outputs"
grep -q 'public struct Check_V1_Event' "$(generated check_v1_event.pb.swift)" ||
  fail "(a) first build: sluice-codegen.json's public visibility not applied"
expect_run "(a) first build" 'event: {"id":"e1","count":"7"}'
pass "(a) first build generates and runs (builds SluiceRuntime, the generator, ArgumentParser)"

# MARK: (b) A new schema is generated; the program can then use it.

cat >"$pkg/Schemas/check/v1/audit.proto" <<'EOF'
syntax = "proto3";

package check.v1;

import "check/v1/event.proto";

// Who looked at which event.
message Audit {
  string who = 1;
  Event event = 2;
}
EOF
build_ok "(b) new schema"
[ -f "$(generated check_v1_audit.pb.swift)" ] || fail "(b) new schema: check_v1_audit.pb.swift not generated in $outputs"
write_main audit
build_ok "(b) program using the new schema's type"
expect_run "(b) program using the new schema's type" 'audit: {"who":"ops","event":{"id":"e1","count":"7"}}'
pass "(b) a new schema is generated and usable"

# MARK: (c) An edited schema is regenerated.

write_event_schema source
write_main audit source
build_ok "(c) schema edit"
grep -q 'source' "$(generated check_v1_event.pb.swift)" || fail "(c) schema edit: new field missing from check_v1_event.pb.swift"
expect_run "(c) schema edit" 'event: {"id":"e1","count":"7","source":"sensor"}'
pass "(c) an edited schema is regenerated and the new field usable"

# MARK: (d) A removed schema's code leaves the build.

rm "$pkg/Schemas/check/v1/audit.proto"
write_main source
build_ok "(d) schema removal"
if [ -f "$scratch/debug/MyAPI.build/sources" ] && grep -q 'check_v1_audit' "$scratch/debug/MyAPI.build/sources"; then
  fail "(d) schema removal: check_v1_audit.pb.swift is still among MyAPI's sources"
fi
expect_run "(d) schema removal" 'event: {"id":"e1","count":"7","source":"sensor"}'
write_main source stale-audit
build_fails "(d) program using the removed schema's type"
grep -q "Check_V1_Audit" "$log" || fail "(d) program using the removed schema's type: failed without naming Check_V1_Audit"
write_main source
pass "(d) a removed schema's code leaves the build"

# MARK: (e) A schema error fails the build with a file:line:column diagnostic.

write_event_schema broken
build_fails "(e) schema error"
grep -qE 'Schemas/check/v1/event\.proto:10:3: .*Missing' "$log" ||
  fail "(e) schema error: no 'Schemas/check/v1/event.proto:10:3: ...Missing...' diagnostic in the build output"
write_event_schema source
build_ok "(e) fixed schema"
expect_run "(e) fixed schema" 'event: {"id":"e1","count":"7","source":"sensor"}'
pass "(e) a schema error fails the build with file:line:column, fixing it builds again"

# MARK: (f) An unchanged rebuild does not run the generator.

before="$(stat -c %y "$(generated check_v1_event.pb.swift)")"
build_ok "(f) unchanged rebuild"
! grep -q 'Generating' "$log" || fail "(f) unchanged rebuild: the generator ran again: $(grep 'Generating' "$log" | head -n 3)"
after="$(stat -c %y "$(generated check_v1_event.pb.swift)")"
[ "$before" = "$after" ] || fail "(f) unchanged rebuild: check_v1_event.pb.swift rewritten ($before -> $after)"
pass "(f) an unchanged rebuild does not run the generator"

sluice_log "all steps passed in ${SECONDS}s"
printf 'plugin-check: %d passed, 0 failed\n' "$passed"
