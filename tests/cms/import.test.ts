import path from 'node:path'
import type { Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ImportFileError } from '../../scripts/import/rows'
import { importFile } from '../../scripts/import/write'
import { startPayload } from '../helpers/payload'
import { restClient } from '../helpers/rest'

const CORPUS = path.resolve(__dirname, '../../../shared/corpus/corpus.jsonl')
const FIXTURES = path.resolve(__dirname, '../fixtures/import')

let payload: Payload

beforeAll(async () => {
  payload = await startPayload()
})
afterAll(async () => {
  await payload?.destroy()
})

const counts = async () => ({
  documents: (await payload.count({ collection: 'documents' })).totalDocs,
  news: (await payload.count({ collection: 'news' })).totalDocs,
  topics: (await payload.count({ collection: 'topics' })).totalDocs,
  announcements: (await payload.count({ collection: 'announcements' })).totalDocs,
  organizations: (await payload.count({ collection: 'organizations' })).totalDocs,
  subjects: (await payload.count({ collection: 'subjects' })).totalDocs,
})

describe('import of the shared corpus', () => {
  let first: Awaited<ReturnType<typeof counts>>

  it('imports every record the first time', async () => {
    const progress: number[] = []
    const report = await importFile(payload, CORPUS, { onProgress: (done) => progress.push(done) })
    expect(report.rejected).toEqual([])
    expect(report).toMatchObject({ rows: 67, created: 67, updated: 0 })
    expect(progress.at(-1)).toBe(67)
    first = await counts()
    expect(first).toMatchObject({ documents: 43, news: 12, topics: 6, announcements: 6 })
    // Issuers named in the file become organizations once each (10 distinct issuers + announcement branches).
    expect(first.organizations).toBe(10)
  })

  it('keeps the record id as the slug and links both ends of a supersession', async () => {
    const old: any = (await payload.find({ collection: 'documents', where: { slug: { equals: 'quy-dinh-47-tw-2011' } }, depth: 1 })).docs[0]
    expect(old).toBeDefined()
    expect(old.status).toBe('superseded')
    expect(old.replacedBy.docs.map((d: any) => d.slug)).toEqual(['quy-dinh-37-tw-2021'])
    const news: any = (await payload.find({ collection: 'news', where: { slug: { equals: 'news-2024-03-14-hoa-phong-tap-huan-so-tay-dang-vien' } }, depth: 1 }))
      .docs[0]
    expect(news.relatedDocuments.map((d: any) => d.slug)).toEqual(['quyet-dinh-27-tw-2021', 'de-an-11-tu-yen-bai-2022'])
  })

  it('is idempotent: a second run updates and never duplicates', async () => {
    const report = await importFile(payload, CORPUS)
    expect(report).toMatchObject({ rows: 67, created: 0, updated: 67, rejected: [] })
    expect(await counts()).toEqual(first)
  })

  it('keeps members-only records away from anonymous readers', async () => {
    const rest = restClient(payload.config)
    const res = await rest.get('/documents?limit=200')
    expect(res.json.totalDocs).toBe(39)
    expect(res.text).not.toContain('internal-')
    const announcements = await rest.get('/announcements?limit=50')
    expect(announcements.json.totalDocs).toBe(0)
  })
})

describe('a re-import over files added in the admin', () => {
  const pdf = path.resolve(__dirname, '../fixtures/attachments/nghi-quyet-mau.pdf')
  const find = async (collection: 'documents' | 'news', slug: string) =>
    (await payload.find({ collection, where: { slug: { equals: slug } }, depth: 0, limit: 1 })).docs[0] as {
      id: string
      attachments?: string[]
      cover?: string | null
    }

  it('keeps attachments and covers the rows do not name, and clears them only with clearFiles', async () => {
    // What `npm start`'s demo seed does after importing the corpus: an original on 27-QĐ/TW, a cover on a news item.
    const doc = await find('documents', 'quyet-dinh-27-tw-2021')
    const file = await payload.create({ collection: 'files', data: { title: 'Bản gốc', sourceName: 'ban-goc-27.pdf' }, filePath: pdf })
    await payload.update({ collection: 'documents', id: doc.id, data: { attachments: [file.id] } })
    const news = await find('news', 'news-2024-03-14-hoa-phong-tap-huan-so-tay-dang-vien')
    const image = await payload.create({
      collection: 'media',
      data: { alt: 'Ảnh bìa' },
      file: {
        data: await sharp({ create: { width: 64, height: 48, channels: 3, background: '#a50e0e' } })
          .jpeg()
          .toBuffer(),
        mimetype: 'image/jpeg',
        name: 'bia.jpg',
        size: 0,
      },
    })
    await payload.update({ collection: 'news', id: news.id, data: { cover: image.id } })

    const again = await importFile(payload, CORPUS)
    expect(again).toMatchObject({ rows: 67, created: 0, updated: 67, rejected: [] })
    expect((await find('documents', 'quyet-dinh-27-tw-2021')).attachments).toEqual([file.id])
    expect((await find('news', 'news-2024-03-14-hoa-phong-tap-huan-so-tay-dang-vien')).cover).toBe(image.id)

    const cleared = await importFile(payload, CORPUS, { clearFiles: true })
    expect(cleared.rejected).toEqual([])
    expect((await find('documents', 'quyet-dinh-27-tw-2021')).attachments ?? []).toEqual([])
    expect((await find('news', 'news-2024-03-14-hoa-phong-tap-huan-so-tay-dang-vien')).cover ?? null).toBeNull()
  })
})

