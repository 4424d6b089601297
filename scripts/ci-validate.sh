#!/usr/bin/env bash
# CI step: validate the records. The first problems become GitHub annotations on their files
# and lines (GitHub shows ten of each kind); the job summary lists every one. Messages are in
# the editor's language when OGP_LANG says it, else in every language of the repository.
set -uo pipefail
ogp=.venv/bin/ogp
"$ogp" validate --format github
status=$?
"$ogp" validate --format markdown >> "${GITHUB_STEP_SUMMARY:-/dev/null}"
exit "$status"
