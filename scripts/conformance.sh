#!/usr/bin/env bash
# Compares glose's bibliographies with pandoc --citeproc's, entry by entry, for every .bib of
# ../shared/corpus in APA, Chicago author-date, IEEE, MLA and ISO 690 (fr), from the same .bib and
# the same CSL file; then asks `biber --tool` about every .bib glose exports. For people, not CI.
# Usage: scripts/conformance.sh [CORPUS_FILE.bib...]   (from the repository root; GLOSE_BIN=path
# uses an already built glose, e.g. target/debug/glose; STYLES="apa ieee" keeps only those styles;
# SHOW=n prints n differing entries per file and style, each glose line beside pandoc's closest;
# KEEP=dir keeps both sides' entries per file and style there; REUSE=dir takes pandoc's side from
# such a kept dir instead of running pandoc again). At the end, the differing entries are sorted
# into the kinds docs/conformance.md explains (scripts/conformance_kinds.py).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared="$root/../shared"
if ! command -v biber >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends biber >/dev/null
fi
pandoc=$("$root/scripts/pandoc-3.sh")
if [ -z "${GLOSE_BIN:-}" ]; then
  cargo build --release --quiet --manifest-path "$root/Cargo.toml" --bin glose
fi
glose=$(realpath "${GLOSE_BIN:-"$root/target/release/glose"}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1 GLOSE_NOW=2026-01-01T00:00:00Z

styles="apa:en-US chicago-author-date:en-US ieee:en-US modern-language-association:en-US iso690-author-date-fr:fr-FR"
if [ -n "${STYLES:-}" ]; then
  wanted=""
  for pair in $styles; do
    case " $STYLES " in *" ${pair%%:*} "*) wanted="$wanted $pair" ;; esac
  done
  styles=$wanted
fi
if [ $# -gt 0 ]; then files=("$@"); else files=("$shared"/corpus/*.bib); fi

# Entries of a Markdown bibliography as plain text, one per line: through pandoc's own plain
# writer on both sides, whitespace collapsed, numeric labels ("[1]", "1.") dropped, sorted.
entries() {
  "$pandoc" -f markdown -t plain --wrap=none "$1" 2>/dev/null | python3 -c '
import re, sys
text = sys.stdin.read().replace("\u00a0", " ").replace("\u202f", " ")
for block in re.split(r"\n\s*\n", text):
    line = " ".join(block.split())
    line = re.sub(r"^(\[\d+\]|\d+\.)\s*", "", line)
    if line and line not in ("Refs", "Bibliography", "Bibliographie", "References", "Références", "Works Cited", "Ouvrages cités"):
        print(line)
' | tidy
}

# Entries without the entry divs pandoc's Markdown reader leaves as text when a key holds a
# character it does not take in an identifier (`::: {#ref-O’Hara_1999 .csl-entry} … :::`), in
# Unicode's composed form (pandoc writes `Í` as `I` and a combining accent), sorted.
tidy() {
  python3 -c '
import re, sys, unicodedata
for line in sys.stdin:
    line = re.sub(r"^::: \{#ref-[^}]*\} | :::$", "", line.rstrip("\n"))
    print(unicodedata.normalize("NFC", line))
' | sort
}

kept_dir=${KEEP:-$work/kept}
mkdir -p "$kept_dir"
printf '%-34s %-30s %8s %8s %8s\n' "file" "style" "glose" "pandoc" "same"
declare -A same_by_style total_by_style
for bib in "${files[@]}"; do
  name=$(basename "$bib" .bib)
  ws="$work/$name"
  "$glose" init "$ws" >/dev/null
  cp "$bib" "$ws/library/"
  for pair in $styles; do
    style=${pair%%:*}; locale=${pair#*:}
    csl="$shared/csl/styles/$style.csl"
    rm -f "$work/glose.md"
    (cd "$ws" && "$glose" export markdown --all --style "$csl" --locale "$locale" -o "$work/glose.md" 2>/dev/null) || true
    printf -- '---\nnocite: |\n  @*\nlang: %s\n---\n\n# Refs\n' "$locale" > "$work/doc.md"
    entries "$work/glose.md" > "$work/glose.txt"
    kept="${REUSE:-/nonexistent}/$name.$style.pandoc.txt"
    if [ -f "$kept" ]; then
      tidy < "$kept" > "$work/pandoc.txt"
    else
      timeout 600 "$pandoc" --citeproc --csl "$csl" --bibliography "$bib" -t markdown-citations "$work/doc.md" \
        -o "$work/pandoc.md" 2>/dev/null || : > "$work/pandoc.md"
      entries "$work/pandoc.md" > "$work/pandoc.txt"
    fi
    g=$(wc -l < "$work/glose.txt"); p=$(wc -l < "$work/pandoc.txt")
    s=$(comm -12 "$work/glose.txt" "$work/pandoc.txt" | wc -l)
    printf '%-34s %-30s %8d %8d %7d%%\n' "$name" "$style" "$g" "$p" "$(( p > 0 ? 100 * s / p : 0 ))"
    same_by_style[$style]=$(( ${same_by_style[$style]:-0} + s ))
    total_by_style[$style]=$(( ${total_by_style[$style]:-0} + p ))
    python3 - "$work/glose.txt" "$work/pandoc.txt" "${SHOW:-2}" <<'PAIRS'
import difflib, sys
glose, pandoc = (set(open(p).read().splitlines()) for p in sys.argv[1:3])
theirs = sorted(pandoc - glose)
for line in sorted(glose - pandoc)[: int(sys.argv[3])]:
    near = max(theirs, key=lambda t: difflib.SequenceMatcher(None, line[:80], t[:80]).ratio(), default="")
    print("    glose:  " + line[:200] + "\n    pandoc: " + near[:200])
PAIRS
    cp "$work/glose.txt" "$kept_dir/$name.$style.glose.txt"
    cp "$work/pandoc.txt" "$kept_dir/$name.$style.pandoc.txt"
  done
  (cd "$ws" && "$glose" export bibtex --all -o "$work/out.bib" 2>/dev/null) || true
  verdict=$(cd "$work" && biber --tool --quiet out.bib >/dev/null 2>&1 && echo accepted || grep -m1 ERROR out.bib.blg | cut -c1-120)
  echo "    biber --tool on glose's export: $verdict"
done

echo
echo "Identical entries per style (all files):"
for pair in $styles; do
  style=${pair%%:*}
  t=${total_by_style[$style]:-0}; s=${same_by_style[$style]:-0}
  printf '  %-30s %6d / %-6d %3d%%\n' "$style" "$s" "$t" "$(( t > 0 ? 100 * s / t : 0 ))"
done

echo
echo "Kinds of the differences (scripts/conformance_kinds.py; docs/conformance.md explains them):"
python3 "$root/scripts/conformance_kinds.py" "$kept_dir"
