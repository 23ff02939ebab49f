import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { CORPUS_VERSION } from './corpus'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/**
 * The generated CMS database of `items` items, under bench/out/publish-to-live/corpus-<items>/:
 * made by generate.ts the first time, reused while the size, seed and CORPUS_VERSION match.
 * Shared by the publish-to-live and serving benchmarks.
 */
export function corpusFor(items: number, seed: number): string {
  const dir = path.join(ROOT, 'bench/out/publish-to-live', `corpus-${items}`)
  const metaFile = path.join(dir, 'corpus.json')
  const meta = fs.existsSync(metaFile) ? (JSON.parse(fs.readFileSync(metaFile, 'utf8')) as Record<string, unknown>) : null
  if (meta && meta.items === items && meta.seed === seed && meta.corpusVersion === CORPUS_VERSION) return dir
  console.error(`› generating ${items} items into ${path.relative(ROOT, dir)} (cached for the next runs)…`)
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'bench/publish-to-live/generate.ts', '--items', String(items), '--dir', dir, '--seed', String(seed)],
    {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  )
  if (result.status !== 0) throw new Error(`generation of ${items} items failed (exit ${result.status})`)
  return dir
}
