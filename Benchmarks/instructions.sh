#!/usr/bin/env bash
# Instructions per operation for every benchmark and side, counted by
# `valgrind --tool=callgrind` on the release binary: unlike timings, these do not move
# with machine load, so they are the numbers to compare across commits on a shared box.
# Only the timed loop is counted (callgrind's --toggle-collect on the benchmark's
# `run(_:iterations:)`), so set-up (fixtures, reference encodings) is left out.
#
#   apt-get install -y valgrind
#   Benchmarks/instructions.sh            # after: cd Benchmarks && swift build -c release
#
# KEEP=1 keeps each run's callgrind output in .build/callgrind/<benchmark>.<side>.out
# for `callgrind_annotate --inclusive=yes FILE`.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
binary="$here/.build/release/codec-bench"
[ -x "$binary" ] || { echo "build first: (cd $here && swift build -c release)" >&2; exit 1; }
out="$here/.build/callgrind"
mkdir -p "$out"

# Prints the instructions callgrind counted inside the timed loop of one profile run.
count() { # benchmark side iterations file
  valgrind --tool=callgrind --callgrind-out-file="$4" --collect-atstart=no \
    --toggle-collect='*CodecUnderTestPAAE3run_10iterations*' \
    "$binary" --profile "$1" --side "$2" --iterations "$3" 2>&1 >/dev/null |
    sed -n 's/^==[0-9]*== Collected : \([0-9]*\)$/\1/p'
}

printf '| benchmark | sluice instructions/op | swift-protobuf instructions/op | swift-protobuf / sluice |\n'
printf '| --- | ---: | ---: | ---: |\n'
for benchmark in event-encode event-decode batch-encode batch-decode; do
  case "$benchmark" in event-*) n=2000 ;; *) n=4 ;; esac
  per_op=()
  for side in sluice swift-protobuf; do
    total=$(count "$benchmark" "$side" "$n" "$out/$benchmark.$side.out")
    [ "${KEEP:-0}" = 1 ] || rm -f "$out/$benchmark.$side.out"
    per_op+=($((total / n)))
  done
  ratio=$(awk -v s="${per_op[0]}" -v p="${per_op[1]}" 'BEGIN { printf "%.2fx", p / s }')
  printf '| %s | %s | %s | %s |\n' "$benchmark" "${per_op[0]}" "${per_op[1]}" "$ratio"
done
