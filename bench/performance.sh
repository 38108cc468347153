#!/usr/bin/env bash
# Regenerates docs/performance.md: sourcecheck against the yardsticks and the
# prose linters a user would pick instead, measured in one run on the same
# text (../shared/corpus/bbc concatenated, about 5 MB, and four times that).
#
#   bench/performance.sh [BUILD_DIR]        (default: build; needs a Release build)
#
# It installs what it measures against when missing: hyperfine and GNU time
# (Debian), proselint (Debian's python3-proselint, where it installs), and
# write-good, retext-intensify, unified and retext-english from npm into a
# scratch directory that is deleted afterwards.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-$root/build}
bin=$build/sourcecheck
corpus=${SOURCECHECK_BBC:-$root/../shared/corpus/bbc}
out=$root/docs/performance.md
[[ -d $corpus ]] || { echo "performance: $corpus not found: skipped"; exit 0; }
[[ -x $bin ]] || { echo "performance: $bin not built (cmake --build $build)" >&2; exit 2; }

apt_install() {
  local run=()
  [[ $(id -u) -eq 0 ]] || run=(sudo -n)
  DEBIAN_FRONTEND=noninteractive "${run[@]}" apt-get install -y -qq "$@" >/dev/null 2>&1
}
command -v hyperfine >/dev/null || apt_install hyperfine
[[ -x /usr/bin/time ]] || apt_install time
command -v proselint >/dev/null || apt_install python3-proselint || true

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
say() { printf '==> %s\n' "$*" >&2; }

say "preparing the text"
find "$corpus" -name '*.txt' ! -name README.TXT | LC_ALL=C sort | while read -r f; do cat "$f"; printf '\n\n'; done >"$work/bbc.txt"
for _ in 1 2 3 4; do cat "$work/bbc.txt"; done >"$work/bbc4.txt"
# The peers slow down faster than linearly with size: they are compared on a
# 200 KB slice (whole paragraphs), sourcecheck included.
head -c 200000 "$work/bbc.txt" | sed '$d' >"$work/slice.txt"
"$bin" lexicon list --phrases >"$work/phrases.txt"
size() { stat -c %s "$1"; }
mb() { python3 -c "print(f'{$1/1e6:.2f}')"; }
S5=$(size "$work/bbc.txt"); S20=$(size "$work/bbc4.txt"); SS=$(size "$work/slice.txt")
NPHRASES=$(wc -l <"$work/phrases.txt")

say "installing the npm linters into a scratch directory"
peers=1
(cd "$work" && npm init -y >/dev/null 2>&1 &&
  npm install --no-audit --no-fund --silent write-good@1 retext-intensify@7 retext-english@5 unified@11 vfile@6 >/dev/null 2>&1) || peers=0
cat >"$work/write-good.mjs" <<'JS'
import fs from 'node:fs';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const writeGood = require('write-good');
const text = fs.readFileSync(process.argv[2], 'utf8');
console.log(writeGood(text).length);
JS
# retext has no compiler here (nothing to write back): parse and run the
# plugins, and count the messages on the file.
cat >"$work/retext.mjs" <<'JS'
import fs from 'node:fs';
import { unified } from 'unified';
import { VFile } from 'vfile';
import retextEnglish from 'retext-english';
import retextIntensify from 'retext-intensify';
const text = fs.readFileSync(process.argv[2], 'utf8');
const processor = unified().use(retextEnglish).use(retextIntensify);
const file = new VFile(text);
await processor.run(processor.parse(file), file);
console.log(file.messages.length);
JS

# hyperfine median of one command, in seconds (11 runs unless RUNS says: with
# 5, a file-writing row moved by 60 ms between two runs of this script on the
# same build). grep stops at the first match
# when its output is /dev/null: every command writes to a file.
median() {  # name command...
  local name=$1
  shift
  hyperfine -i -N -w "${WARMUP:-1}" -r "${RUNS:-11}" --export-json "$work/$name.json" "$*" >/dev/null 2>&1 ||
    hyperfine -i -w "${WARMUP:-1}" -r "${RUNS:-11}" --export-json "$work/$name.json" "$*" >/dev/null 2>&1
  python3 -c "import json;print(json.load(open('$work/$name.json'))['results'][0]['median'])"
}
# Each run starts after `sync`: a run that writes a report leaves about 100 MB
# of dirty pages, and without it the kernel writes those to disk during the
# next run, on the same two cores, and that run pays for the one before.
shmedian() {  # name 'shell command' ['what to do before each run, besides sync']
  local name=$1
  hyperfine -i -w "${WARMUP:-1}" -r "${RUNS:-11}" --prepare "${3:-true}; sync" --export-json "$work/$name.json" "$2" >/dev/null 2>&1
  python3 -c "import json;print(json.load(open('$work/$name.json'))['results'][0]['median'])"
}
peak() {  # 'shell command' -> peak RSS in MB
  local kb
  kb=$( { /usr/bin/time -f '%M' bash -c "$1" >/dev/null; } 2>&1 | tail -n 1)
  python3 -c "print(f'{$kb/1024:.0f}')"
}

