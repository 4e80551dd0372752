#!/usr/bin/env bash
# Formats the same generated library (default 10,000 entries) as a Markdown bibliography in APA with
# glose and with `pandoc --citeproc`, side by side, and prints median wall and CPU seconds of each
# and their ratios. glose renders on every core, pandoc on one: wall time is what a user waits,
# CPU time the steadier figure on a shared machine.
# Usage: scripts/bench-export.sh [ENTRIES] [RUNS]   (from the repository root). The pandoc is
# pandoc 3.9 (scripts/pandoc-3.sh fetches it once from PyPI; PANDOC=path chooses another).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
entries=${1:-10000}
runs=${2:-3}
pandoc=$("$root/scripts/pandoc-3.sh")
csl="$root/../shared/csl/styles/apa.csl"
[ -f "$csl" ] || { echo "$csl is missing: the CSL styles live in ../shared/csl"; exit 1; }
cargo build --release --quiet --manifest-path "$root/Cargo.toml" --bin glose --example generate
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1

"$root/target/release/examples/generate" "$work/ws" 1 0 "$entries" 1 >/dev/null
printf -- '---\nnocite: |\n  @*\n---\n\n# References\n' > "$work/doc.md"

# Prints "median wall seconds, median CPU seconds" over $runs runs of the command.
measure() {
  local walls=() cpus=()
  for _ in $(seq "$runs"); do
    /usr/bin/time -o "$work/time" -f "%e %U %S" "$@" >/dev/null 2>&1
    read -r wall user sys < "$work/time"
    walls+=("$wall"); cpus+=("$(echo "$user + $sys" | bc)")
  done
  median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
  echo "$(median "${walls[@]}") $(median "${cpus[@]}")"
}

cd "$work/ws"
read -r glose_wall glose_cpu < <(measure "$root/target/release/glose" export markdown --all --style "$csl" --locale en-US -o "$work/glose.md")
read -r pandoc_wall pandoc_cpu < <(measure "$pandoc" --citeproc --csl "$csl" --bibliography library/references.bib "$work/doc.md" -t markdown -o "$work/pandoc.md")
printf '%-40s %8s s wall %8s s CPU\n' "glose export markdown (APA, $entries)" "$glose_wall" "$glose_cpu"
printf '%-40s %8s s wall %8s s CPU\n' "pandoc $("$pandoc" --version | head -1 | cut -d' ' -f2) --citeproc (APA, $entries)" "$pandoc_wall" "$pandoc_cpu"
echo "glose is $(echo "scale=1; $pandoc_wall / $glose_wall" | bc)x faster in wall time, $(echo "scale=1; $pandoc_cpu / $glose_cpu" | bc)x in CPU time"
