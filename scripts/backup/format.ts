import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { CollectionSlug, Payload, Where } from 'payload'
import { z } from 'zod'

/**
 * The backup archive (a .tar.gz):
 *
 *   manifest.json               what follows, with counts, sizes and SHA-256 of every other entry
 *   records/<collection>.jsonl  one stored record per line, as the database adapter returns it
 *   versions/<collection>.jsonl the version history of collections with versions, oldest first
 *   uploads/<collection>/<file> every original and resized file the records name
 *
 * Records are read and written through Payload's database adapter API (`payload.db`), the layer
 * that SQLite and MongoDB both implement: that keeps ids (so relations hold), password hashes,
 * timestamps and upload metadata exactly as stored, and fires no hooks (no audit entries, mail,
 * search or site jobs from a restore).
 */
export const FORMAT = 'so-tay-backup'
export const FORMAT_VERSION = 1

/** Refusals the operator can act on; the message says what is wrong and that nothing was written. */
export class BackupError extends Error {}

/**
 * Collections left out, and why. Everything else in the configuration is backed up, so a
 * collection added later is included without touching this module.
 */
export const SKIPPED_COLLECTIONS: Record<string, string> = {
  'payload-locked-documents': 'editing locks of open admin tabs',
  'payload-kv': 'cache entries, rebuilt on demand',
  'payload-migrations': 'schema state, which the target has from its own migrations (checked to match)',
  'request-counts': 'counters of the request limits, dropped when their window ends',
}

/**
 * Of the jobs queue only pending scheduled publications are content (an editor's intent, shown in
 * the admin). Search, site and mail jobs are not: a restore is followed by a full reindex and site
 * sync, and old mail must not be sent again.
 */
export const JOBS_COLLECTION = 'payload-jobs'
export const KEPT_JOBS: Where = { and: [{ taskSlug: { equals: 'schedulePublish' } }, { completedAt: { exists: false } }] }

/**
 * Per-user state that must not come back with a restore: live sessions (a restore of last week
 * would revive sessions logged out since), reset tokens and lockouts. Restored users log in again
 * with their own passwords (hash and salt are kept).
 */
export const TRANSIENT_USER_FIELDS = ['sessions', 'resetPasswordToken', 'resetPasswordExpiration', 'loginAttempts', 'lockUntil']

export type BackedUpCollection = { slug: CollectionSlug; versions: boolean; upload: { staticDir: string } | null; auth: boolean }

/** The collections a backup contains, in configuration order. */
export function backedUpCollections(payload: Payload): BackedUpCollection[] {
  if (payload.config.globals.length > 0) {
    // Refuse rather than silently leave data out of a backup.
    throw new BackupError(`Sao lưu chưa hỗ trợ dữ liệu toàn cục (globals: ${payload.config.globals.map((g) => g.slug).join(', ')}).`)
  }
  return payload.config.collections
    .filter((c) => !(c.slug in SKIPPED_COLLECTIONS))
    .map((c) => ({
      slug: c.slug as CollectionSlug,
      versions: Boolean(c.versions),
      upload: c.upload ? { staticDir: path.resolve(c.upload.staticDir ?? c.slug) } : null,
      auth: Boolean(c.auth),
    }))
}

export const databaseKind = (payload: Payload): 'sqlite' | 'mongodb' => (payload.db.name === 'mongoose' ? 'mongodb' : 'sqlite')

/** Names of the applied schema migrations: a backup restores only into the same schema. */
export async function appliedMigrations(payload: Payload): Promise<string[]> {
  const { docs } = await payload.db.find<{ name: string; batch?: number }>({ collection: 'payload-migrations', pagination: false, limit: 0 })
  // batch -1 is Payload's marker for a database pushed in development, not a migration.
  return docs
    .filter((d) => d.batch !== -1)
    .map((d) => d.name)
    .sort()
}

/** A file name stored by Payload: a plain name, never a path. */
export const isPlainFileName = (name: string) =>
  name.length > 0 && name.length <= 255 && path.basename(name) === name && name !== '.' && name !== '..' && !name.includes('\\')

/** Every file an upload record names: the original and each resized copy. */
export function uploadFileNames(record: Record<string, unknown>): string[] {
  const names = new Set<string>()
  if (typeof record.filename === 'string' && record.filename) names.add(record.filename)
  const sizes = record.sizes
  if (sizes && typeof sizes === 'object') {
    for (const size of Object.values(sizes as Record<string, { filename?: unknown } | null>)) {
      if (size && typeof size.filename === 'string' && size.filename) names.add(size.filename)
    }
  }
  return [...names]
}

const sha256 = z.string().regex(/^[0-9a-f]{64}$/)
const entry = z.object({ path: z.string(), count: z.number().int().nonnegative(), bytes: z.number().int().nonnegative(), sha256 })

export const manifestSchema = z.object({
  format: z.literal(FORMAT),
  version: z.literal(FORMAT_VERSION),
  createdAt: z.iso.datetime(),
  database: z.enum(['sqlite', 'mongodb']),
  migrations: z.array(z.string()),
  collections: z.array(
    z.object({
      slug: z.string().regex(/^[a-z0-9-]+$/),
      records: entry,
      versions: entry.optional(),
    }),
  ),
  uploads: z.array(
    z.object({
      collection: z.string().regex(/^[a-z0-9-]+$/),
      filename: z.string().refine(isPlainFileName, 'must be a plain file name'),
      path: z.string(),
      bytes: z.number().int().nonnegative(),
      sha256,
    }),
  ),
  /** Files a record names that were not on disk when the backup was made (reported then). */
  missingUploads: z.array(z.object({ collection: z.string(), filename: z.string() })),
})
export type Manifest = z.infer<typeof manifestSchema>

export const recordsPath = (slug: string) => `records/${slug}.jsonl`
export const versionsPath = (slug: string) => `versions/${slug}.jsonl`
export const uploadPath = (slug: string, filename: string) => `uploads/${slug}/${filename}`

export async function hashFile(file: string): Promise<{ sha256: string; bytes: number }> {
  const hash = crypto.createHash('sha256')
  let bytes = 0
  for await (const chunk of fs.createReadStream(file)) {
    hash.update(chunk as Buffer)
    bytes += (chunk as Buffer).length
  }
  return { sha256: hash.digest('hex'), bytes }
}

/** Progress of one phase (e.g. 'records', 'files'); each phase counts from 0 to its own total. */
export type Progress = (phase: string, done: number, total: number) => void
