/**
 * Static checks of the deployment files (no Docker engine runs on the build machines):
 * docker-compose.yml parsed with `yaml`, the Dockerfile read line by line, .env.example read as
 * the operator's template. "Variables a service reads" come from the code — core/env/cms.ts's schema
 * (ENV_KEYS, parseEnv, parseSearchEnv) and a scan of `process.env.X` in the sources — not from a
 * list kept here. `docker compose config` also validates the file where the compose plugin exists.
 */
import { spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'
import { ENV_KEYS, parseEnv } from '../../../core/env/cms'
import { parseCmsLinkEnv, SITE_ENV_KEYS } from '../../../core/env/site'
import { parseSearchEnv } from '../../../core/env/search'
import { interpolate, readEnvFile, type Compose } from './compose'

const ROOT = path.resolve(__dirname, '../../..')
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8')

const composeText = read('docker-compose.yml')
const compose = parse(composeText, { merge: true }) as Compose
const example = readEnvFile(read('.env.example'))
/** .env as an operator fills it in: the example's values, with the REQUIRED blanks given. */
const operatorEnv: Record<string, string> = {
  ...example,
  PAYLOAD_SECRET: crypto.randomBytes(32).toString('hex'),
  MEILI_MASTER_KEY: crypto.randomBytes(32).toString('hex'),
}
const resolved = interpolate(compose, operatorEnv) as Compose
const services = Object.entries(resolved.services)
const appServices = ['cms', 'worker', 'site'] as const
const dockerfile = read('Dockerfile')
const composeVersion = spawnSync('docker', ['compose', 'version'], { encoding: 'utf8' })
const hasCompose = !composeVersion.error && composeVersion.status === 0
if (!hasCompose) console.log('SKIPPED: `docker compose config` (no docker compose on this machine; the static checks still run)')

describe('docker-compose.yml', () => {
  it('has the seven services, mailpit only in the dev profile', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['cms', 'front', 'mailpit', 'meilisearch', 'mongo', 'site', 'worker'])
    expect(compose.services.mailpit.profiles).toEqual(['dev'])
    for (const [name, service] of services) if (name !== 'mailpit') expect(service.profiles, name).toBeUndefined()
  })

  it('gives every service a health check and a restart policy', () => {
    for (const [name, service] of services) {
      expect(service.healthcheck?.test, name).toBeTruthy()
      expect(service.healthcheck?.disable, name).not.toBe(true)
      expect(['always', 'unless-stopped', 'on-failure'], name).toContain(service.restart)
    }
  })

  it('starts each service only after what it depends on is healthy', () => {
    for (const [name, service] of services) {
      const deps = service.depends_on ?? {}
      expect(Array.isArray(deps), `${name}: depends_on must use the long form with a condition`).toBe(false)
      for (const [dep, spec] of Object.entries(deps)) {
        expect(resolved.services[dep], `${name} → ${dep}`).toBeDefined()
        expect(spec.condition, `${name} → ${dep}`).toBe('service_healthy')
      }
    }
    expect(Object.keys(resolved.services.cms.depends_on!)).toEqual(expect.arrayContaining(['mongo', 'meilisearch']))
    expect(Object.keys(resolved.services.worker.depends_on!)).toContain('cms')
    expect(Object.keys(resolved.services.site.depends_on!)).toContain('worker')
  })

  it('pins every image to a version', () => {
    for (const [name, service] of services) {
      const [, tag] = (service.image ?? '').split(':')
      expect(tag, `${name}: ${service.image}`).toMatch(/^v?\d+\.\d+\.\d+/)
    }
    // Our own images carry the application's version; the base image the Node that with-node24.sh pins.
    expect(resolved.services.cms.image).toBe(`so-tay:${JSON.parse(read('package.json')).version}`)
    expect(resolved.services.front.image).toBe(`so-tay-front:${JSON.parse(read('package.json')).version}`)
    const pinned = /NODE_VERSION="([\d.]+)"/.exec(read('scripts/with-node24.sh'))![1]
    expect(/^ARG NODE_IMAGE=node:([\d.]+)-/m.exec(dockerfile)?.[1]).toBe(pinned)
  })

  it('keeps data on named volumes: database, search indexes, uploads and the site store, backups', () => {
    const named = new Set(Object.keys(compose.volumes ?? {}))
    const mountOf = (service: string, target: string) =>
      (resolved.services[service].volumes ?? []).map((v) => (typeof v === 'string' ? v : `${v.source}:${v.target}`)).find((v) => v.split(':')[1] === target)
    const expectNamed = (service: string, target: string) => {
      const mount = mountOf(service, target)
      expect(mount, `${service} ${target}`).toBeDefined()
      expect(named.has(mount!.split(':')[0]), `${service} ${target} is a named volume`).toBe(true)
    }
    expectNamed('mongo', '/data/db')
    expectNamed('meilisearch', '/meili_data')
    // DATA_DIR (uploads, the library store) is one volume shared by the three app services.
    for (const name of appServices) {
      const dataDir = resolved.services[name].environment!.DATA_DIR
      expect(dataDir, name).toBe('/data')
      expectNamed(name, dataDir)
      expect(mountOf(name, dataDir)!.split(':')[2], `${name}: SQLite readers need to write the -shm file`).not.toBe('ro')
    }
    expect(new Set(appServices.map((n) => mountOf(n, '/data')!.split(':')[0])).size).toBe(1)
    expectNamed('cms', resolved.services.cms.environment!.BACKUP_DIR)
  })

  it('provides every variable the CMS and the worker read, valid for production', () => {
    for (const name of ['cms', 'worker'] as const) {
      const environment = resolved.services[name].environment!
      const env = parseEnv(environment) // throws with the list of bad variables
      expect(env.NODE_ENV, name).toBe('production')
      expect(env.database.kind, name).toBe('mongodb')
      expect(env.MEILI_URL, name).toBe('http://meilisearch:7700')
      expect(env.JOBS_IN_PROCESS, `${name}: the worker service runs the queue`).toBe(false)
      expect(env.PAYLOAD_SECRET).toBe(operatorEnv.PAYLOAD_SECRET)
      // Every variable of the schema is set explicitly, so none silently falls back to a dev default.
      for (const key of ENV_KEYS) expect(Object.keys(environment), `${name}: ${key}`).toContain(key)
    }
    expect(Object.keys(resolved.services.cms.environment!)).toEqual(expect.arrayContaining(['ADMIN_EMAIL', 'ADMIN_PASSWORD']))
  })

  it('gives the site its public URL at run time (one image serves any domain)', () => {
    expect(resolved.services.site.environment!.SITE_URL).toBe(operatorEnv.SITE_URL)
    expect(dockerfile).not.toMatch(/^ARG SITE_URL=/m)
  })

  it('gives the site server what it reads, and no CMS secret or database URL', () => {
    const environment = resolved.services.site.environment!
    expect(parseSearchEnv(environment).MEILI_URL).toBe('http://meilisearch:7700')
    expect(parseCmsLinkEnv(environment).cmsInternalUrl).toBe('http://cms:3000')
    expect(environment.HOST).toBe('0.0.0.0')
    expect(environment.PORT).toBe('4321')
    expect(environment.NODE_ENV).toBe('production')
    expect(environment.PAYLOAD_SECRET).toBeUndefined()
    expect(environment.DATABASE_URL).toBeUndefined()
  })

  it('names only variables the code knows (no typo silently ignored)', () => {
    const known = new Set([...ENV_KEYS, ...SITE_ENV_KEYS, ...codeVariables(), 'ADMIN_EMAIL', 'ADMIN_PASSWORD', 'HOST', 'PORT'])
    for (const name of appServices) {
      for (const key of Object.keys(resolved.services[name].environment!)) expect(known.has(key), `${name}: ${key}`).toBe(true)
    }
  })

  it('takes secrets only from the environment, never from the file or the image', () => {
    for (const key of ['PAYLOAD_SECRET', 'MEILI_MASTER_KEY', 'ADMIN_PASSWORD']) {
      for (const match of composeText.matchAll(new RegExp(`^\\s*${key}:\\s*(.*)$`, 'gm'))) expect(match[1], key).toMatch(/^\$\{/)
    }
    expect(dockerfile).not.toMatch(/^\s*(ENV|ARG)\b.*(SECRET|MASTER_KEY|PASSWORD)/im)
    expect(read('.dockerignore')).toMatch(/^\.env$/m)
    expect(example.PAYLOAD_SECRET).toBe('')
    expect(example.MEILI_MASTER_KEY).toBe('')
    expect(example.ADMIN_PASSWORD).toBe('')
  })

  it('refuses to start without the required secrets (compose interpolation)', () => {
    for (const key of ['PAYLOAD_SECRET', 'MEILI_MASTER_KEY', 'SERVER_URL', 'SITE_URL', 'MAIL_FROM']) {
      const { [key]: _omitted, ...rest } = operatorEnv
      expect(() => interpolate(compose, rest), key).toThrow(new RegExp(`${key}`))
    }
  })

  it.skipIf(!hasCompose)('validates with `docker compose config` (needs the compose plugin)', () => {
    const envFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'so-tay-compose-')), '.env')
    fs.writeFileSync(
      envFile,
      Object.entries(operatorEnv)
        .map(([k, v]) => `${k}=${v}`)
        .join('\n'),
    )
    const result = spawnSync('docker', ['compose', '--env-file', envFile, '-f', path.join(ROOT, 'docker-compose.yml'), 'config', '--quiet'], {
      encoding: 'utf8',
    })
    expect(result.status, result.stderr).toBe(0)
  })
})

