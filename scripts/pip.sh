#!/usr/bin/env bash
# Install into .venv, the fastest way this machine allows, always the pinned versions of the files given:
#   uv, when it is on the PATH;
#   else the pip of the interpreter that made .venv, pointed at it (pip >= 22.3: .venv needs no pip of its own,
#   which saves the seconds of copying one in);
#   else a pip inside .venv (installed on first use).
# Usage: scripts/pip.sh PYTHON VENV [pip install arguments...]
set -euo pipefail
python=$1 venv=$2
shift 2
if command -v uv > /dev/null 2>&1; then
  exec uv pip install --quiet --python "$venv/bin/python" "$@"
fi
if "$python" -m pip --python "$venv/bin/python" --version > /dev/null 2>&1; then
  exec "$python" -m pip --python "$venv/bin/python" install --disable-pip-version-check --quiet --no-compile "$@"
fi
[ -x "$venv/bin/pip" ] || "$venv/bin/python" -m ensurepip --upgrade > /dev/null
exec "$venv/bin/python" -m pip install --disable-pip-version-check --quiet --no-compile "$@"
