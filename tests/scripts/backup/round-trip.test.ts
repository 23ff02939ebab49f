/**
 * Backup → restore round trip on real SQLite: a seeded installation (demo corpus with a PDF and an
 * image, users of every role, drafts over published items, audit log, a scheduled publication)
 * is backed up; the archive is restored by the real `npm run restore` script into a new empty
 * installation and backed up again there; then restored over the original with --force.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDemoContent } from '../../../scripts/seed/demo'
import { createBackup } from '../../../scripts/backup/create'
import { BackupError } from '../../../scripts/backup/format'
import { openBackup } from '../../../scripts/backup/open'
import { restoreBackup } from '../../../scripts/backup/restore'
import { createOrganizations, createUsers, PASSWORD } from '../../helpers/fixtures'
import { startPayload } from '../../helpers/payload'
import { restClient } from '../../helpers/rest'
import { extract, freshInstallationEnv, hashFolder, readLines, runScript, snapshot, tmpDir } from './helpers'

let payload: Payload
let before: Awaited<ReturnType<typeof snapshot>>
let archive: string

beforeAll(async () => {
  payload = await startPayload()
  const orgs = await createOrganizations(payload)
  const users = await createUsers(payload, orgs.branch.id)
  await seedDemoContent(payload)
  // A draft saved over a published document: the live record and the newer draft differ.
  const live = (await payload.find({ collection: 'documents', where: { _status: { equals: 'published' } }, limit: 1 })).docs[0]
  await payload.update({ collection: 'documents', id: live.id, data: { title: `${live.title} (bản nháp sửa đổi)` }, draft: true })
  // A publication scheduled for later: content intent that must survive.
  const draft = await payload.create({ collection: 'news', data: { title: 'Tin hẹn giờ đăng', lead: 'Tin sẽ đăng sau.' } as never, draft: true })
  await payload.jobs.queue({
    task: 'schedulePublish',
    input: { type: 'publish', doc: { relationTo: 'news', value: draft.id }, user: { relationTo: 'users', value: users.publisher.id } },
    waitUntil: new Date(Date.now() + 7 * 24 * 3600 * 1000),
  })
  before = await snapshot(payload)
  archive = path.join(tmpDir('backups'), 'so-tay.tar.gz')
  await createBackup(payload, archive)
})
afterAll(async () => {
  await payload?.destroy()
})

describe('backup and restore', () => {
  it('backs up every collection, its versions and its files with counts and checksums', async () => {
    const dir = await extract(archive)
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'))
    const count = (slug: string) => manifest.collections.find((c: any) => c.slug === slug)?.records.count
    for (const [slug, records] of Object.entries(before.records)) expect(count(slug), slug).toBe(records.length)
    expect(count('payload-jobs')).toBe(1)
    expect(manifest.collections.map((c: any) => c.slug)).not.toContain('payload-locked-documents')
    const files = Object.values(before.files).reduce((n, f) => n + Object.keys(f).length, 0)
    expect(files).toBeGreaterThanOrEqual(6) // the PDF, the image and its four sizes
    expect(manifest.uploads).toHaveLength(files)
    for (const upload of manifest.uploads) expect(upload.sha256).toBe(before.files[upload.collection][upload.filename])
    // Password hashes travel (users log in after a restore); sessions and reset tokens do not.
    const users = readLines(path.join(dir, 'records/users.jsonl'))
    expect(users.every((u) => typeof u.hash === 'string' && typeof u.salt === 'string')).toBe(true)
    expect(users.some((u) => 'sessions' in u || 'resetPasswordToken' in u)).toBe(false)
  })

  it('restores into a new empty installation with the real scripts: every record and file identical', async () => {
    const target = freshInstallationEnv()
    const restored = await runScript('scripts/restore.ts', [archive], target)
    expect(restored.code, restored.stderr).toBe(0)
    expect(restored.stdout).toContain('Đã khôi phục')
    expect(restored.stderr).toMatch(/Đang kiểm tra/) // progress is shown
    // Back up the restored installation and compare both archives entry by entry.
    const second = path.join(tmpDir('backups'), 'again.tar.gz')
    const backedUp = await runScript('scripts/backup.ts', ['--out', second], target)
    expect(backedUp.code, backedUp.stderr).toBe(0)
    const [a, b] = [await extract(archive), await extract(second)]
    const [ma, mb] = [a, b].map((d) => JSON.parse(fs.readFileSync(path.join(d, 'manifest.json'), 'utf8')))
    expect(mb.collections.map((c: any) => [c.slug, c.records.count, c.versions?.count])).toEqual(
      ma.collections.map((c: any) => [c.slug, c.records.count, c.versions?.count]),
    )
    for (const c of ma.collections) {
      expect(readLines(path.join(b, c.records.path)), c.slug).toEqual(readLines(path.join(a, c.records.path)))
      if (c.versions) {
        const strip = (rows: Record<string, any>[]) => rows.map(({ id: _id, ...rest }) => rest)
        expect(strip(readLines(path.join(b, c.versions.path))), `${c.slug} versions`).toEqual(strip(readLines(path.join(a, c.versions.path))))
      }
    }
    const key = (u: any) => `${u.collection}/${u.filename}=${u.sha256}`
    expect(mb.uploads.map(key).sort()).toEqual(ma.uploads.map(key).sort())
    // The files really are in the new installation's upload folders.
    expect(hashFolder(path.join(target.DATA_DIR, 'media'))).toEqual(before.files.media)
    expect(hashFolder(path.join(target.DATA_DIR, 'files'))).toEqual(before.files.files)
  })

  it('refuses a non-empty installation without --force and changes nothing', async () => {
    const backup = await openBackup(archive, process.env.DATA_DIR!)
    try {
      await expect(restoreBackup(payload, backup)).rejects.toThrow(BackupError)
      await expect(restoreBackup(payload, backup)).rejects.toThrow(/--force/)
    } finally {
      backup.close()
    }
    expect(await snapshot(payload)).toEqual(before)
  })

  it('with --force replaces changed content by the backup: Local API view identical, users log in', async () => {
    // Change the installation after the backup: a new organization, a deleted news item, a lost file.
    await payload.create({ collection: 'organizations', data: { name: 'Đảng ủy mới thêm', code: 'ĐU', kind: 'dang-bo-truc-thuoc' } as never })
    const news = (await payload.find({ collection: 'news', limit: 1, where: { cover: { exists: false } } })).docs[0]
    await payload.delete({ collection: 'news', id: news.id })
    const media = path.join(process.env.DATA_DIR!, 'media')
    fs.rmSync(path.join(media, fs.readdirSync(media)[0]))
    expect(await snapshot(payload)).not.toEqual(before)

    const backup = await openBackup(archive, process.env.DATA_DIR!)
    const summary = await restoreBackup(payload, backup, { force: true })
    backup.close()
    expect(summary.files).toBe(Object.values(before.files).reduce((n, f) => n + Object.keys(f).length, 0))
    expect(await snapshot(payload)).toEqual(before)
    // Hashes and salts came back: the users' own passwords work (over the real REST login).
    const rest = restClient(payload.config)
    for (const role of ['admin', 'editor']) expect(await rest.login(`${role}@so-tay.test`, PASSWORD)).toBeTruthy()
    expect(await rest.login('member@so-tay.test', PASSWORD, 'members')).toBeTruthy()
    // No staging or set-aside folders are left in the data folder.
    expect(fs.readdirSync(process.env.DATA_DIR!).filter((n) => n.startsWith('.restore-') || n.includes('.replaced-'))).toEqual([])
  })
})
