#!/usr/bin/env bash
# Text engine throughput against the yardstick of pure phrase matching, in
# one run on the same text:
#   - Google Benchmark (bench/text_bench): tokenize, segment, segment + match
#     over ../shared/corpus/bbc concatenated (one core);
#   - grep -c -i -F -f with the default lexicons' own phrase list over the
#     same concatenation, timed by hyperfine, in the C and UTF-8 locales.
#
#   bench/text_engine.sh [BUILD_DIR]     (default: build)
#
# Skips, saying so, when ../shared/corpus/bbc is absent.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-$root/build}
corpus=${SOURCECHECK_BBC:-$root/../shared/corpus/bbc}
if [[ ! -d $corpus ]]; then
  echo "text_engine: $corpus not found: skipped"
  exit 0
fi
for tool in hyperfine grep; do
  command -v "$tool" >/dev/null || { echo "text_engine: $tool is missing (apt-get install $tool)" >&2; exit 2; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The same concatenation text_bench builds: files sorted, a blank line after each.
find "$corpus" -name '*.txt' ! -name README.TXT | LC_ALL=C sort | while read -r f; do cat "$f"; printf '\n\n'; done >"$work/bbc.txt"
"$build/sourcecheck" lexicon list --phrases >"$work/phrases.txt"
bytes=$(stat -c %s "$work/bbc.txt")
echo "text: $bytes bytes; phrases: $(wc -l <"$work/phrases.txt")"

"$build/bench/text_bench" --benchmark_repetitions=5 --benchmark_report_aggregates_only=true \
  --benchmark_format=console 2>&1 | grep -E 'median|Benchmark|---'

# grep stops at the first match when its output is /dev/null: write to a file.
hyperfine -w 2 -r 10 --export-json "$work/grep.json" \
  "LC_ALL=C grep -c -i -F -f $work/phrases.txt $work/bbc.txt > $work/out.c" \
  "LC_ALL=C.UTF-8 grep -c -i -F -f $work/phrases.txt $work/bbc.txt > $work/out.utf8" >/dev/null
python3 - "$work/grep.json" "$bytes" <<'PY'
import json, sys
runs = json.load(open(sys.argv[1]))["results"]
size = int(sys.argv[2])
for r in runs:
    locale = "C" if "LC_ALL=C " in r["command"] else "C.UTF-8"
    median = r["median"]
    print(f"grep -c -i -F -f (LC_ALL={locale}): median {median*1000:.1f} ms, {size/median/1e6:.1f} MB/s")
PY