declare -A T M
run_all() {  # label file size
  local label=$1 file=$2
  say "sourcecheck and yardsticks on $label"
  T[json_$label]=$(shmedian json_$label "$bin --format json --replace-invalid-utf8 --max-bytes 100000000 $file > $work/o.json")
  # The same into a file that does not exist yet, as a first run writes it:
  # the previous run's report is removed before the timing starts, so the
  # shell's truncation of 100 MB of it is not in the timed command.
  T[jsonnew_$label]=$(shmedian jsonnew_$label "$bin --format json --replace-invalid-utf8 --max-bytes 100000000 $file > $work/n.json" "rm -f $work/n.json")
  M[json_$label]=$(peak "$bin --format json --replace-invalid-utf8 --max-bytes 100000000 $file > $work/o.json")
  # The same with the report thrown away: all of sourcecheck's work (the
  # report is made and written, a write call per 256 KB), none of the file
  # system's storing its bytes (the report is 5 times the text's size).
  T[jsonnull_$label]=$(shmedian jsonnull_$label "$bin --format json --replace-invalid-utf8 --max-bytes 100000000 $file > /dev/null")
  T[grepc_$label]=$(shmedian grepc_$label "LC_ALL=C grep -c -i -F -f $work/phrases.txt $file > $work/o.grep")
  T[grepu_$label]=$(shmedian grepu_$label "LC_ALL=C.UTF-8 grep -c -i -F -f $work/phrases.txt $file > $work/o.grep")
  T[wc_$label]=$(shmedian wc_$label "wc -w $file > $work/o.wc")
}
run_all 5mb "$work/bbc.txt"
run_all 20mb "$work/bbc4.txt"
REPORT20=$(size "$work/o.json")

say "triage -j1 and -j2 on the BBC files"
T[tri1]=$(shmedian tri1 "$bin triage $corpus -j1 -q -f jsonl > $work/o.tri")
T[tri2]=$(shmedian tri2 "$bin triage $corpus -j2 -q -f jsonl > $work/o.tri")
M[tri1]=$(peak "$bin triage $corpus -j1 -q -f jsonl > $work/o.tri")
M[tri2]=$(peak "$bin triage $corpus -j2 -q -f jsonl > $work/o.tri")

say "triage of JSONL streams of 25,000 and 100,000 documents"
python3 "$root/bench/make_streams.py" "$corpus" "$work" 25000 100000 >/dev/null
T[s1]=$(RUNS=2 WARMUP=0 shmedian s1 "$bin triage - -j1 -q -f jsonl < $work/stream100000.jsonl > $work/o.tri")
T[s2]=$(RUNS=2 WARMUP=0 shmedian s2 "$bin triage - -j2 -q -f jsonl < $work/stream100000.jsonl > $work/o.tri")
M[s25]=$(peak "$bin triage - -j2 -q -f jsonl < $work/stream25000.jsonl > $work/o.tri")
M[s100]=$(peak "$bin triage - -j2 -q -f jsonl < $work/stream100000.jsonl > $work/o.tri")

say "start-up on a one-paragraph draft"
printf 'The mayor, Ann Dale, said the bridge would reopen on Monday, according to a statement.\n' >"$work/para.txt"
T[para]=$(RUNS=50 WARMUP=5 median para "$bin $work/para.txt")

