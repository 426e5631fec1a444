#!/usr/bin/env bash
# Builds the libFuzzer targets (clang++, address + undefined sanitizers) and runs each one.
#   tests/fuzz/run-fuzz.sh BUILD_DIR [SECONDS_PER_TARGET=60]
# Each target starts from the committed seeds (tests/fuzz/seeds/<target>/) plus the corpus it grew in
# BUILD_DIR/corpus/<target>/ on earlier runs. Exits non-zero on any crash, sanitizer report, leak or
# timeout; the input that caused it is in BUILD_DIR/artifacts/<target>/.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
build_dir="${1:?usage: run-fuzz.sh BUILD_DIR [SECONDS_PER_TARGET]}"
seconds="${2:-60}"
targets=(fuzz_sam_codec fuzz_scanner_codec)
declare -A max_len=([fuzz_sam_codec]=6000 [fuzz_scanner_codec]=4096)
declare -A seeds=([fuzz_sam_codec]=sam [fuzz_scanner_codec]=scanner)

log() { printf '[fuzz] %s\n' "$*" >&2; }

cxx="${FUZZ_CXX:-$(command -v clang++ || command -v clang++-14 || true)}"
[ -n "$cxx" ] || { log "clang++ not found (Debian: clang libclang-rt-14-dev)"; exit 1; }

if [ ! -f "$build_dir/build.ninja" ]; then
  log "configuring $build_dir with $cxx"
  cmake -S "$here" -B "$build_dir" -G Ninja -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
cmake --build "$build_dir" --parallel "$(nproc)" >/dev/null

status=0
for t in "${targets[@]}"; do
  corpus="$build_dir/corpus/$t"
  artifacts="$build_dir/artifacts/$t"
  mkdir -p "$corpus" "$artifacts"
  log "$t: ${seconds}s"
  rc=0
  # Qt must not log to a terminal that is not there; ICU allocations are process-lifetime caches.
  QT_QPA_PLATFORM=offscreen "$build_dir/$t" "$corpus" "$here/seeds/${seeds[$t]}" \
    -max_total_time="$seconds" -max_len="${max_len[$t]}" -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$artifacts/" -print_final_stats=1 >"$build_dir/$t.log" 2>&1 || rc=$?
  runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$build_dir/$t.log")"
  speed="$(sed -n 's/^stat::average_exec_per_sec: *//p' "$build_dir/$t.log")"
  cov="$(grep -o 'cov: [0-9]*' "$build_dir/$t.log" | tail -1 || true)"
  log "$t: exit $rc, ${runs:-?} runs, ${speed:-?} execs/s, $cov, corpus $(find "$corpus" -type f | wc -l) files"
  if [ "$rc" -ne 0 ]; then
    log "$t FAILED; log: $build_dir/$t.log; inputs: $artifacts/"
    grep -E 'ERROR|SUMMARY|Test unit written' "$build_dir/$t.log" | head -5 >&2 || true
    status=1
  fi
done
exit "$status"
