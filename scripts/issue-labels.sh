#!/usr/bin/env bash
# Create or update every label the issue forms apply (GitHub silently drops a form's label that does
# not exist). Run by the `labels` workflow; by hand: GH_TOKEN=… scripts/issue-labels.sh
set -euo pipefail
for form in .github/ISSUE_TEMPLATE/*.yml; do
  sed -n 's/^labels: \[\(.*\)\]$/\1/p' "$form" | tr ',' '\n' | tr -d ' "'
done | sort -u | while read -r label; do
  if [ -n "$label" ]; then
    gh label create "$label" --force --color ededed --description "From the issue form / Асуудлын маягтаас"
  fi
done
