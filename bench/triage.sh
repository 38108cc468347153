#!/usr/bin/env bash
# Triage throughput and memory, -j1 against -j2, in one run:
#   - the 2,225 BBC articles as files (../shared/corpus/bbc);
#   - a JSONL stream of 100,000 documents made from them (each article
#     repeated with its own id), and one of 25,000, to show that peak memory
#     does not grow with the stream's length.
# One BBC article is not valid UTF-8: it becomes an error record (exit 1),
# which the timing ignores.
# Prints documents/second (hyperfine medians) and peak RSS (GNU time).
#
#   bench/triage.sh [BUILD_DIR]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-$root/build}
corpus=${SOURCECHECK_BBC:-$root/../shared/corpus/bbc}
bin=$build/sourcecheck
if [[ ! -d $corpus ]]; then
  echo "triage bench: $corpus not found: skipped"
  exit 0
fi
command -v hyperfine >/dev/null || { echo "triage bench: hyperfine is missing" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "triage bench: GNU time (/usr/bin/time) is missing (apt-get install time)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# JSONL streams from the corpus: article k of the stream is article k mod 2225.
python3 "$root/bench/make_streams.py" "$corpus" "$work" 25000 100000

rate() {  # docs, json -> docs/s of each command
  python3 - "$1" "$2" <<'PY'
import json, sys
n = int(sys.argv[1])
for r in json.load(open(sys.argv[2]))['results']:
    print(f"  {r['command'].split(' > ')[0]}: median {r['median']:.2f} s, {n / r['median']:.0f} docs/s")
PY
}

echo "== BBC files (2,225 documents)"
hyperfine -i -w 1 -r 5 --export-json "$work/files.json" \
  "$bin triage $corpus -j1 -q -f jsonl > $work/f1" "$bin triage $corpus -j2 -q -f jsonl > $work/f2" >/dev/null
rate 2225 "$work/files.json"
cmp -s "$work/f1" "$work/f2" && echo "  -j1 and -j2 outputs are byte-identical"

echo "== JSONL stream (100,000 documents)"
hyperfine -i -w 0 -r 3 --export-json "$work/stream.json" \
  "$bin triage - -j1 -q -f jsonl < $work/stream100000.jsonl > $work/s1" \
  "$bin triage - -j2 -q -f jsonl < $work/stream100000.jsonl > $work/s2" >/dev/null
rate 100000 "$work/stream.json"
cmp -s "$work/s1" "$work/s2" && echo "  -j1 and -j2 outputs are byte-identical"

echo "== peak memory (GNU time, maximum resident set size)"
for n in 25000 100000; do
  for j in 1 2; do
    kb=$( { /usr/bin/time -f '%M' "$bin" triage - -j$j -q -f jsonl < "$work/stream$n.jsonl" > /dev/null; } 2>&1 | tail -n 1)
    echo "  stream of $n documents, -j$j: $((kb / 1024)) MB"
  done
done
