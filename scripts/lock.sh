#!/usr/bin/env bash
# Maintainers, after changing a pin (`make lock`): write beside each pin of requirements.txt,
# requirements-dev.txt and requirements-uv.txt the sha256 of every file PyPI has for that version
# (every platform's wheel and the source), so that pip and uv on any machine refuse a file that differs.
# The pins and each file's leading comment lines are kept; nothing is resolved or upgraded (--no-deps).
# Needs uv (scripts/uv.sh: on the PATH, or fetched into .venv/.uv), not an installed .venv: a pin just
# changed has no hashes yet, so `make install` would refuse it.
# Usage: scripts/lock.sh [PYTHON]   (default python3: the interpreter whose pip fetches uv)
set -euo pipefail
cd "$(dirname "$0")/.."
python=${1:-python3}
uv=$(scripts/uv.sh "$python" .venv/.uv)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
files="requirements.txt requirements-dev.txt requirements-uv.txt"
for file in $files; do
  # Every line must be a comment, an include, a hash or an exact pin "name==version": anything else (extras,
  # markers, options) would be dropped below, so it stops the script before any file is rewritten.
  if odd=$(grep -nvE '^(#.*|-r [^ ]+|[[:space:]]*--hash=sha256:[0-9a-f]{64}( \\)?|[A-Za-z0-9][A-Za-z0-9._-]*==[^ ;\[]+( \\)?|)$' "$file"); then
    printf 'scripts/lock.sh: %s: a line this script cannot keep (only comments, -r, exact pins and their hashes): %s\n' "$file" "$odd" >&2
    printf 'scripts/lock.sh: %s: энэ скрипт хадгалж чадахгүй мөр (зөвхөн тайлбар, -r, яг заасан хувилбар ба тэдгээрийн хэш): %s\n' "$file" "$odd" >&2
    exit 1
  fi
done
for file in $files; do
  # The pins alone: "name==version" at the start of a line, hashes and includes left out.
  grep -E '^[A-Za-z0-9][A-Za-z0-9._-]*==' "$file" | sed -E 's/[[:space:]\\].*$//' | sort -f > "$work/pins"
  "$uv" pip compile --quiet --no-deps --generate-hashes --no-header --no-annotate --python "$python" \
    "$work/pins" -o "$work/hashed"
  {
    sed -n '/^#/!q;p' "$file"
    grep -E '^-r ' "$file" || true
    cat "$work/hashed"
  } > "$work/new"
  mv "$work/new" "$file"
done