describe('import of a file with bad rows', () => {
  it('lands the good rows and names each bad one with its line and reason', async () => {
    const before = await counts()
    const report = await importFile(payload, path.join(FIXTURES, 'bad-rows.jsonl'))
    expect(report.created).toBeGreaterThanOrEqual(1)
    expect(report.rejected.length).toBeGreaterThanOrEqual(5)
    for (const r of report.rejected) {
      expect(r.line).toBeGreaterThan(0)
      expect(r.reason.length).toBeGreaterThan(10)
      expect(r.reason).toBe(r.reason.normalize('NFC'))
    }
    const after = await counts()
    const total = Object.values(after).reduce((a, b) => a + b, 0) - Object.values(before).reduce((a, b) => a + b, 0)
    expect(total).toBeGreaterThanOrEqual(report.created)
    // A rerun changes nothing more and rejects the same lines.
    const again = await importFile(payload, path.join(FIXTURES, 'bad-rows.jsonl'))
    expect(again.created).toBe(0)
    expect(again.rejected.map((r) => r.line)).toEqual(report.rejected.map((r) => r.line))
  })

  it('rejects a row whose number is a duplicate of another document, naming it', async () => {
    const fs = await import('node:fs')
    const os = await import('node:os')
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'import-')), 'dup.jsonl')
    const row = JSON.parse(fs.readFileSync(CORPUS, 'utf8').split('\n')[0])
    fs.writeFileSync(file, `${JSON.stringify({ ...row, id: 'ban-sao-trung-so' })}\n`)
    const report = await importFile(payload, file)
    expect(report.created).toBe(0)
    expect(report.rejected[0].line).toBe(1)
    expect(report.rejected[0].reason).toContain(`Đã có văn bản số ${row.number}`)
  })

  it('refuses a CSV with an unknown header before writing anything', async () => {
    const before = await counts()
    await expect(importFile(payload, path.join(FIXTURES, 'bad-header.csv'))).rejects.toBeInstanceOf(ImportFileError)
    expect(await counts()).toEqual(before)
  })

  it('imports the CSV equivalent of corpus records as updates of the same items', async () => {
    const before = await counts()
    const report = await importFile(payload, path.join(FIXTURES, 'corpus-sample.csv'))
    expect(report.rejected).toEqual([])
    expect(report.created).toBe(0)
    expect(report.updated).toBeGreaterThanOrEqual(4)
    expect(await counts()).toEqual(before)
  })
  it('notifies subscribers of imported documents only when asked to (--notify)', async () => {
    const fs = await import('node:fs')
    const os = await import('node:os')
    await payload.create({
      collection: 'subscribers',
      overrideAccess: true,
      data: {
        email: 'theo.doi@example.vn',
        status: 'confirmed',
        frequency: 'immediate',
        documents: true,
        consentAt: new Date().toISOString(),
        confirmedAt: new Date().toISOString(),
        requestedAt: new Date().toISOString(),
        tokenKey: 'k',
      } as never,
    })
    const fanOuts = async () => (await payload.count({ collection: 'payload-jobs', where: { taskSlug: { equals: 'mailFanOut' } } })).totalDocs
    const row = JSON.parse(fs.readFileSync(CORPUS, 'utf8').split('\n')[0])
    const fileWith = (id: string, number: string) => {
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'import-')), `${id}.jsonl`)
      fs.writeFileSync(file, `${JSON.stringify({ ...row, id, number, title: `${row.title} (${number})` })}\n`)
      return file
    }
    const before = await fanOuts()
    const quiet = await importFile(payload, fileWith('quyet-dinh-801-tw-2021', '801-QĐ/TW'))
    expect(quiet.created).toBe(1)
    expect(await fanOuts()).toBe(before)
    const loud = await importFile(payload, fileWith('quyet-dinh-802-tw-2021', '802-QĐ/TW'), { notify: true })
    expect(loud.created).toBe(1)
    expect(await fanOuts()).toBe(before + 1)
  })
})
