/**
 * A damaged or altered archive is refused before anything is written: the installation stays
 * empty, no upload file appears and no staging folder is left behind. The intact archive then
 * restores, so each refusal is about the damage and not about the installation.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'
import * as tar from 'tar'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDemoContent } from '../../../scripts/seed/demo'
import { createBackup } from '../../../scripts/backup/create'
import { BackupError } from '../../../scripts/backup/format'
import { openBackup } from '../../../scripts/backup/open'
import { clearContent, existingContent, restoreBackup } from '../../../scripts/backup/restore'
import { createOrganizations, createUsers } from '../../helpers/fixtures'
import { startPayload } from '../../helpers/payload'
import { extract, pack, runScript, snapshot, tmpDir } from './helpers'

let payload: Payload
let good: string
let dataDir: string
let seeded: Awaited<ReturnType<typeof snapshot>>

beforeAll(async () => {
  payload = await startPayload()
  dataDir = process.env.DATA_DIR!
  const orgs = await createOrganizations(payload)
  await createUsers(payload, orgs.branch.id)
  await seedDemoContent(payload)
  seeded = await snapshot(payload)
  good = path.join(tmpDir('backups'), 'good.tar.gz')
  await createBackup(payload, good)
  // Wipe: the installation is now empty, as a new one would be.
  await clearContent(payload)
  for (const dir of ['files', 'media']) fs.rmSync(path.join(dataDir, dir), { recursive: true, force: true })
  expect(await existingContent(payload)).toEqual({})
})
afterAll(async () => {
  await payload?.destroy()
})

/** Restores `archive` the way the CLI does (open and verify, then write) and returns the refusal. */
async function refusal(archive: string): Promise<string> {
  let error: unknown
  try {
    const backup = await openBackup(archive, dataDir)
    try {
      await restoreBackup(payload, backup)
    } finally {
      backup.close()
    }
  } catch (e) {
    error = e
  }
  expect(error).toBeInstanceOf(BackupError)
  // Nothing written: no record, no upload folder, no staging left in the data folder.
  expect(await existingContent(payload)).toEqual({})
  expect(fs.readdirSync(dataDir).filter((n) => n.startsWith('.restore-') || n === 'files' || n === 'media')).toEqual([])
  return (error as Error).message
}

/** A copy of the good archive, extracted, changed by `edit`, and packed again (valid gzip and tar). */
async function tampered(edit: (dir: string) => void): Promise<string> {
  const dir = await extract(good)
  edit(dir)
  return pack(dir, path.join(tmpDir('tampered'), 'backup.tar.gz'))
}

