#!/usr/bin/env bash
# Prints the path of the pandoc that the scripts compare glose with: $PANDOC if set, else pandoc
# 3.9 from the pypandoc_binary wheel on PyPI, fetched once into target/conformance. Debian's
# pandoc 2.17 predates CSL 1.0.2 (chicago-16 page ranges, among others).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
if [ -n "${PANDOC:-}" ]; then
  echo "$PANDOC"
  exit 0
fi
tools="$root/target/conformance"
pandoc="$tools/pandoc-3.9/pypandoc/files/pandoc"
if [ ! -x "$pandoc" ]; then
  mkdir -p "$tools"
  python3 -m pip download --quiet --no-deps --only-binary=:all: --platform manylinux_2_28_x86_64 \
    pypandoc_binary==1.17 -d "$tools" >&2
  python3 -m zipfile -e "$tools"/pypandoc_binary-1.17-*.whl "$tools/pandoc-3.9"
  chmod +x "$pandoc"
fi
echo "$pandoc"
