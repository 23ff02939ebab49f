import fs from 'node:fs'
import path from 'node:path'
import { createLocalReq, type JsonObject, type Payload, type PayloadRequest } from 'payload'
import { appliedMigrations, backedUpCollections, BackupError, databaseKind, type BackedUpCollection, type Progress } from './format'
import type { OpenedBackup } from './open'
import { readJsonl } from './open'
import { countRecords, countVersions } from './read'

/** A version row as backup/create.ts writes it (Payload's version document). */
interface StoredVersion {
  parent: string | number
  version: JsonObject
  autosave?: boolean
  createdAt: string
  updatedAt: string
  publishedLocale?: string | null
  snapshot?: true | null
}

export type RestoreSummary = { records: number; versions: number; files: number; perCollection: Record<string, number> }

/** What the installation already holds, by collection (empty when it is a fresh installation). */
export async function existingContent(payload: Payload): Promise<Record<string, number>> {
  const found: Record<string, number> = {}
  for (const c of backedUpCollections(payload)) {
    const n = (await countRecords(payload, c)) + (await countVersions(payload, c))
    if (n > 0) found[c.slug] = n
    if (c.upload && fs.existsSync(c.upload.staticDir) && fs.readdirSync(c.upload.staticDir).length > 0)
      found[`${c.slug} (files)`] = fs.readdirSync(c.upload.staticDir).length
  }
  return found
}

/**
 * Restores a verified backup (see openBackup) into this installation. Refuses an installation
 * that holds content unless `force` (then that content is replaced), a backup of the other
 * database kind (ids differ) and a backup of another schema (migrations differ). Records are
 * written in one transaction; upload folders are swapped in after it commits.
 */
export async function restoreBackup(payload: Payload, backup: OpenedBackup, options: { force?: boolean; onProgress?: Progress } = {}): Promise<RestoreSummary> {
  const { manifest } = backup
  const kind = databaseKind(payload)
  if (manifest.database !== kind) {
    throw new BackupError(
      `bản sao lưu lấy từ cài đặt dùng ${manifest.database}, còn cài đặt này dùng ${kind}; mã bản ghi (id) không chuyển được giữa hai loại cơ sở dữ liệu.`,
    )
  }
  const migrations = await appliedMigrations(payload)
  if (migrations.join('\n') !== manifest.migrations.join('\n')) {
    throw new BackupError(
      `bản sao lưu được tạo với lược đồ dữ liệu khác (migration ${describe(manifest.migrations)}; cài đặt này có ${describe(migrations)}). Hãy khôi phục bằng đúng phiên bản phần mềm đã tạo bản sao lưu, rồi nâng cấp.`,
    )
  }
  const collections = new Map<string, BackedUpCollection>(backedUpCollections(payload).map((c) => [c.slug, c]))
  const unknown = manifest.collections.filter((c) => !collections.has(c.slug)).map((c) => c.slug)
  if (unknown.length) throw new BackupError(`bản sao lưu có loại dữ liệu mà cài đặt này không có: ${unknown.join(', ')}.`)

  const existing = await existingContent(payload)
  if (Object.keys(existing).length && !options.force) {
    const list = Object.entries(existing)
      .map(([slug, n]) => `${slug}: ${n}`)
      .join(', ')
    throw new BackupError(`cài đặt này đã có dữ liệu (${list}). Hãy khôi phục vào một cài đặt trống, hoặc thêm --force để thay thế toàn bộ dữ liệu hiện có.`)
  }

  const req = await createLocalReq({ context: { silent: true } }, payload)
  const transactionID = await payload.db.beginTransaction()
  if (transactionID) req.transactionID = transactionID
  if (transactionID && kind === 'sqlite') await deferForeignKeys(payload, transactionID)
  const total = manifest.collections.reduce((n, c) => n + c.records.count + (c.versions?.count ?? 0), 0)
  let done = 0
  const summary: RestoreSummary = { records: 0, versions: 0, files: 0, perCollection: {} }
  try {
    if (options.force) await clearContent(payload, req)
    for (const entry of manifest.collections) {
      const collection = collections.get(entry.slug)!
      const lockout = lockoutReset(payload, collection)
      for await (const record of readJsonl(path.join(backup.dir, entry.records.path))) {
        const { id, ...data } = record
        await payload.db.create({ collection: collection.slug, data: { ...data, ...lockout }, customID: id as string, req, returning: false })
        summary.records++
        options.onProgress?.('records', ++done, total)
      }
      summary.perCollection[entry.slug] = entry.records.count
      if (entry.versions) {
        for await (const version of readJsonl<StoredVersion>(path.join(backup.dir, entry.versions.path))) {
          await payload.db.createVersion({
            collectionSlug: collection.slug,
            parent: version.parent,
            versionData: version.version,
            autosave: Boolean(version.autosave),
            createdAt: version.createdAt,
            updatedAt: version.updatedAt,
            publishedLocale: version.publishedLocale ?? undefined,
            snapshot: version.snapshot ?? undefined,
            req,
            returning: false,
          })
          summary.versions++
          options.onProgress?.('records', ++done, total)
        }
      }
    }
    if (transactionID) await payload.db.commitTransaction(transactionID)
  } catch (error) {
    if (transactionID) await payload.db.rollbackTransaction(transactionID).catch(() => undefined)
    // Without a transaction (MongoDB outside a replica set) undo by removing what was written; the
    // installation was empty before, unless --force had already cleared it.
    else await clearContent(payload, req).catch(() => undefined)
    throw error
  }

  summary.files = swapUploadFolders(backup, [...collections.values()], options.onProgress)
  return summary
}