say "the peers on the same 5 MB text (one run each: minutes)"
# write-good and retext-intensify read the whole 5 MB text, as sourcecheck
# did above; proselint needs about 3 minutes per MB, so it reads the 200 KB
# slice, and sourcecheck is timed on that slice too.
T[slice]=$(shmedian slice "$bin --format json --replace-invalid-utf8 $work/slice.txt > $work/o.json")
M[slice]=$(peak "$bin --format json --replace-invalid-utf8 $work/slice.txt > $work/o.json")
# A linter's exit status counts its findings (proselint exits 1, the
# write-good CLI with the number of suggestions), so any status is a run,
# except timeout's 124 and a command that could not start; the run must
# also have written something.
once() {  # name 'shell command' output: one run; T[name] seconds and M[name] peak MB, unset when it failed
  local rc=0
  rm -f "$3"
  /usr/bin/time -o "$work/$1.time" -f '%e %M' timeout "${PEER_TIMEOUT:-1200}" bash -c "$2" >/dev/null 2>&1 || rc=$?
  if ((rc != 124 && rc != 126 && rc != 127)) && [[ -s $3 ]]; then
    read -r secs kb < <(tail -n 1 "$work/$1.time")
    T[$1]=$secs
    M[$1]=$(python3 -c "print(f'{$kb/1024:.0f}')")
  fi
}
if ((peers)); then
  say "write-good on 5 MB: its command line, then its library function"
  once wgcli "$work/node_modules/.bin/write-good $work/bbc.txt > $work/o.wgcli" "$work/o.wgcli"
  once wg "node $work/write-good.mjs $work/bbc.txt > $work/o.wg" "$work/o.wg"
  say "retext-intensify on 5 MB"
  once rt "node $work/retext.mjs $work/bbc.txt > $work/o.rt" "$work/o.rt"
fi
if command -v proselint >/dev/null; then
  say "proselint on the 200 KB slice"
  # proselint keeps the results of every text it has checked in a cache
  # under XDG_CACHE_HOME and answers a second run from it: a fresh one.
  mkdir -p "$work/proselint-cache"
  once pl "XDG_CACHE_HOME=$work/proselint-cache proselint $work/slice.txt > $work/o.pl" "$work/o.pl"
fi

say "stage benchmarks (Google Benchmark)"
stages=""
if [[ -x $build/bench/text_bench && -x $build/bench/lexicon_bench ]]; then
  "$build/bench/lexicon_bench" --benchmark_format=json >"$work/lexicon_bench.json" 2>/dev/null || true
  SOURCECHECK_BBC=$corpus "$build/bench/text_bench" --benchmark_format=json --benchmark_min_time=0.5 \
    --benchmark_repetitions=3 --benchmark_report_aggregates_only=true >"$work/text_bench.json" 2>/dev/null || true
  stages=$(python3 - "$work/lexicon_bench.json" "$work/text_bench.json" <<'PY'
import json, sys
rows = []
for path in sys.argv[1:]:
    try:
        data = json.load(open(path))
    except Exception:
        continue
    for b in data.get("benchmarks", []):
        name = b.get("run_name", b["name"])
        if b.get("aggregate_name") not in (None, "median"):
            continue
        unit = {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1e3}[b.get("time_unit", "ns")]
        cpu = b["cpu_time"] * unit
        rate = b.get("bytes_per_second")
        rows.append(f"| `{name}` | {cpu:.2f} ms | " + (f"{rate/1e6:.0f} MB/s" if rate else "-") + " |")
print("\n".join(rows))
PY
)
fi

# How far the 4x-grep bar is: the stages that every full analysis runs
# whatever it finds (tokenizing, phrase matching, writing the JSON), from
# the stage benchmarks on the 5 MB text, scaled to the 20 MB one.
floor=""
if [[ -s $work/text_bench.json ]]; then
  floor=$(python3 - "$work/text_bench.json" "$S5" "$S20" "${T[grepc_20mb]}" <<'PY'
import json, sys
data = json.load(open(sys.argv[1]))
s5, s20, grep = float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
ms = {}
for b in data.get("benchmarks", []):
    if b.get("aggregate_name") not in (None, "median"):
        continue
    unit = {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1e3}[b.get("time_unit", "ns")]
    ms[b.get("run_name", b["name"])] = b["cpu_time"] * unit * s20 / s5
need = ("BM_Tokenize", "BM_Segment", "BM_SegmentAndMatch", "BM_WriteJson")
if all(k in ms for k in need):
    tok, match, write = ms["BM_Tokenize"], ms["BM_SegmentAndMatch"] - ms["BM_Segment"], ms["BM_WriteJson"]
    print(f"Tokenizing ({tok:.1f} ms), phrase matching ({match:.1f} ms) and writing the JSON ({write:.1f} ms) alone "
          f"take {tok + match + write:.1f} ms on the 20 MB text (the stage benchmarks below, scaled), against the "
          f"{4 * grep * 1000:.1f} ms that 4× grep's time allows, before segmenting, attributing and scoring.")
PY
)
fi

