#!/usr/bin/env bash
# CI step: validate the records. Each problem becomes a GitHub annotation on its file and
# line; the job summary lists them in Mongolian and in English.
set -uo pipefail
ogp=.venv/bin/ogp
"$ogp" validate --format github
status=$?
summary="${GITHUB_STEP_SUMMARY:-/dev/null}"
if [ "$status" -eq 0 ]; then
  echo "### Бүх бичлэг зөв байна / All records are valid" >> "$summary"
else
  {
    echo "### Бичлэгт алдаа байна / Problems in the records"
    echo
    echo "Алдаа бүрийг өөрчилсөн мөрөн дээр нь тэмдэглэсэн. Засаад дахин илгээнэ үү."
    echo "Each problem is marked on its line in the changed files. Fix it and push again."
    echo
    echo '```text'
    "$ogp" validate --lang mn
    echo
    "$ogp" validate --lang en
    echo '```'
  } >> "$summary"
fi
exit "$status"
