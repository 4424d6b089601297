#!/usr/bin/env bash
# Print the path of a uv to install with, fetching the one pinned in requirements-uv.txt when needed;
# exit 1 when there is none (after a fetch that failed: one line saying why, in both languages; when an
# earlier fetch failed: silently, see below). Used by pip.sh and lock.sh.
#   uv on the PATH is used as it is;
#   else the pinned uv in FOLDER/<first 12 hex digits of requirements-uv.txt's sha256>/, fetched there once
#   by PYTHON's pip (a wheel only, its hash checked, about 4 s): a new pin gets a new folder, and a fetch
#   that did not end with a uv that runs is thrown away, never half kept.
# Where a fetch failed, FOLDER/unavailable says so and later calls do not wait for the same failure again
# (delete it to try again), unless OGP_INSTALLER=uv asks for uv whatever it costs.
# Usage: scripts/uv.sh PYTHON FOLDER
set -euo pipefail
python=$1 folder=$2
here=$(cd "$(dirname "$0")/.." && pwd)
say() { printf 'scripts/uv.sh: %s\n%s\n' "$1" "$2" >&2; }
if command -v uv > /dev/null 2>&1; then
  command -v uv
  exit 0
fi
pin=$("$python" -c 'import hashlib, sys; print(hashlib.sha256(open(sys.argv[1], "rb").read()).hexdigest()[:12])' \
  "$here/requirements-uv.txt")
tools=$folder/$pin
if [ -x "$tools/bin/uv" ]; then
  echo "$tools/bin/uv"
  exit 0
fi
if [ -e "$folder/unavailable" ] && [ "${OGP_INSTALLER:-}" != uv ]; then
  exit 1
fi
mkdir -p "$folder"
fetch=$(mktemp -d "$folder/fetch.XXXXXX")
if "$python" -m pip install --disable-pip-version-check --quiet --no-compile --no-deps --only-binary :all: \
    --require-hashes --target "$fetch" -r "$here/requirements-uv.txt" > "$fetch.log" 2>&1 \
    && "$fetch/bin/uv" --version > /dev/null 2>&1; then
  rm -rf "$tools" "$fetch.log"
  mv "$fetch" "$tools"
  rm -f "$folder/unavailable"
  echo "$tools/bin/uv"
  exit 0
fi
mv "$fetch.log" "$folder/unavailable"
rm -rf "$fetch"
say "uv could not be fetched (why: $folder/unavailable; delete that file to try again)." \
    "uv-г татаж авч чадсангүй (шалтгаан: $folder/unavailable; дахин оролдохдоо тэр файлыг устгана уу)."
exit 1