describe('.env.example', () => {
  it('documents every variable the code reads, each with a comment', () => {
    const lines = read('.env.example').split('\n')
    const documented = new Set(lines.map((l) => /^#?\s*([A-Z][A-Z0-9_]*)=/.exec(l)?.[1]).filter(Boolean))
    const platform = new Set(['NEXT_RUNTIME']) // set by Next itself
    for (const key of new Set([...ENV_KEYS, ...SITE_ENV_KEYS, ...codeVariables(), ...composeVariables()])) {
      if (!platform.has(key)) expect(documented.has(key), key).toBe(true)
    }
    // Every setting line sits under a comment (directly or in a block of settings under one).
    for (const [i, line] of lines.entries()) {
      if (!/^[A-Z]/.test(line)) continue
      let j = i - 1
      while (j >= 0 && /^#?\s*[A-Z][A-Z0-9_]*=/.test(lines[j]) && !lines[j].startsWith('# ')) j--
      expect(lines[j]?.startsWith('#'), `${line} has no comment above it`).toBe(true)
    }
  })
})

describe('Dockerfile', () => {
  const stages = dockerfile.split(/^FROM /m).slice(1)
  const runtime = stages.at(-1)!

  it('is multi-stage and its runtime stage has production dependencies only', () => {
    expect(stages.length).toBeGreaterThanOrEqual(3)
    expect(dockerfile).toMatch(/npm install --omit=dev/)
    expect(runtime).toMatch(/COPY --from=prod-deps \/app\/node_modules/)
    expect(runtime).not.toMatch(/COPY --from=deps /)
  })

  it('runs as a non-root user in production mode with a health check', () => {
    expect(runtime).toMatch(/^USER (?!root)\S+/m)
    expect(runtime).toMatch(/NODE_ENV=production/)
    expect(runtime).toMatch(/^HEALTHCHECK [^\n]*\\\n\s*CMD [^\n]*\/api\/health/m)
  })

  it('applies migrations and checks the configuration at start, before serving', () => {
    const cmd = /^CMD (.*)$/m.exec(runtime)![1]
    expect(cmd).toMatch(/scripts\/prepare-cms\.ts && exec next start cms/)
    expect(read('scripts/prepare-cms.ts')).toMatch(/applyMigrations\(payload\)/)
  })

  it('copies every source folder the services import', () => {
    for (const dir of ['cms', 'search', 'site', 'scripts']) expect(runtime, dir).toMatch(new RegExp(`^COPY ${dir} \\./${dir}$`, 'm'))
    const ignored = read('.dockerignore').split('\n')
    for (const dir of ['cms', 'search', 'site', 'scripts', 'package-lock.json']) expect(ignored, dir).not.toContain(dir)
  })
})

/** Names read as `process.env.X` anywhere in the application sources. */
function codeVariables(): string[] {
  const names = new Set<string>()
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === '.next') continue
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (/\.(ts|tsx|mjs|astro)$/.test(entry.name)) {
        for (const m of fs.readFileSync(full, 'utf8').matchAll(/process\.env(?:\.([A-Z][A-Z0-9_]*)|\[['"]([A-Z][A-Z0-9_]*)['"]\])/g)) names.add(m[1] ?? m[2])
      }
    }
  }
  for (const dir of ['core', 'library', 'cms', 'scripts', 'search', 'site']) walk(path.join(ROOT, dir))
  for (const m of read('astro.config.mjs').matchAll(/process\.env\.([A-Z][A-Z0-9_]*)/g)) names.add(m[1])
  return [...names]
}

/** Names the compose file takes from .env (`${NAME…}`). */
function composeVariables(): string[] {
  return [...new Set([...composeText.matchAll(/\$\{([A-Z][A-Z0-9_]*)/g)].map((m) => m[1]))]
}
