import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'
import * as tar from 'tar'
import {
  appliedMigrations,
  backedUpCollections,
  BackupError,
  databaseKind,
  FORMAT,
  FORMAT_VERSION,
  hashFile,
  isPlainFileName,
  recordsPath,
  uploadFileNames,
  uploadPath,
  versionsPath,
  type Manifest,
  type Progress,
} from './format'
import { countRecords, countVersions, readRecords, readVersions } from './read'

export type BackupSummary = { file: string; manifest: Manifest; bytes: number }

/** Writes lines to a file while hashing exactly the bytes written. */
async function writeJsonl(file: string, rows: AsyncIterable<unknown>, onRow: () => void) {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  const out = fs.createWriteStream(file)
  const hash = crypto.createHash('sha256')
  let bytes = 0
  let count = 0
  const write = (text: string) =>
    new Promise<void>((resolve, reject) => {
      const buffer = Buffer.from(text, 'utf8')
      hash.update(buffer)
      bytes += buffer.length
      out.write(buffer, (error) => (error ? reject(error) : resolve()))
    })
  try {
    for await (const row of rows) {
      await write(`${JSON.stringify(row)}\n`)
      count++
      onRow()
    }
  } finally {
    await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())))
  }
  return { count, bytes, sha256: hash.digest('hex') }
}

/**
 * Writes one backup archive of the whole installation to `file` (refused if it exists). The
 * archive appears only when complete: it is written under a temporary name next to it first.
 */
export async function createBackup(payload: Payload, file: string, onProgress?: Progress): Promise<BackupSummary> {
  const target = path.resolve(file)
  if (fs.existsSync(target)) throw new BackupError(`Tệp «${target}» đã có; hãy chọn tên khác.`)
  fs.mkdirSync(path.dirname(target), { recursive: true })
  const collections = backedUpCollections(payload)

  // Staged next to the archive: records as JSONL, uploads as symbolic links to the real files,
  // which tar follows, so media are read once, straight into the archive.
  const staging = fs.mkdtempSync(path.join(path.dirname(target), '.backup-'))
  const partial = `${target}.partial`
  try {
    let total = 0
    for (const c of collections) total += (await countRecords(payload, c)) + (await countVersions(payload, c))
    let done = 0
    const tick = () => onProgress?.('records', ++done, total)

    const manifest: Manifest = {
      format: FORMAT,
      version: FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      database: databaseKind(payload),
      migrations: await appliedMigrations(payload),
      collections: [],
      uploads: [],
      missingUploads: [],
    }
    const files = new Map<string, { collection: string; dir: string; filename: string }>()
    for (const c of collections) {
      const records = await writeJsonl(path.join(staging, recordsPath(c.slug)), collectFiles(readRecords(payload, c), c, files), tick)
      const entry: Manifest['collections'][number] = { slug: c.slug, records: { path: recordsPath(c.slug), ...records } }
      if (c.versions)
        entry.versions = { path: versionsPath(c.slug), ...(await writeJsonl(path.join(staging, versionsPath(c.slug)), readVersions(payload, c), tick)) }
      manifest.collections.push(entry)
    }

    // Files are read after the records that name them, so any file a backed-up record names is
    // either in the archive or reported missing.
    done = 0
    total = files.size
    for (const f of files.values()) {
      const source = path.join(f.dir, f.filename)
      if (!fs.existsSync(source)) {
        manifest.missingUploads.push({ collection: f.collection, filename: f.filename })
      } else {
        const staged = path.join(staging, uploadPath(f.collection, f.filename))
        fs.mkdirSync(path.dirname(staged), { recursive: true })
        fs.symlinkSync(source, staged)
        manifest.uploads.push({ collection: f.collection, filename: f.filename, path: uploadPath(f.collection, f.filename), ...(await hashFile(source)) })
      }
      onProgress?.('files', ++done, total)
    }

    fs.writeFileSync(path.join(staging, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`)
    const entries = [
      'manifest.json',
      'records',
      ...(manifest.collections.some((c) => c.versions) ? ['versions'] : []),
      ...(manifest.uploads.length ? ['uploads'] : []),
    ]
    await tar.c({ file: partial, cwd: staging, gzip: true, portable: true, follow: true, strict: true }, entries)
    fs.renameSync(partial, target)
    return { file: target, manifest, bytes: fs.statSync(target).size }
  } finally {
    fs.rmSync(staging, { recursive: true, force: true })
    fs.rmSync(partial, { force: true })
  }
}

/** Passes records through while noting the files each upload record names. */
async function* collectFiles(
  records: AsyncIterable<Record<string, unknown>>,
  collection: { slug: string; upload: { staticDir: string } | null },
  files: Map<string, { collection: string; dir: string; filename: string }>,
) {
  for await (const record of records) {
    if (collection.upload) {
      for (const filename of uploadFileNames(record)) {
        if (!isPlainFileName(filename)) throw new BackupError(`Bản ghi ${collection.slug} ${String(record.id)} trỏ tới tên tệp không an toàn «${filename}».`)
        // Payload keeps file names unique per collection; a repeat would only be a second reference.
        files.set(`${collection.slug}/${filename}`, { collection: collection.slug, dir: collection.upload.staticDir, filename })
      }
    }
    yield record
  }
}