/**
 * SQLite checks each relation's foreign key as the row is written, and records point at each
 * other in any order (a document at its issuer, an organization at its parent, documents at
 * documents), so within the restore transaction the checks wait for the commit, where every
 * target exists. MongoDB has no foreign keys.
 */
async function deferForeignKeys(payload: Payload, transactionID: string | number) {
  const db = payload.db as unknown as { sessions: Record<string, { db: unknown }>; execute: (args: { db: unknown; raw: string }) => Promise<unknown> }
  await db.execute({ db: db.sessions[String(transactionID)].db, raw: 'PRAGMA defer_foreign_keys = ON' })
}

/** Removes every backed-up record and version (used by --force and to undo a failed restore). */
export async function clearContent(payload: Payload, req?: PayloadRequest): Promise<void> {
  // Last configured first: records that must name another (a member's organization) go before it.
  for (const c of [...backedUpCollections(payload)].reverse()) {
    // Jobs of the replaced content (search, site, mail) go too: they name records that no longer exist.
    await payload.db.deleteMany({ collection: c.slug, where: {}, req })
    if (c.versions) await payload.db.deleteVersions({ collection: c.slug, where: {}, req })
  }
}

/** Auth collections with a lockout start restored users unlocked with no failed attempts. */
function lockoutReset(payload: Payload, collection: BackedUpCollection): Record<string, unknown> {
  const auth = payload.collections[collection.slug]?.config.auth
  return auth && auth.maxLoginAttempts > 0 ? { loginAttempts: 0 } : {}
}

/**
 * Moves each upload collection's extracted folder into place (a rename: the staging folder is on
 * the same file system as the data). A replaced folder is set aside first and removed only once
 * every folder is in place, so a failure puts the old ones back.
 */
function swapUploadFolders(backup: OpenedBackup, collections: BackedUpCollection[], onProgress?: Progress): number {
  const uploads = collections.filter((c) => c.upload)
  const moved: { target: string; aside: string | null }[] = []
  let files = 0
  try {
    for (const [i, c] of uploads.entries()) {
      const target = c.upload!.staticDir
      const staged = path.join(backup.dir, 'uploads', c.slug)
      if (!fs.existsSync(staged)) fs.mkdirSync(staged, { recursive: true })
      files += fs.readdirSync(staged).length
      let aside: string | null = null
      if (fs.existsSync(target)) {
        aside = `${target}.replaced-${Date.now()}`
        fs.renameSync(target, aside)
      }
      moved.push({ target, aside })
      fs.mkdirSync(path.dirname(target), { recursive: true })
      move(staged, target)
      onProgress?.('files', i + 1, uploads.length)
    }
  } catch (error) {
    for (const { target, aside } of moved.reverse()) {
      fs.rmSync(target, { recursive: true, force: true })
      if (aside) fs.renameSync(aside, target)
    }
    throw error
  }
  for (const { aside } of moved) if (aside) fs.rmSync(aside, { recursive: true, force: true })
  return files
}

function move(from: string, to: string) {
  try {
    fs.renameSync(from, to)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error
    fs.cpSync(from, to, { recursive: true })
    fs.rmSync(from, { recursive: true, force: true })
  }
}

const describe = (names: string[]) => (names.length ? names.join(', ') : 'không có')
