#!/usr/bin/env bash
# Installs the build into a scratch prefix, then builds and runs a program
# that finds the package with find_package(sourcecheck).
#   tests/install/check.sh BUILD_DIR [FLAGS]
# FLAGS are given to the consumer's compiler and linker (a sanitizer build's
# library needs its runtime: -fsanitize=address,undefined).
set -euo pipefail
build=$1
flags=${2:-}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cmake --install "$build" --prefix "$work/prefix" >/dev/null
test -x "$work/prefix/bin/sourcecheck"
test -f "$work/prefix/share/sourcecheck/lexicons/hedges.yaml"
# The installed binary runs from anywhere: its lexicons are inside it.
(cd "$work" && "$work/prefix/bin/sourcecheck" lexicon check >/dev/null)
cmake -S "$here" -B "$work/consumer" -DCMAKE_PREFIX_PATH="$work/prefix" \
  -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS="$flags" >/dev/null
cmake --build "$work/consumer" >/dev/null
out=$("$work/consumer/consumer")
[[ $out == very_weak ]] || { echo "consumer printed '$out', expected very_weak" >&2; exit 1; }
echo "install ok: binary, headers, lexicons and find_package(sourcecheck)"
