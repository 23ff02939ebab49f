/**
 * The front server's configuration (deploy/nginx/) checked without Docker: `nginx -t` on the
 * checked-in files (only the container's paths, ports and upstream pointed at a scratch folder),
 * and its agreement with the rest of the deployment — the site service's port, where the image
 * puts the build files, where the site store keeps uploads, the body limit and the security
 * headers of the site server. tests/e2e/site/front.test.ts runs it in front of the test site.
 * `nginx -t` needs nginx and its Brotli module (scripts/ensure-nginx.sh); without them it prints
 * a SKIPPED line and the static checks still run.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'
import { checkFrontConfig, findNginx, NGINX_DIR, renderFrontConfig } from '../../../scripts/lib/frontServer'
import { uploadsDir } from '../../../library/store'
import { MAX_BODY_BYTES } from '../../../site/lib/bodyLimits'
import { SECURITY_HEADERS } from '../../../site/lib/securityHeaders'
import type { Compose } from './compose'

const ROOT = path.resolve(__dirname, '../../..')
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8')
const conf = read('deploy/nginx/nginx.conf')
const compose = parse(read('docker-compose.yml'), { merge: true }) as Compose
const dockerfile = read('Dockerfile')
const nginx = findNginx()
if (!('bin' in nginx)) console.log(`SKIPPED: nginx -t on deploy/nginx/nginx.conf (${nginx.missing})`)

describe('deploy/nginx', () => {
  it.skipIf(!('bin' in nginx))('passes nginx -t', () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'so-tay-nginx-'))
    try {
      const main = renderFrontConfig({
        workDir: work,
        upstream: '127.0.0.1:4321',
        clientDir: path.join(work, 'client'),
        dataDir: path.join(work, 'data'),
        httpPort: 18080,
        httpsPort: 18443,
      })
      const result = checkFrontConfig((nginx as { bin: string }).bin, main, work)
      expect(result.ok, result.output).toBe(true)
    } finally {
      fs.rmSync(work, { recursive: true, force: true })
    }
  })

  it('points at the site service, the image’s build files and the store’s uploads', () => {
    const site = compose.services.site
    expect(conf).toContain(`server site:${site.environment?.PORT ?? '4321'};`)
    expect(String(site.environment?.PORT)).toBe('4321')
    expect(dockerfile).toMatch(/^COPY --from=build \/app\/dist\/client \/srv\/so-tay\/client$/m)
    expect(dockerfile).toMatch(/^COPY deploy\/nginx\/ \/etc\/nginx\/so-tay\/$/m)
    for (const [route, collection] of [
      ['tep', 'files'],
      ['anh', 'media'],
    ] as const) {
      const alias = new RegExp(`location \\^~ /${route}/ \\{\\s*alias ([^;]+);`).exec(conf)?.[1]
      expect(alias, route).toBe(`${uploadsDir('/data', collection)}/`)
    }
    for (const include of conf.matchAll(/include \/etc\/nginx\/so-tay\/([\w-]+\.conf);/g))
      expect(fs.existsSync(path.join(NGINX_DIR, include[1]!)), include[1]).toBe(true)
  })

  it('refuses bodies the site server would refuse, and adds the site server’s security headers', () => {
    expect(conf).toContain(`client_max_body_size ${MAX_BODY_BYTES / 1024}k;`)
    const headers = read('deploy/nginx/security-headers.conf')
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(headers).toContain(`add_header ${name} "${value}" always;`)
    expect(headers).toMatch(/add_header Strict-Transport-Security "max-age=\d+" always;/)
    // Every location that answers by itself includes them (an add_header there replaces the server's).
    for (const block of conf.matchAll(/location [^{]+\{([^}]*)\}/g)) {
      if (/\b(root|alias)\b/.test(block[1]!) && !block[0].includes('acme-challenge')) expect(block[0]).toContain('security-headers.conf')
    }
  })

  it('never keeps an answer for a request with credentials or one marked private/no-store', () => {
    const proxy = read('deploy/nginx/proxy.conf')
    expect(proxy).toMatch(/proxy_cache_bypass \$credentials;/)
    expect(proxy).toMatch(/proxy_no_cache \$credentials \$private_answer;/)
    expect(conf).toMatch(/map "\$http_authorization\$http_cookie" \$credentials/)
    expect(conf).toMatch(/map \$upstream_http_cache_control \$private_answer \{[^}]*private\|no-store/)
    expect(proxy).toMatch(/proxy_cache_valid 200 301 302 404 1s;/)
  })
})

describe('docker-compose.yml: front', () => {
  const front = compose.services.front as Compose['services'][string] & { build?: { target?: string }; tmpfs?: string[] }
  it('builds the front stage, publishes 80 and 443 and waits for a healthy site', () => {
    expect(front.build?.target).toBe('front')
    expect(front.ports).toEqual(['80:80', '443:443'])
    expect(front.depends_on?.site?.condition).toBe('service_healthy')
    expect(front.healthcheck?.test).toContain('http://127.0.0.1/healthz')
  })
  it('reads the uploads read-only and gets its certificate from a volume', () => {
    const volumes = (front.volumes ?? []).map(String)
    expect(volumes).toContain('app-data:/data:ro')
    expect(volumes.some((v) => v.endsWith(':/etc/nginx/tls:ro'))).toBe(true)
    expect(read('.dockerignore').split('\n')).toContain('deploy/tls')
  })
})
