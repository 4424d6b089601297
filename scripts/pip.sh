#!/usr/bin/env bash
# Install into .venv, the fastest way this machine allows, always the pinned versions of the files given
# (their sha256 hashes checked when the files carry them, as requirements*.txt do):
#   uv (scripts/uv.sh: on the PATH, or the one pinned in requirements-uv.txt, fetched once into .venv/.uv;
#   then each install takes seconds where pip takes half a minute);
#   else the pip of the interpreter that made .venv, pointed at it (pip >= 22.3: .venv needs no pip of its
#   own, which saves the seconds of copying one in);
#   else a pip inside .venv (installed on first use).
# If uv fails (a network or proxy it cannot pass, say), the same install runs with pip, which checks the
# same hashes. OGP_INSTALLER=pip skips uv; OGP_INSTALLER=uv refuses to fall back to pip.
# Usage: scripts/pip.sh PYTHON VENV [pip install arguments...]
set -euo pipefail
python=$1 venv=$2
shift 2
here=$(cd "$(dirname "$0")" && pwd)
installer=${OGP_INSTALLER:-auto}
# Messages in both of the sample's languages: nothing is installed yet that could pick one.
say() { printf 'scripts/pip.sh: %s\n%s\n' "$1" "$2" >&2; }
case $installer in
  auto | uv | pip) ;;
  *) say "OGP_INSTALLER=$installer is not known: write uv or pip, or leave it unset." \
         "OGP_INSTALLER-д өгсөн \"$installer\" утга танигдахгүй байна: uv эсвэл pip гэж бичнэ үү, эсвэл хоосон орхино уу."
     exit 2 ;;
esac

with_pip() {
  if "$python" -m pip --python "$venv/bin/python" --version > /dev/null 2>&1; then
    "$python" -m pip --python "$venv/bin/python" install --disable-pip-version-check --quiet --no-compile "$@"
    return
  fi
  [ -x "$venv/bin/pip" ] || "$venv/bin/python" -m ensurepip --upgrade > /dev/null
  "$venv/bin/python" -m pip install --disable-pip-version-check --quiet --no-compile "$@"
}

if [ "$installer" != pip ] && uv=$("$here/uv.sh" "$python" "$venv/.uv"); then
  status=0
  "$uv" pip install --quiet --python "$venv/bin/python" "$@" || status=$?
  [ "$status" = 0 ] && exit 0
  [ "$installer" = uv ] && exit "$status"
  say "uv could not install this; trying again with pip." "uv суулгаж чадсангүй; pip-ээр дахин оролдож байна."
elif [ "$installer" = uv ]; then
  say "OGP_INSTALLER=uv, but uv is not on the PATH and could not be fetched." \
      "OGP_INSTALLER=uv гэж заасан боловч uv PATH-д байхгүй бөгөөд татаж авч чадсангүй."
  exit 1
fi
with_pip "$@"
