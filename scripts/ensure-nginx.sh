#!/usr/bin/env bash
# The front server's tests (tests/scripts/deploy/front.test.ts: `nginx -t`; tests/e2e/site/front.test.ts: nginx
# in front of the test site) run Debian's nginx with its Brotli module, as the `front` image does.
# Installs them with apt when missing and we are root (CI, fresh machines); otherwise those tests
# print SKIPPED lines. Never starts the packaged nginx service.
set -euo pipefail
MODULE=/usr/lib/nginx/modules/ngx_http_brotli_static_module.so
{ [ -x /usr/sbin/nginx ] && [ -f "$MODULE" ]; } && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "› Installing Debian nginx for the front server tests (first run only)…" >&2
  # Keep the package's own nginx from starting (policy-rc.d answers "not now" to service starts).
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
    trap 'rm -f /usr/sbin/policy-rc.d' EXIT
  fi
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light libnginx-mod-http-brotli-static >&2
else
  echo "SKIPPED: installing nginx for the front server tests (run 'sudo apt-get install nginx-light libnginx-mod-http-brotli-static')" >&2
fi
