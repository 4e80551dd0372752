#!/usr/bin/env python3
"""Sorts the entries glose and pandoc print differently into known kinds, per style.

Reads a directory kept by `KEEP=dir scripts/conformance.sh` (FILE.STYLE.glose.txt and
FILE.STYLE.pandoc.txt, one entry per line), pairs each entry only glose printed with pandoc's
closest one, and names what tells them apart when it is a kind docs/conformance.md explains,
with the side that is right. Usage: scripts/conformance_kinds.py DIR
"""
import collections
import difflib
import pathlib
import re
import sys

# Words CSL 1.0.2 keeps in lower case in title case that citeproc, on CSL 1.0.1's list, capitalises.
NEW_STOP_WORDS = set(
    "according across afore after against ahead along alongside amid amidst among amongst anenst "
    "apart apropos apud around aside astride athwart atop barring before behind below beneath "
    "beside besides between beyond circa despite during except forenenst given inside lest like "
    "modulo near next notwithstanding off out per plus pro qua sans since than through thru "
    "throughout thruout toward towards under underneath until unto upon versus vs worth within "
    "without".split()
)
# French words and letters that tell a French title, which glose keeps in sentence case where an
# English style title-cases English ones (Chicago 8.166, CSL's `text-case="title"`).
FRENCH_WORDS = set("à au aux d’ dans de des du en et l’ la le les par pour sur un une".split())
FRENCH_LETTERS = set("éèêàçùâîôû")
FRENCH_SPACE = re.compile("[ \u00a0\u202f]+(?=[:;?!»])|(?<=«)[ \u00a0\u202f]+")

# (kind, side that is right), in the order they are tried.
KINDS = [
    ("French no-break spaces (`Titre : sous-titre`), which the issue asks for", "glose"),
    ("space before raw TeX that pandoc drops (`using \\TUB.`, `“{\\MF} 3.0`)", "pandoc wrong"),
    ("`{\\'\\i}` printed `ı́`", "pandoc wrong"),
    ("`month = may` dropped", "pandoc wrong"),
    ("CSL 1.0.2 stop words (`between`, `under`) capitalised", "glose"),
    ("a French title kept in sentence case, which pandoc title-cases", "glose"),
    ("other case differences (single capitals, some of glose's)", "mixed"),
    ("institution split at `and` (`Standards; Technology`)", "pandoc wrong"),
    ("a hyphen in a volume or number made a range dash (`J70–D`)", "pandoc wrong"),
    ("TeX's `--` printed as written, not as a dash (`1982--1983`)", "pandoc wrong"),
    ("`and` inside a series title translated (`Literature et Thought`)", "pandoc wrong"),
    ("a period put inside the closing quote a title ends with (`“TeX does windows.”`)", "glose"),
    ("a crossref'd part whose book title pandoc drops (and gives it the book's DOI)", "pandoc wrong"),
    ("other", "unsettled"),
]


