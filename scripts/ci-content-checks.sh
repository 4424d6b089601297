#!/usr/bin/env bash
# CI for a pull request that changes only records and pages (scripts/change_scope.py said `content`):
# a strict build, then the browser checks of the pages it adds or changes. Anything else runs .ci/run.
set -euo pipefail
git config --global --add safe.directory "$PWD"
make site
scripts/ensure-chromium.sh
make install-dev
pages=$(.venv/bin/ogp diff "origin/${BASE_REF}" HEAD --pages)
echo "Pages to check: ${pages:-none}"
if [ -n "$pages" ]; then
  # The site `make site` built above is the one checked: it is not built a second time.
  OGP_PAGES="$pages" OGP_BUILT_SITE=site .venv/bin/python -m pytest -p no:cacheprovider -q tests/test_changed_pages.py
fi
