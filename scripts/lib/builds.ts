import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { ROOT_DIR } from '../../core/env/shared'

/** A hash of the sources a build depends on: the admin and the site are rebuilt only when it changes. */
export function sourceKey(dirs: string[], files: string[] = []): string {
  const hash = crypto.createHash('sha256')
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name === '.next' || entry.name === 'node_modules') continue
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else hash.update(path.relative(ROOT_DIR, full)).update(fs.readFileSync(full))
    }
  }
  for (const dir of dirs) walk(path.join(ROOT_DIR, dir))
  for (const file of [...files, 'package-lock.json']) hash.update(file).update(fs.readFileSync(path.join(ROOT_DIR, file)))
  return hash.digest('hex')
}

/**
 * `next build` of the admin, only when its sources changed since the last one (a cold build takes
 * about a minute and 1.7 GB). Used by `npm start` and by the tests that run the real CMS server.
 * Resolves to 'current', 'built' or the failed build's output.
 */
export async function buildAdminIfChanged(options: { env?: NodeJS.ProcessEnv; quiet?: boolean } = {}): Promise<'current' | 'built' | { failed: string }> {
  const stamp = path.join(ROOT_DIR, 'cms', '.next', 'so-tay-build-key')
  // Every part the admin's code imports (docs/architecture.md, "Parts").
  const key = sourceKey(['cms', 'core', 'library', 'search'])
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === key) return 'current'
  if (!options.quiet) console.log('› Building the admin (next build, about a minute)…')
  const child = spawn('next', ['build', 'cms'], {
    cwd: ROOT_DIR,
    stdio: options.quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    env: { ...process.env, ...options.env, PAYLOAD_CONFIG_PATH: 'cms/payload.config.ts' },
  })
  let output = ''
  child.stdout?.on('data', (chunk) => (output += chunk))
  child.stderr?.on('data', (chunk) => (output += chunk))
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
  if (code !== 0) return { failed: output.slice(-6000) }
  fs.writeFileSync(stamp, key)
  return 'built'
}