describe('restore of a damaged archive', () => {
  it('refuses a file with bytes flipped in the middle', async () => {
    const bytes = fs.readFileSync(good)
    for (let i = 0; i < 16; i++) bytes[Math.floor(bytes.length / 2) + i] ^= 0xff
    const file = path.join(tmpDir('damaged'), 'flipped.tar.gz')
    fs.writeFileSync(file, bytes)
    expect(await refusal(file)).toMatch(/hỏng|SHA-256/)
  })

  it('refuses a truncated file', async () => {
    const file = path.join(tmpDir('damaged'), 'truncated.tar.gz')
    fs.writeFileSync(file, fs.readFileSync(good).subarray(0, Math.floor(fs.statSync(good).size * 0.6)))
    expect(await refusal(file)).toMatch(/hỏng/)
  })

  it('refuses something that is not an archive', async () => {
    const file = path.join(tmpDir('damaged'), 'notes.tar.gz')
    fs.writeFileSync(file, 'Đây không phải bản sao lưu.\n')
    expect(await refusal(file)).toMatch(/hỏng|không phải/)
  })

  it('refuses a record altered after the backup (valid archive, wrong checksum)', async () => {
    const file = await tampered((dir) => {
      const records = path.join(dir, 'records/documents.jsonl')
      fs.writeFileSync(records, fs.readFileSync(records, 'utf8').replace('"title":"', '"title":"SỬA TRÁI PHÉP '))
    })
    expect(await refusal(file)).toMatch(/SHA-256.*records\/documents\.jsonl|records\/documents\.jsonl.*SHA-256/)
  })

  it('refuses a swapped image file', async () => {
    const file = await tampered((dir) => {
      const media = path.join(dir, 'uploads/media')
      const name = fs.readdirSync(media)[0]
      fs.writeFileSync(path.join(media, name), Buffer.alloc(fs.statSync(path.join(media, name)).size, 1))
    })
    expect(await refusal(file)).toMatch(/SHA-256.*uploads\/media/)
  })

  it('refuses an archive with a file its manifest does not list, or missing one it lists', async () => {
    expect(await refusal(await tampered((dir) => fs.writeFileSync(path.join(dir, 'records/intruder.jsonl'), '{"id":"x"}\n')))).toMatch(
      /không có trong manifest/,
    )
    expect(await refusal(await tampered((dir) => fs.rmSync(path.join(dir, 'records/users.jsonl'))))).toMatch(/thiếu tệp/)
  })

  it('refuses a link entry (a way to write outside the restore folder)', async () => {
    const file = await tampered((dir) => fs.symlinkSync('/etc/passwd', path.join(dir, 'uploads/media/link.jpg')))
    expect(await refusal(file)).toMatch(/mục lạ/)
  })

  it('refuses through the real script with exit code 1 and says nothing was written', async () => {
    const file = await tampered((dir) => {
      const manifest = path.join(dir, 'manifest.json')
      fs.writeFileSync(
        manifest,
        fs.readFileSync(manifest, 'utf8').replace(/"count": (\d+)/, (_m, n) => `"count": ${Number(n) + 1}`),
      )
    })
    const result = await runScript('scripts/restore.ts', [file], {
      DATA_DIR: dataDir,
      DATABASE_URL: process.env.DATABASE_URL!,
      PAYLOAD_SECRET: process.env.PAYLOAD_SECRET!,
    })
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/Không khôi phục: .*Chưa có dữ liệu nào được ghi/)
    expect(await existingContent(payload)).toEqual({})
  })

  it('rolls back a restore that fails while writing (a consistent archive the database refuses)', async () => {
    // Checksums and counts recomputed, so verification passes; the repeated id fails at insert,
    // after the organizations and users before it were written in the same transaction.
    const file = await tampered((dir) => {
      const records = path.join(dir, 'records/documents.jsonl')
      const lines = fs.readFileSync(records, 'utf8').split('\n').filter(Boolean)
      fs.writeFileSync(records, `${[...lines, lines[0]].join('\n')}\n`)
      const manifestFile = path.join(dir, 'manifest.json')
      const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'))
      const entry = manifest.collections.find((c: any) => c.slug === 'documents').records
      const bytes = fs.readFileSync(records)
      Object.assign(entry, { count: lines.length + 1, bytes: bytes.length, sha256: crypto.createHash('sha256').update(bytes).digest('hex') })
      fs.writeFileSync(manifestFile, JSON.stringify(manifest))
    })
    const backup = await openBackup(file, dataDir)
    try {
      await expect(restoreBackup(payload, backup)).rejects.toThrow()
    } finally {
      backup.close()
    }
    expect(await existingContent(payload)).toEqual({})
    expect(fs.readdirSync(dataDir).filter((n) => n.startsWith('.restore-') || n === 'files' || n === 'media')).toEqual([])
  })

  it('restores the intact archive (control)', async () => {
    const backup = await openBackup(good, dataDir)
    await restoreBackup(payload, backup)
    backup.close()
    expect(await snapshot(payload)).toEqual(seeded)
    // The archive really is a gzip'd tar with the manifest first.
    const names: string[] = []
    await tar.t({ file: good, onReadEntry: (e) => names.push(e.path) })
    expect(names[0]).toBe('manifest.json')
  })
})
