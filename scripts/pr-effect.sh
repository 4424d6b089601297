#!/usr/bin/env bash
# CI step of a pull request: what the change does to the site (pages added, changed and removed,
# records touched, verdicts before and after), in the job summary; and, for a pull request from a
# branch of this repository (whose token may write), as one comment kept up to date.
# Needs BASE_REF (the target branch); PR_NUMBER, SAME_REPO and GH_TOKEN for the comment.
set -euo pipefail
git config --global --add safe.directory "$PWD"
report=$(mktemp)
{
  echo "<!-- ogp-effect -->"
  .venv/bin/ogp diff "origin/${BASE_REF}" HEAD --site-url "${OGP_SITE_URL:-}"
} > "$report"
cat "$report" >> "${GITHUB_STEP_SUMMARY:-/dev/null}"
if [ "${SAME_REPO:-false}" = "true" ] && [ -n "${PR_NUMBER:-}" ] && command -v gh > /dev/null; then
  existing=$(gh api "repos/${GITHUB_REPOSITORY}/issues/${PR_NUMBER}/comments" --paginate \
    --jq '[.[] | select(.body | startswith("<!-- ogp-effect -->"))][0].id // empty' || true)
  if [ -n "$existing" ]; then
    gh api -X PATCH "repos/${GITHUB_REPOSITORY}/issues/comments/${existing}" -F "body=@${report}" > /dev/null || true
  else
    gh api -X POST "repos/${GITHUB_REPOSITORY}/issues/${PR_NUMBER}/comments" -F "body=@${report}" > /dev/null || true
  fi
fi
