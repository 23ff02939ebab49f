#!/usr/bin/env bash
# Browser tests drive Debian's Chromium (playwright-core does not download browsers). Installs it
# with apt when missing and we are root (CI, fresh machines); otherwise says how.
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$CHROMIUM" ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "› Installing Debian chromium for the browser tests (first run only)…" >&2
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2
else
  echo "Browser tests need Chromium at $CHROMIUM: run 'sudo apt-get install chromium' or set CHROMIUM_PATH." >&2
  exit 1
fi