rate() { python3 -c "v = $1/$2/1e6; print(f'{v:.1f}' if v >= 1 else f'{v:.3f}')"; }   # bytes seconds -> MB/s
ratio() { python3 -c "print(f'{$1/$2:.1f}')"; }
ms() { python3 -c "print(f'{$1*1000:.1f}')"; }
row() {  # label seconds bytes [mem]
  echo "| $1 | $(ms "$2") ms | $(rate "$3" "$2") MB/s | ${4:--} |"
}

cpu=$(lscpu | sed -n 's/^Model name: *//p' | head -n 1)
{
  echo "# Performance"
  echo
  echo "Generated by \`bench/performance.sh\` on $(date -u +%Y-%m-%d) — $cpu, $(nproc) cores,"
  echo "$(free -g | awk '/Mem:/{print $2}') GB; sourcecheck $("$bin" --version | cut -d' ' -f2), Release build."
  echo "Every figure is the median of 11 runs (hyperfine; the start-up's of 50, the streams' of 2) measured in this one run of the"
  echo "script, on the same text: the 2,225 BBC articles concatenated ($(mb "$S5") MB) and that"
  echo "text four times ($(mb "$S20") MB). Peak memory is GNU time's maximum resident set size."
  echo "The machine is shared and noisy: read the ratios, which come from one run. Each timed run"
  echo "starts after \`sync\`, so that the kernel is not still storing the previous run's report."
  echo
  echo "## Full analysis against the yardsticks"
  echo
  echo "| command | 5 MB | | 20 MB | | peak memory (20 MB) |"
  echo "|---|---|---|---|---|---|"
  for k in json jsonnew jsonnull grepc grepu wc; do
    case $k in
      json) name="\`sourcecheck --format json > report.json\` (full analysis, one core, over the previous run's report)" ;;
      jsonnew) name="\`sourcecheck --format json > new.json\` (the same, into a new file)" ;;
      jsonnull) name="\`sourcecheck --format json > /dev/null\` (the same, report not stored)" ;;
      grepc) name="\`LC_ALL=C grep -c -i -F -f\` ($NPHRASES phrases of our lexicons, bytes only)" ;;
      grepu) name="\`LC_ALL=C.UTF-8 grep -c -i -F -f\` (the same, UTF-8 aware)" ;;
      wc) name="\`wc -w\`" ;;
    esac
    echo "| $name | $(ms "${T[${k}_5mb]}") ms | $(rate "$S5" "${T[${k}_5mb]}") MB/s | $(ms "${T[${k}_20mb]}") ms | $(rate "$S20" "${T[${k}_20mb]}") MB/s | ${M[${k}_20mb]:--}${M[${k}_20mb]:+ MB} |"
  done
  echo
  echo "Ratios on 20 MB: full analysis takes $(ratio "${T[json_20mb]}" "${T[grepc_20mb]}")× the time of \`grep -c -i -F -f\` in the C locale"
  echo "and $(ratio "${T[json_20mb]}" "${T[grepu_20mb]}")× its time in the UTF-8 locale; $(ratio "${T[json_20mb]}" "${T[wc_20mb]}")× the time of \`wc -w\`."
  echo "grep only finds phrases (and, counting lines, stops at a line's first match); sourcecheck"
  echo "also segments sentences, attributes every claim, scores it and writes a JSON report of"
  echo "$(python3 -c "print(f'{$REPORT20/1e6:.0f}')") MB for the 20 MB text. Storing those bytes in a new file is the difference between the"
  echo "second and third rows: $(ms "$(python3 -c "print(${T[jsonnew_20mb]}-${T[jsonnull_20mb]})")") ms on 20 MB, most of it the kernel's (page cache) time. A report"
  echo "expected over 8 MiB gets its file space reserved in one call before it is written (see"
  echo "\`ReportSpace\` in src/cli/common.hpp). Writing over the previous run's report (the first row)"
  echo "costs $(ms "$(python3 -c "print(${T[json_20mb]}-${T[jsonnew_20mb]})")") ms more: the shell truncates the old 100 MB file before sourcecheck starts,"
  echo "and that is in the timed command, as it is for a user who writes over a report."
  echo "For input of 1 MB or more the run takes its memory in huge pages, 2 MiB a page fault"
  echo "(\`AdviseHugeHeap\` in src/cli/common.hpp): on the 5 MB text, about 900 page faults instead"
  echo "of 5,400, where the system's Transparent Huge Pages are \`madvise\` or \`always\`."
  if [[ -n $floor ]]; then
    echo
    echo "$floor"
  fi
  echo
  echo "## Triage"
  echo
  echo "| command | time | documents/s | peak memory |"
  echo "|---|---|---|---|"
  echo "| \`sourcecheck triage bbc/ -j1\` (2,225 files) | $(ms "${T[tri1]}") ms | $(python3 -c "print(f'{2225/${T[tri1]}:.0f}')") | ${M[tri1]} MB |"
  echo "| \`sourcecheck triage bbc/ -j2\` | $(ms "${T[tri2]}") ms | $(python3 -c "print(f'{2225/${T[tri2]}:.0f}')") | ${M[tri2]} MB |"
  echo "| \`sourcecheck triage - -j1\` (a JSONL stream of 100,000 documents, the articles repeated) | $(ms "${T[s1]}") ms | $(python3 -c "print(f'{100000/${T[s1]}:.0f}')") | |"
  echo "| \`sourcecheck triage - -j2\` (the same stream) | $(ms "${T[s2]}") ms | $(python3 -c "print(f'{100000/${T[s2]}:.0f}')") | ${M[s100]} MB |"
  echo
  echo "Peak memory does not grow with the stream: ${M[s25]} MB for 25,000 documents, ${M[s100]} MB for"
  echo "100,000 (-j2). Stream output is in input order; -j1 and -j2 write the same bytes."
  echo
  echo "## Start-up"
  echo
  echo "\`sourcecheck draft.txt\` on a one-paragraph draft, lexicons included: $(ms "${T[para]}") ms wall (median of 50)."
  echo "The build validates the lexicons and compiles them into the binary with their phrases' tokens"
  echo "and the scoring model, so start-up parses no YAML and takes most phrases' tokens as built; the program"
  echo "links yaml-cpp, Boost.Regex and the C++ runtime statically (\`SOURCECHECK_STATIC_DEPS\`), so the"
  echo "dynamic loader maps and binds no library but libc's."
  echo
  echo "## The prose linters a user would pick instead"
  echo
  echo "write-good and retext-intensify read the same $(mb "$S5") MB text as above, whole, once each"
  echo "(they take minutes); sourcecheck's time is its median from the first table. proselint needs"
  echo "minutes per megabyte, so it and sourcecheck read a $(mb "$SS") MB slice of that text (whole"
  echo "paragraphs)."
  echo
  echo "| command | input | time | throughput | peak memory | sourcecheck is faster by |"
  echo "|---|---|---|---|---|---|"
  echo "| \`sourcecheck --format json\` | $(mb "$S5") MB | $(ms "${T[json_5mb]}") ms | $(rate "$S5" "${T[json_5mb]}") MB/s | ${M[json_5mb]} MB | |"
  if ((peers)) && [[ -n ${T[wgcli]:-} ]]; then
    echo "| \`write-good bbc.txt\` (write-good 1, npm: its command line, as a user runs it) | $(mb "$S5") MB | $(ms "${T[wgcli]}") ms | $(rate "$S5" "${T[wgcli]}") MB/s | ${M[wgcli]} MB | $(ratio "${T[wgcli]}" "${T[json_5mb]}")× |"
  else
    echo "| write-good command line | not measured (npm install failed or over ${PEER_TIMEOUT:-1200} s) | | | | |"
  fi
  if ((peers)) && [[ -n ${T[wg]:-} ]]; then
    echo "| \`writeGood(text)\` (its library function alone, counting suggestions) | $(mb "$S5") MB | $(ms "${T[wg]}") ms | $(rate "$S5" "${T[wg]}") MB/s | ${M[wg]} MB | $(ratio "${T[wg]}" "${T[json_5mb]}")× |"
  else
    echo "| write-good library | not measured (npm install failed or over ${PEER_TIMEOUT:-1200} s) | | | | |"
  fi
  if ((peers)) && [[ -n ${T[rt]:-} ]]; then
    echo "| retext-intensify 7 through unified and retext-english (npm) | $(mb "$S5") MB | $(ms "${T[rt]}") ms | $(rate "$S5" "${T[rt]}") MB/s | ${M[rt]} MB | $(ratio "${T[rt]}" "${T[json_5mb]}")× |"
  else
    echo "| retext-intensify | not measured (npm install failed or over ${PEER_TIMEOUT:-1200} s) | | | | |"
  fi
  echo "| \`sourcecheck --format json\` | $(mb "$SS") MB | $(ms "${T[slice]}") ms | $(rate "$SS" "${T[slice]}") MB/s | ${M[slice]} MB | |"
  if [[ -n ${T[pl]:-} ]]; then
    echo "| proselint (Debian) | $(mb "$SS") MB | $(ms "${T[pl]}") ms | $(rate "$SS" "${T[pl]}") MB/s | ${M[pl]} MB | $(ratio "${T[pl]}" "${T[slice]}")× |"
  else
    echo "| proselint | not measured: not installable here | | | | |"
  fi
  echo
  echo "The peers' times include starting Node.js or Python, sourcecheck's its own start-up."
  echo "write-good's command line spends most of its time printing each suggestion in its"
  echo "context; its library function alone is the fairest floor for it. sourcecheck's report"
  echo "holds far more (every claim, its source, kind, relay, score and reasons) than either."
  echo
  echo "## Against the targets"
  echo
  echo "| target | measured here | met |"
  echo "|---|---|---|"
  yes_no() { python3 -c "print('yes' if $1 else 'no')"; }
  echo "| full analysis ≥ 50 MB/s (20 MB, one core, report to a file) | $(rate "$S20" "${T[json_20mb]}") MB/s | $(yes_no "$S20/${T[json_20mb]}/1e6 >= 50") |"
  echo "| full analysis ≥ 50 MB/s (20 MB, one core, report to a new file) | $(rate "$S20" "${T[jsonnew_20mb]}") MB/s | $(yes_no "$S20/${T[jsonnew_20mb]}/1e6 >= 50") |"
  echo "| full analysis ≥ 50 MB/s (20 MB, one core, report to /dev/null) | $(rate "$S20" "${T[jsonnull_20mb]}") MB/s | $(yes_no "$S20/${T[jsonnull_20mb]}/1e6 >= 50") |"
  echo "| full analysis ≥ 50 MB/s (5 MB, one core, report to a file / to /dev/null) | $(rate "$S5" "${T[json_5mb]}") / $(rate "$S5" "${T[jsonnull_5mb]}") MB/s | $(yes_no "$S5/${T[json_5mb]}/1e6 >= 50") / $(yes_no "$S5/${T[jsonnull_5mb]}/1e6 >= 50") |"
  echo "| full analysis ≤ 4× \`grep -c -i -F -f\` (C locale, 20 MB) | $(ratio "${T[json_20mb]}" "${T[grepc_20mb]}")× | $(yes_no "${T[json_20mb]}/${T[grepc_20mb]} <= 4") |"
  echo "| full analysis ≤ 4× \`grep -c -i -F -f\` (UTF-8 locale, 20 MB) | $(ratio "${T[json_20mb]}" "${T[grepu_20mb]}")× | $(yes_no "${T[json_20mb]}/${T[grepu_20mb]} <= 4") |"
  if [[ -n ${T[wgcli]:-} && -n ${T[wg]:-} ]]; then
    echo "| ≥ 100× faster than write-good (5 MB) | $(ratio "${T[wgcli]}" "${T[json_5mb]}")× its command line, $(ratio "${T[wg]}" "${T[json_5mb]}")× its library function | $(yes_no "${T[wgcli]}/${T[json_5mb]} >= 100") (command line), $(yes_no "${T[wg]}/${T[json_5mb]} >= 100") (library) |"
  fi
  if [[ -n ${T[rt]:-} ]]; then
    echo "| ≥ 100× faster than retext-intensify (5 MB) | $(ratio "${T[rt]}" "${T[json_5mb]}")× | $(yes_no "${T[rt]}/${T[json_5mb]} >= 100") |"
  fi
  echo "| peak memory < 64 MB for 20 MB | ${M[json_20mb]} MB | $(yes_no "${M[json_20mb]} < 64") |"
  echo "| triage memory flat in the stream's length | ${M[s25]} MB (25,000), ${M[s100]} MB (100,000) | $(yes_no "${M[s100]} <= ${M[s25]} + 2") |"
  echo "| start-up on a one-paragraph draft < 15 ms | $(ms "${T[para]}") ms | $(yes_no "${T[para]} < 0.015") |"
  echo
  echo "## Stages"
  echo
  echo "Google Benchmark programs in \`bench/\` (CPU time, median of 3; the text stages on the"
  echo "$(mb "$S5") MB text, the later ones on the sections the full analysis cuts it into)."
  echo
  if [[ -n $stages ]]; then
    echo "| benchmark | CPU time | throughput |"
    echo "|---|---|---|"
    echo "$stages"
  else
    echo "Not measured: build \`bench/\` (cmake --build $build) first."
  fi
} >"$out"
say "wrote $out"
cat "$out"