def kind_of(glose: str, pandoc: str) -> int:
    """The index in KINDS of what separates `glose` from `pandoc`."""
    if FRENCH_SPACE.sub("", glose) == FRENCH_SPACE.sub("", pandoc):
        return 0
    ops = [
        (tag, glose[i1:i2], pandoc[j1:j2], glose[max(0, i1 - 1) : i2 + 1])
        for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(
            None, glose, pandoc, autojunk=False
        ).get_opcodes()
        if tag != "equal"
    ]
    if all(raw_tex_gap(op) for op in ops):
        return 1
    if all("ı" in theirs for _, _, theirs, _ in ops):
        return 2
    if all(tag == "delete" and ours.strip() in ("mai", "May") for tag, ours, _, _ in ops):
        return 3
    if glose.lower() == pandoc.lower():
        ours, theirs = glose.split(), pandoc.split()
        changed = [(a, b) for a, b in zip(ours, theirs) if a != b]
        stop = lambda a: a.lower().strip("“”‘’,.:;()").split("-")[0] in NEW_STOP_WORDS
        if changed and all(stop(a) for a, _ in changed):
            return 4
        lowered = [a.lower().strip("“”‘’,.:;()") for a, b in changed if a != b and a[:1].islower()]
        french = any(w in FRENCH_WORDS or FRENCH_LETTERS & set(w) for w in lowered)
        return 5 if len(lowered) > 1 and french else 6
    if all(theirs.strip() == ";" and ours.strip() == "and" for _, ours, theirs, _ in ops):
        return 7
    if all((ours, theirs) == ("-", "–") for _, ours, theirs, _ in ops):
        return 8
    if all((ours, theirs) == ("–", "--") for _, ours, theirs, _ in ops):
        return 9
    if all((ours, theirs) == ("and", "et") for _, ours, theirs, _ in ops):
        return 10
    if re.sub(r"([.,])”", r"”\1", glose) == pandoc:
        return 11
    ours_only = " ".join(ours for tag, ours, _, _ in ops if tag in ("delete", "replace"))
    with_doi = "doi" in pandoc and "doi" not in glose and re.search(r"\b[Ii]n\b", ours_only)
    title_after_editors = all(
        tag == "delete" and ours.startswith(", ") and around.startswith(")")
        for tag, ours, _, around in ops
    )
    if with_doi or title_after_editors and len(ours_only) > 10:
        return 12
    return 13


def raw_tex_gap(op) -> bool:
    """Whether an edit is a space or quotation mark around raw TeX the comparison cannot see."""
    tag, ours, theirs, around = op
    if tag == "delete" and ours.strip() == "" and ours:
        return bool(re.search(r"\s[.,:;)”’“‘]|[“‘(]\s|\s\s", around))
    return (ours, theirs) in {(" “", "”"), (". “", "”"), (" “ ", "”"), (". ", ""), (" “.”", "")}


def opening(line: str) -> str:
    """The first letters of `line` without spaces and quotation marks, which raw TeX moves."""
    return re.sub(r"[\s“”‘’\"]", "", line)[:12]


def closest(line: str, lines: list) -> str:
    """The line of `lines` most like `line`, among the few a quick bound ranks first."""
    def quick(t):
        return difflib.SequenceMatcher(None, line, t, autojunk=False).quick_ratio()

    likely = sorted(lines, key=quick, reverse=True)[:8]
    return max(
        likely, key=lambda t: difflib.SequenceMatcher(None, line, t, autojunk=False).ratio()
    )


def main() -> None:
    kept = pathlib.Path(sys.argv[1])
    counts = collections.defaultdict(collections.Counter)
    totals = collections.Counter()
    for path in sorted(kept.glob("*.glose.txt")):
        style = path.name.split(".")[-3]
        ours = set(path.read_text().splitlines())
        their_lines = path.with_name(path.name.replace(".glose.", ".pandoc.")).read_text()
        theirs = set(their_lines.splitlines())
        totals[style] += len(their_lines.splitlines())
        candidates = collections.defaultdict(list)
        only_theirs = sorted(theirs - ours)
        for line in only_theirs:
            candidates[opening(line)].append(line)
        for line in sorted(ours - theirs):
            near = closest(line, candidates.get(opening(line)) or only_theirs or [""])
            counts[style][kind_of(line, near)] += 1
    for style in sorted(counts):
        differing = sum(counts[style].values())
        settled = sum(n for k, n in counts[style].items() if KINDS[k][1] in ("glose", "pandoc wrong"))
        print(f"{style}: {differing} of {totals[style]} entries differ")
        for k, (name, right) in enumerate(KINDS):
            if counts[style][k]:
                print(f"  {counts[style][k]:6}  {name} [{right}]")
        same = totals[style] - differing
        print(
            f"  identical, or apart in a kind where glose is right: "
            f"{100 * (same + settled) / totals[style]:.1f} %"
        )


if __name__ == "__main__":
    main()
