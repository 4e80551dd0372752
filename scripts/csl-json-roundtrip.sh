#!/usr/bin/env bash
# Checks glose's CSL-JSON against pandoc 3.9, for people, not CI: for each .bib given (at most a
# few hundred entries each: split bigger ones with FIRST=n / SKIP=n), (1) the share of title-like
# fields equal to those of `pandoc -f biblatex -t csljson` (also once glose's nocase spans, which
# pandoc drops, are dropped), and (2) per style, the share of
# bibliography entries pandoc --citeproc formats the same from glose's CSL-JSON as from the .bib.
# Usage: PANDOC=path GLOSE_BIN=path [STYLES="apa chicago-author-date"] [FIRST=n] [SKIP=n] [KEEP=dir]
#        scripts/csl-json-roundtrip.sh FILE.bib...
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared="$root/../shared"
pandoc=${PANDOC:?set PANDOC to a pandoc 3.9 binary}
glose=$(realpath "${GLOSE_BIN:?set GLOSE_BIN to a built glose}")
styles=${STYLES:-"apa chicago-author-date"}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1 GLOSE_NOW=2026-01-01T00:00:00Z

# The @string, @preamble and @comment blocks of a .bib and entries SKIP+1 to SKIP+FIRST.
slice() {
  python3 - "$1" "${SKIP:-0}" "${FIRST:-100000}" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8", errors="replace").read()
skip, first = int(sys.argv[2]), int(sys.argv[3])
blocks = re.split(r"(?m)^(?=@)", text)
n = 0
for block in blocks:
    kind = re.match(r"@\s*(\w+)", block)
    if not kind:
        continue
    if kind.group(1).lower() in ("string", "preamble", "comment"):
        sys.stdout.write(block)
        continue
    n += 1
    if skip < n <= skip + first:
        sys.stdout.write(block)
PY
}

entries() {
  "$pandoc" -t plain --wrap=none "$@" 2>/dev/null | python3 -c '
import re, sys
text = sys.stdin.read().replace("\u00a0", " ").replace("\u202f", " ")
for block in re.split(r"\n\s*\n", text):
    line = " ".join(block.split())
    line = re.sub(r"^(\[\d+\]|\d+\.)\s*", "", line)
    if line:
        print(line)
' | sort
}

printf -- '---\nnocite: |\n  @*\n---\n' > "$work/d.md"
for bib in "$@"; do
  name=$(basename "$bib" .bib)
  ws="$work/$name"
  "$glose" init "$ws" >/dev/null
  slice "$bib" > "$ws/library/$name.bib"
  (cd "$ws" && "$glose" export csl-json --all -o "$work/glose.json" 2>/dev/null)
  "$pandoc" -f biblatex -t csljson "$ws/library/$name.bib" > "$work/pandoc.json" 2>/dev/null
  python3 - "$work/glose.json" "$work/pandoc.json" "$name" "${KEEP:-}" <<'PY'
import json, re, sys
nocase = re.compile(r'<span class="nocase">((?:(?!</span>).)*)</span>')
glose = {i["id"]: i for i in json.load(open(sys.argv[1]))}
pandoc = {i["id"]: i for i in json.load(open(sys.argv[2]))}
fields = ["title", "title-short", "container-title", "collection-title", "publisher", "note",
          "event-title"]
same = loose = total = 0
diffs = []
for key, p in pandoc.items():
    g = glose.get(key, {})
    for f in fields:
        pv = p.get("event" if f == "event-title" else f)
        if pv is None:
            continue
        total += 1
        gv = g.get(f)
        same += gv == pv
        if isinstance(gv, str) and nocase.sub(r"\1", gv) == pv:
            loose += 1
        else:
            diffs.append(f"{key}\t{f}\n  glose:  {gv}\n  pandoc: {pv}")
print(f"{sys.argv[3]:34} fields {same}/{total} = {100 * same // max(total, 1)}% identical, "
      f"{loose} = {100 * loose // max(total, 1)}% once nocase spans are dropped")
if sys.argv[4]:
    open(f"{sys.argv[4]}/{sys.argv[3]}.fields.txt", "w").write("\n".join(diffs) + "\n")
PY
  for style in $styles; do
    csl="$shared/csl/styles/$style.csl"
    entries --citeproc --csl "$csl" --bibliography "$ws/library/$name.bib" "$work/d.md" > "$work/bib.txt"
    entries --citeproc --csl "$csl" --bibliography "$work/glose.json" "$work/d.md" > "$work/json.txt"
    b=$(wc -l < "$work/bib.txt"); s=$(comm -12 "$work/bib.txt" "$work/json.txt" | wc -l)
    printf '%-34s %-24s %5d entries %5d same = %d%%\n' "$name" "$style" "$b" "$s" "$(( b > 0 ? 100 * s / b : 0 ))"
    if [ -n "${KEEP:-}" ]; then
      cp "$work/bib.txt" "$KEEP/$name.$style.bib.txt"
      cp "$work/json.txt" "$KEEP/$name.$style.json.txt"
    fi
  done
done
