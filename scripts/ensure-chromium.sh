#!/usr/bin/env bash
# Make sure Debian's Chromium is at /usr/bin/chromium for the browser tests.
# The tests use it through Playwright and never download a browser of their own.
set -euo pipefail
[ -x /usr/bin/chromium ] && exit 0
if [ "$(id -u)" -eq 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo apt-get update -qq
  sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
else
  echo "The browser tests need Debian's Chromium. Install it once with:" >&2
  echo "    sudo apt-get install chromium" >&2
  echo "Хөтчийн тестэд Debian-ий Chromium хэрэгтэй. Нэг удаа суулгана уу:" >&2
  echo "    sudo apt-get install chromium" >&2
  exit 1
fi
