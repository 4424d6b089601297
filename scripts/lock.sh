#!/usr/bin/env bash
# Maintainers, after changing a pin (`make lock`): write beside each pin of requirements.txt,
# requirements-dev.txt and requirements-uv.txt the sha256 of every file PyPI has for that version
# (every platform's wheel and the source), so that pip and uv on any machine refuse a file that differs.
# The pins and each file's leading comment lines are kept; nothing is resolved or upgraded (--no-deps).
# Needs uv: on the PATH, or the one scripts/pip.sh fetched into .venv/.uv (run `make install` first).
set -euo pipefail
cd "$(dirname "$0")/.."
uv=$(command -v uv || echo .venv/.uv/bin/uv)
[ -x "$uv" ] || { echo "scripts/lock.sh: uv not found: put it on the PATH, or run 'make install' without OGP_INSTALLER=pip." >&2; exit 1; }
python=.venv/bin/python
[ -x "$python" ] || python=$(command -v python3)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for file in requirements.txt requirements-dev.txt requirements-uv.txt; do
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
