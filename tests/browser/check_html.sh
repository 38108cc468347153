#!/usr/bin/env bash
# The HTML report in a real browser: headless Chromium loads a page holding
# several drafts (one full of markup that must stay text), and the DOM after
# the page's script ran must show that the script marked up every claim of
# the report and caught no error, with nothing logged to the console and
# nothing fetched. A screenshot of the example draft's page is kept as a
# build artifact.
#
#   tests/browser/check_html.sh SOURCECHECK_BINARY SOURCE_DIR ARTIFACT_DIR
#
# Exits 77 (CTest: skipped) when no Chromium is installed; scripts/dev
# installs Debian's chromium, so CI always runs it.
set -euo pipefail
bin=$1
src=$2
artifacts=$3

browser=""
for candidate in chromium chromium-browser google-chrome; do
  if command -v "$candidate" >/dev/null 2>&1; then
    browser=$candidate
    break
  fi
done
if [[ -z $browser ]]; then
  echo "SKIP: no Chromium to load the HTML report in (Debian: apt-get install chromium; scripts/dev installs it)"
  exit 77
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$artifacts"
cd "$src"
fail() {
  echo "FAIL: $*" >&2
  exit 1
}

# Headless, offline (every host name fails to resolve), a fresh profile.
chrome() {
  local profile=$1
  shift
  timeout 180 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --host-resolver-rules='MAP * ~NOTFOUND' --user-data-dir="$work/$profile" "$@"
}

drafts=(examples/draft.md tests/data/render/council.md tests/data/render/hostile.txt
        tests/data/render/suppressed.html)
"$bin" --no-settings --format html -o "$work/report.html" "${drafts[@]}" 2>/dev/null ||
  fail "sourcecheck --format html exited $?"
# The report's own count: one claim a line in the JSON reports, each with
# its "tier".
expected=$("$bin" --no-settings --format json "${drafts[@]}" 2>/dev/null | grep -c '^    {"id":.*"tier":"')
((expected > 0)) || fail "the JSON reports list no claims"

# Self-contained: nothing to fetch.
if grep -Eiq '<(link|img|iframe|object|embed)\b|\bsrc=|@import|url\(' "$work/report.html"; then
  fail "the page refers to an external resource"
fi

chrome dom --enable-logging=stderr --v=0 --dump-dom "file://$work/report.html" \
  >"$work/dom.html" 2>"$work/browser.log" || fail "chromium --dump-dom exited $?"
grep -q 'data-claims="'"$expected"'"' "$work/dom.html" || fail "the page does not say it holds $expected claims"
grep -q 'data-claims-rendered="'"$expected"'"' "$work/dom.html" ||
  fail "the page's script marked up $(grep -o 'data-claims-rendered="[0-9]*"' "$work/dom.html" || echo 'no') claims, not $expected"
grep -q 'data-script-errors="0"' "$work/dom.html" ||
  fail "the page's script reported errors: $(grep -o 'data-script-errors="[^"]*"' "$work/dom.html" || echo 'it did not run')"
if grep -q 'CONSOLE' "$work/browser.log"; then
  grep 'CONSOLE' "$work/browser.log" >&2
  fail "the page logged to the console"
fi

# A draft's markup stays text.
grep -q '&lt;script&gt;document.title=' "$work/dom.html" || fail "the <script> of hostile.txt is not shown as text"
[[ $(grep -o '<script' "$work/dom.html" | wc -l) -eq 1 ]] || fail "a <script> from a draft became an element"
grep -q '<title>Sourcing report: 4 drafts</title>' "$work/dom.html" || fail "the page title changed"
grep -q '&lt;b&gt;bold&lt;/b&gt;' "$work/dom.html" || fail "the <b> of hostile.txt is not shown as text"

# What an editor sees: the example draft's page.
"$bin" --no-settings --format html -o "$work/draft.html" examples/draft.md 2>/dev/null
chrome shot --screenshot="$artifacts/report.png" --window-size=1280,1600 "file://$work/draft.html" \
  >/dev/null 2>&1 || fail "chromium --screenshot exited $?"
[[ -s $artifacts/report.png ]] || fail "no screenshot at $artifacts/report.png"

echo "html report ok in $browser: $expected claims marked up, no script errors, nothing fetched;" \
  "screenshot $artifacts/report.png"
