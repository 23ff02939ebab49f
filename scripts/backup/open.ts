import fs from 'node:fs'
import path from 'node:path'
import readline from 'node:readline'
import * as tar from 'tar'
import { BackupError, hashFile, manifestSchema, uploadFileNames, type Manifest, type Progress } from './format'

/** A backup extracted to a private directory and fully checked; nothing of it is trusted before. */
export type OpenedBackup = { dir: string; manifest: Manifest; close: () => void }

const ALLOWED = /^(manifest\.json|records\/[a-z0-9-]+\.jsonl|versions\/[a-z0-9-]+\.jsonl|uploads\/[a-z0-9-]+\/[^/]+)$/

/**
 * Extracts `archive` into a new directory under `stagingParent` and verifies it completely:
 * the gzip and tar structure, the manifest, the size and SHA-256 of every entry, that no entry is
 * missing or extra, and that every line of every record file parses. Throws BackupError (and
 * removes what it extracted) on the first problem. Put `stagingParent` on the same file system as
 * the upload folders, so the restore can move the files into place instead of copying them.
 */
export async function openBackup(archive: string, stagingParent: string, onProgress?: Progress): Promise<OpenedBackup> {
  const file = path.resolve(archive)
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new BackupError(`Không tìm thấy tệp sao lưu «${file}».`)
  fs.mkdirSync(stagingParent, { recursive: true })
  const dir = fs.mkdtempSync(path.join(stagingParent, '.restore-'))
  const close = () => fs.rmSync(dir, { recursive: true, force: true })
  try {
    const manifest = await extractAndVerify(file, dir, onProgress)
    return { dir, manifest, close }
  } catch (error) {
    close()
    throw error
  }
}

async function extractAndVerify(file: string, dir: string, onProgress?: Progress): Promise<Manifest> {
  const refused: string[] = []
  try {
    await tar.x({
      file,
      cwd: dir,
      strict: true,
      // Only plain files and folders of the expected layout: links are the classic way out of an
      // extraction folder, and nothing else belongs in a backup.
      filter: (entryPath, entry) => {
        const type = 'type' in entry ? entry.type : 'File'
        const name = entryPath.replace(/^\.\//, '').replace(/\/$/, '')
        if (type === 'Directory' && /^(records|versions|uploads(\/[a-z0-9-]+)?)$/.test(name)) return true
        if (type === 'File' && ALLOWED.test(name)) return true
        refused.push(`${name} (${type})`)
        return false
      },
    })
  } catch (error) {
    throw new BackupError(`tệp sao lưu bị hỏng hoặc không phải bản sao lưu (${error instanceof Error ? error.message : String(error)}).`)
  }
  if (refused.length) throw new BackupError(`tệp sao lưu chứa mục lạ mà bản sao lưu không bao giờ có: ${refused.slice(0, 5).join(', ')}.`)

  const manifestFile = path.join(dir, 'manifest.json')
  if (!fs.existsSync(manifestFile)) throw new BackupError('tệp không có manifest.json: đây không phải bản sao lưu của Sổ tay.')
  let manifest: Manifest
  try {
    const parsed = manifestSchema.safeParse(JSON.parse(fs.readFileSync(manifestFile, 'utf8')))
    if (!parsed.success)
      throw new Error(
        parsed.error.issues
          .map((i) => `${i.path.join('.')}: ${i.message}`)
          .slice(0, 5)
          .join('; '),
      )
    manifest = parsed.data
  } catch (error) {
    throw new BackupError(`manifest.json không hợp lệ (${error instanceof Error ? error.message : String(error)}).`)
  }

  // Every entry listed, and nothing but them.
  const listed = new Map<string, { bytes: number; sha256: string }>()
  for (const c of manifest.collections) {
    listed.set(c.records.path, c.records)
    if (c.versions) listed.set(c.versions.path, c.versions)
  }
  for (const u of manifest.uploads) listed.set(u.path, u)
  const present = new Set(listFiles(dir).filter((p) => p !== 'manifest.json'))
  const extra = [...present].filter((p) => !listed.has(p))
  if (extra.length) throw new BackupError(`tệp sao lưu chứa tệp không có trong manifest: ${extra.slice(0, 5).join(', ')}.`)
  const missing = [...listed.keys()].filter((p) => !present.has(p))
  if (missing.length) throw new BackupError(`thiếu tệp mà manifest liệt kê: ${missing.slice(0, 5).join(', ')}.`)

  let done = 0
  for (const [entryPath, expected] of listed) {
    const actual = await hashFile(path.join(dir, entryPath))
    if (actual.bytes !== expected.bytes || actual.sha256 !== expected.sha256) {
      throw new BackupError(`mã kiểm tra SHA-256 của ${entryPath} không khớp: tệp sao lưu đã bị sửa hoặc hỏng.`)
    }
    onProgress?.('verify', ++done, listed.size)
  }

  // Every record parses, the counts match, and every file an upload record names is present.
  const uploaded = new Set(manifest.uploads.map((u) => `${u.collection}/${u.filename}`))
  for (const u of manifest.missingUploads) uploaded.add(`${u.collection}/${u.filename}`)
  for (const c of manifest.collections) {
    let count = 0
    for await (const record of readJsonl(path.join(dir, c.records.path))) {
      count++
      if (typeof record.id !== 'string' && typeof record.id !== 'number') throw new BackupError(`${c.records.path} dòng ${count}: bản ghi không có id.`)
      for (const name of uploadFileNames(record)) {
        if (!uploaded.has(`${c.slug}/${name}`)) throw new BackupError(`bản ghi ${c.slug} ${record.id} dùng tệp «${name}» mà bản sao lưu không có.`)
      }
    }
    if (count !== c.records.count) throw new BackupError(`${c.records.path} có ${count} bản ghi, manifest ghi ${c.records.count}.`)
    if (c.versions) {
      let versions = 0
      for await (const version of readJsonl(path.join(dir, c.versions.path))) {
        versions++
        if (version.parent === undefined || typeof version.version !== 'object')
          throw new BackupError(`${c.versions.path} dòng ${versions}: không phải một phiên bản.`)
      }
      if (versions !== c.versions.count) throw new BackupError(`${c.versions.path} có ${versions} phiên bản, manifest ghi ${c.versions.count}.`)
    }
  }
  return manifest
}

/**
 * The objects of a JSONL file, one per line; a line that is not a JSON object is a BackupError.
 * `T` is the shape backup/create.ts wrote; the archive's checksums were verified before any read.
 */
export async function* readJsonl<T = Record<string, unknown>>(file: string): AsyncGenerator<T> {
  const lines = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity })
  let n = 0
  for await (const line of lines) {
    n++
    if (!line) continue
    let value: unknown
    try {
      value = JSON.parse(line)
    } catch {
      throw new BackupError(`${path.basename(path.dirname(file))}/${path.basename(file)} dòng ${n} không phải JSON hợp lệ.`)
    }
    if (!value || typeof value !== 'object' || Array.isArray(value))
      throw new BackupError(`${path.basename(path.dirname(file))}/${path.basename(file)} dòng ${n} không phải một đối tượng JSON.`)
    yield value as T
  }
}

function listFiles(root: string, prefix = ''): string[] {
  const out: string[] = []
  for (const entry of fs.readdirSync(path.join(root, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name
    if (entry.isDirectory()) out.push(...listFiles(root, rel))
    else out.push(rel)
  }
  return out
}
