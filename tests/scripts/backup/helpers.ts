import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'
import * as tar from 'tar'
import { backedUpCollections, JOBS_COLLECTION, KEPT_JOBS, TRANSIENT_USER_FIELDS } from '../../../scripts/backup/format'

export const ROOT = path.resolve(__dirname, '../../..')

export const tmpDir = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), `so-tay-${prefix}-`))

/** Runs an operator script under the same Node (tsx), as `npm run <script>` would. */
export function runScript(script: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, script), ...args], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'development', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('exit', (code) => resolve({ code, stdout, stderr }))
  })
}

/** A new, empty installation's environment (its own data folder and SQLite file). */
export function freshInstallationEnv(): Record<string, string> {
  const dir = tmpDir('restore-target')
  return {
    DATA_DIR: dir,
    DATABASE_URL: `file:${path.join(dir, 'target.db')}`,
    PAYLOAD_SECRET: crypto.randomBytes(32).toString('hex'),
    JOBS_IN_PROCESS: 'false',
  }
}

/**
 * What the installation holds, seen through Payload's Local API (not the backup's own reader):
 * every record of every backed-up collection with hidden fields, every version without its id
 * (a restore renumbers versions), and the SHA-256 of every file in the upload folders.
 */
export async function snapshot(payload: Payload) {
  const records: Record<string, unknown[]> = {}
  const versions: Record<string, unknown[]> = {}
  const files: Record<string, Record<string, string>> = {}
  for (const c of backedUpCollections(payload)) {
    const found = await payload.find({
      collection: c.slug as never,
      where: c.slug === JOBS_COLLECTION ? KEPT_JOBS : undefined,
      depth: 0,
      pagination: false,
      sort: 'id',
      overrideAccess: true,
      showHiddenFields: true,
    })
    records[c.slug] = found.docs.map((doc) => {
      const copy: Record<string, unknown> = { ...(doc as Record<string, unknown>) }
      if (c.auth) for (const field of TRANSIENT_USER_FIELDS) delete copy[field]
      return copy
    })
    if (c.versions) {
      const history = await payload.findVersions({ collection: c.slug as never, depth: 0, pagination: false, sort: 'createdAt', overrideAccess: true })
      versions[c.slug] = history.docs
        .map(({ id: _id, ...rest }) => rest)
        .sort((a, b) => `${a.parent}${a.updatedAt}${JSON.stringify(a.version)}`.localeCompare(`${b.parent}${b.updatedAt}${JSON.stringify(b.version)}`))
    }
    if (c.upload) files[c.slug] = hashFolder(c.upload.staticDir)
  }
  return { records, versions, files }
}

export function hashFolder(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  if (!fs.existsSync(dir)) return out
  for (const name of fs.readdirSync(dir).sort())
    out[name] = crypto
      .createHash('sha256')
      .update(fs.readFileSync(path.join(dir, name)))
      .digest('hex')
  return out
}

/** Extracts an archive with the system's view (no checks) for tests that inspect or tamper with it. */
export async function extract(archive: string): Promise<string> {
  const dir = tmpDir('archive')
  await tar.x({ file: archive, cwd: dir })
  return dir
}

export async function pack(dir: string, file: string): Promise<string> {
  await tar.c({ file, cwd: dir, gzip: true, portable: true }, fs.readdirSync(dir))
  return file
}

export const readLines = (file: string) =>
  fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, any>)
