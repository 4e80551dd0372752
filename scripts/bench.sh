#!/usr/bin/env bash
# Whole-program figures for glose: median wall time and peak memory of real commands on a
# generated workspace (1,000 sources, 100,000 annotations, 100,000 references), and, when
# Python's bibtexparser 2 can be installed in a local venv, the same .bib loaded by it.
# Usage: scripts/bench.sh [RUNS]   (default 5 runs per command; from the repository root)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-5}
cargo build --release --quiet --manifest-path "$root/Cargo.toml" --bin glose --example generate
glose="$root/target/release/glose"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1

"$root/target/release/examples/generate" "$work/ws" 1000 100000 100000 1
git -C "$work/ws" init -q -b main
git -C "$work/ws" -c user.name=bench -c user.email=bench@example.org add -A
git -C "$work/ws" -c user.name=bench -c user.email=bench@example.org commit -q -m "generated"

# Prints "median seconds, median peak KiB" over $runs runs of the command.
measure() {
  local label=$1; shift
  local times=() mems=()
  for _ in $(seq "$runs"); do
    local out
    /usr/bin/time -o "$work/time" -f "%e %M" "$@" >/dev/null 2>&1 || true
    out=$(tail -n 1 "$work/time")
    times+=("${out% *}"); mems+=("${out#* }")
  done
  local t m
  t=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  m=$(printf '%s\n' "${mems[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  printf '%-48s %8s s %10s KiB\n' "$label" "$t" "$m"
}

cd "$work/ws"
measure "glose refs (100,000 entries)" "$glose" refs
measure "glose claims --json (100,000 annotations)" "$glose" claims --json
measure "glose check" "$glose" check
quote=$(sed -n 1p library/sources/source-00000.txt | cut -d' ' -f1-6)
measure "glose annotate + commit (source of 100 notes)" \
  "$glose" --author "Bench <bench@example.org>" annotate source-00000 --quote "$quote" --occurrence 1

venv="$root/target/bench-venv"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv" && "$venv/bin/pip" install --quiet "bibtexparser>=2.0.0b1" || true
fi
if "$venv/bin/python" -c "import bibtexparser" 2>/dev/null; then
  measure "peer: python bibtexparser 2 parse_file (same .bib)" \
    "$venv/bin/python" -c "import bibtexparser,sys; print(len(bibtexparser.parse_file('library/references.bib').entries))"
else
  echo "peer: bibtexparser 2 could not be installed; skipped"
fi
