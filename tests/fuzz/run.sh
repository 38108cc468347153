#!/usr/bin/env bash
# Builds the libFuzzer targets and runs them for a bounded time.
#
#   tests/fuzz/run.sh TARGET|all SECONDS
#
# TARGET is lexicon, read_document, report or triage_jsonl. Each target
# first replays its saved crashers (tests/fuzz/regressions/TARGET/, which
# must all pass now), then fuzzes for SECONDS from its seeds
# (tests/fuzz/TARGET/) and the corpus it grew in earlier runs. Targets run
# one after the other, one process at a time, under nice.
#
# Environment: BUILD_DIR (default: build-fuzz), CORPUS_DIR (default:
# $BUILD_DIR/corpus), LOG_DIR (default: $BUILD_DIR/fuzz-logs), JOBS (build
# jobs), RSS_LIMIT_MB (default 2048), NICE (default 19), FUZZ_SEED (a fixed
# libFuzzer seed, so that a run can be repeated; CI sets it).
#
# Exit code: 0 when nothing was found, 1 when a target crashed, leaked,
# timed out or ran out of memory (the input is saved as
# $BUILD_DIR/artifacts/TARGET-crash-..., to be copied into
# tests/fuzz/regressions/TARGET/ once fixed), 2 for usage or build errors.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
fuzz_dir=$root/tests/fuzz
build_dir=${BUILD_DIR:-$root/build-fuzz}
corpus_root=${CORPUS_DIR:-$build_dir/corpus}
log_dir=${LOG_DIR:-$build_dir/fuzz-logs}
jobs=${JOBS:-$(nproc 2>/dev/null || echo 2)}
rss_limit=${RSS_LIMIT_MB:-2048}
niceness=${NICE:-19}
all_targets=(lexicon read_document report triage_jsonl)

usage() {
  echo "usage: tests/fuzz/run.sh lexicon|read_document|report|triage_jsonl|all SECONDS" >&2
  exit 2
}
(($# == 2)) || usage
[[ "$2" =~ ^[0-9]+$ ]] || usage
seconds=$2
if [[ "$1" == all ]]; then
  targets=("${all_targets[@]}")
else
  targets=("$1")
  [[ " ${all_targets[*]} " == *" $1 "* ]] || usage
fi

# The longest input worth trying per target: the analysis has per-document
# costs that grow faster than linearly on some shapes (attribution), so the
# targets that run it take shorter inputs.
max_len() {
  case "$1" in
    lexicon) echo 8192 ;;
    read_document) echo 16384 ;;
    report) echo 8192 ;;
    triage_jsonl) echo 16384 ;;
  esac
}
dict() {
  case "$1" in
    lexicon) echo "$fuzz_dir/lexicon.dict" ;;
    read_document | report) echo "$fuzz_dir/document.dict" ;;
    triage_jsonl) echo "$fuzz_dir/triage_jsonl.dict" ;;
  esac
}

command -v clang++ >/dev/null || { echo "run.sh: clang++ is needed (apt-get install clang libclang-rt-14-dev)" >&2; exit 2; }
echo "==> building the fuzz targets in $build_dir" >&2
CC=clang CXX=clang++ cmake -S "$root" -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSOURCECHECK_FUZZ=ON \
  -DSOURCECHECK_BUILD_TESTS=OFF -DSOURCECHECK_BUILD_BENCH=OFF >/dev/null || exit 2
build_targets=()
for t in "${targets[@]}"; do build_targets+=(--target "fuzz_$t"); done
cmake --build "$build_dir" -j "$jobs" "${build_targets[@]}" >/dev/null || {
  echo "run.sh: the build failed (cmake --build $build_dir ${build_targets[*]})" >&2
  exit 2
}

mkdir -p "$log_dir" "$build_dir/artifacts"
# LeakSanitizer on, UBSan fatal; libFuzzer reports any of them as a crash.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
status=0
summary=()
for t in "${targets[@]}"; do
  bin=$build_dir/tests/fuzz/fuzz_$t
  regressions=$fuzz_dir/regressions/$t
  if [[ -d "$regressions" ]] && compgen -G "$regressions/*" >/dev/null; then
    echo "==> $t: replaying $(ls "$regressions" | wc -l) saved crashers" >&2
    if ! nice -n "$niceness" "$bin" -rss_limit_mb="$rss_limit" -timeout=10 "$regressions"/* \
      >"$log_dir/$t.regressions.log" 2>&1; then
      echo "run.sh: $t: a saved crasher fails again (see $log_dir/$t.regressions.log)" >&2
      status=1
      summary+=("$t: REGRESSION")
      continue
    fi
  fi
  corpus=$corpus_root/$t
  mkdir -p "$corpus"
  log=$log_dir/$t.$(date +%Y%m%d-%H%M%S).log
  echo "==> $t: fuzzing for ${seconds}s (log: $log)" >&2
  set +e
  nice -n "$niceness" "$bin" "$corpus" "$fuzz_dir/$t" \
    -dict="$(dict "$t")" -max_len="$(max_len "$t")" -max_total_time="$seconds" \
    -rss_limit_mb="$rss_limit" -timeout=10 -print_final_stats=1 ${FUZZ_SEED:+-seed="$FUZZ_SEED"} \
    -artifact_prefix="$build_dir/artifacts/$t-" >"$log" 2>&1
  rc=$?
  set -e
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  if ((rc != 0)); then
    status=1
    artifact=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -n 1)
    echo "run.sh: $t FAILED (exit $rc): ${artifact:-see $log}" >&2
    grep -m 3 -E 'ERROR: |runtime error|fuzz invariant' "$log" >&2 || true
    summary+=("$t: FAILED after ${execs:-?} executions, input ${artifact:-?}")
  else
    summary+=("$t: ok, ${seconds}s, ${execs:-?} executions, corpus $(ls "$corpus" | wc -l) inputs")
  fi
done
printf '%s\n' "${summary[@]}" >&2
exit "$status"
