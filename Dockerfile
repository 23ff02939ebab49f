# syntax=docker/dockerfile:1
# One image for the three Node services of docker-compose.yml — cms (Payload admin + API, the
# default command), worker (jobs queue) and site (the site server, dist/server/serve.mjs) — and
# the `front` image (nginx in front of the site: deploy/nginx/), built in stages so the
# runtime image has production dependencies only, runs as the unprivileged `node` user and holds
# no secret: every secret comes from the environment at run time.
#
# Node 24.21.0 is the version scripts/with-node24.sh pins (tests/scripts/deploy checks they agree);
# Debian (glibc), not Alpine: libsql and sharp ship glibc builds.
ARG NODE_IMAGE=node:24.21.0-bookworm-slim

# ── All dependencies, for the builds ────────────────────────────────────────────────────────────
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# `npm install` against the lockfile, not `npm ci`: the registry lacks optional platform builds
# the lockfile would need for `npm ci` (docs/operations.md, Toolchain).
RUN npm install --no-audit --no-fund --loglevel=error

# ── Production dependencies only, for the runtime image ─────────────────────────────────────────
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --omit=dev --no-audit --no-fund --loglevel=error

# ── Builds: the admin (next build) and the site server (astro build) ───────────────────────────
FROM deps AS build
COPY . .
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 ASTRO_TELEMETRY_DISABLED=1 DATA_DIR=/tmp/build-data
# Loading the Payload config refuses to run without a secret. The builds get a random one that
# lives only in this RUN step's shell: it is in no layer, no ENV and no output.
RUN export PAYLOAD_SECRET="$(node -e 'process.stdout.write(require("node:crypto").randomBytes(32).toString("hex"))')" \
 && PAYLOAD_CONFIG_PATH=cms/payload.config.ts npx next build cms \
 && npx astro build

# ── Front server: nginx with the site's build files (precompressed at build) ────────────────────
# Debian's nginx, for its Brotli module (the official nginx image has none); security updates come
# with the base image. Its configuration is deploy/nginx/ (TLS certificates and the uploads come
# from volumes, docker-compose.yml). Logs go to the container's output.
FROM debian:bookworm-slim AS front
RUN apt-get update \
 && apt-get install -y --no-install-recommends nginx-light libnginx-mod-http-brotli-static curl ca-certificates \
 && rm -rf /var/lib/apt/lists/* /etc/nginx/sites-enabled/* \
 && ln -sf /dev/stdout /var/log/nginx/access.log \
 && ln -sf /dev/stderr /var/log/nginx/error.log \
 && mkdir -p /var/cache/nginx/so-tay /var/www/acme
COPY deploy/nginx/ /etc/nginx/so-tay/
COPY --from=build /app/dist/client /srv/so-tay/client
EXPOSE 80 443
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["curl", "-fsS", "-o", "/dev/null", "http://127.0.0.1/healthz"]
CMD ["nginx", "-c", "/etc/nginx/so-tay/nginx.conf", "-g", "daemon off;"]

# ── Runtime ─────────────────────────────────────────────────────────────────────────────────────
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    ASTRO_TELEMETRY_DISABLED=1 \
    DATA_DIR=/data \
    BACKUP_DIR=/backups \
    PAYLOAD_CONFIG_PATH=cms/payload.config.ts \
    PATH=/app/node_modules/.bin:$PATH
# Scanned originals in the folder import and the admin's bulk upload are read by OCR: Debian's
# Tesseract with its Vietnamese data, and pdftoppm to turn pages into images (docs/import.md).
RUN apt-get update \
 && apt-get install -y --no-install-recommends tesseract-ocr tesseract-ocr-vie poppler-utils \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=prod-deps /app/node_modules ./node_modules
COPY package.json package-lock.json tsconfig.json astro.config.mjs ./
COPY cms ./cms
COPY search ./search
COPY site ./site
COPY scripts ./scripts
COPY --from=build /app/cms/.next ./cms/.next
COPY --from=build /app/dist ./dist
# `npm run backup`, `npm run restore`… go through scripts/with-node24.sh. Give it this image's Node
# as its pinned one and a current install stamp, so inside the container it neither downloads Node
# nor reinstalls dependencies (it compares the same key it writes).
RUN mkdir -p .tools/node/bin \
 && ln -s "$(command -v node)" .tools/node/bin/node \
 && echo "$(cat package.json package-lock.json | sha256sum | cut -d' ' -f1)-$(node -p process.versions.node)" > node_modules/.so-tay-install-stamp \
 && mkdir -p /data /backups \
 && chown node:node /data /backups
USER node
EXPOSE 3000 4321
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
  CMD ["node", "scripts/healthcheck.mjs", "http", "http://127.0.0.1:3000/api/health"]
# The CMS: check the configuration, apply migrations and create the first admin
# (scripts/prepare-cms.ts), then serve. `exec` hands PID 1's signals to Next.
CMD ["sh", "-c", "tsx scripts/prepare-cms.ts && exec next start cms -p 3000"]
