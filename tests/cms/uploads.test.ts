import fs from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'
import sharp, { type SharpOptions } from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createOrganizations, createUsers, PASSWORD } from '../helpers/fixtures'
import { startPayload } from '../helpers/payload'
import { restClient } from '../helpers/rest'

const FIXTURES = path.resolve(__dirname, '../fixtures/attachments')

let payload: Payload
let token: string

beforeAll(async () => {
  // Small limits so the test can exceed them cheaply; the mechanism is the production one.
  process.env.UPLOAD_MAX_MB = '0.1'
  process.env.IMAGE_MAX_MB = '0.05'
  payload = await startPayload()
  const orgs = await createOrganizations(payload)
  const users = await createUsers(payload, orgs.branch.id)
  token = await restClient(payload.config).login(users.editor.email, PASSWORD)
})
afterAll(async () => {
  delete process.env.UPLOAD_MAX_MB
  delete process.env.IMAGE_MAX_MB
  await payload?.destroy()
})

/** Multipart upload through Payload's real REST handler, as the admin does it. */
async function upload(collection: string, name: string, type: string, bytes: Uint8Array, data: Record<string, unknown>) {
  const { REST_POST } = await import('@payloadcms/next/routes')
  const form = new FormData()
  form.append('file', new Blob([bytes as Uint8Array<ArrayBuffer>], { type }), name)
  form.append('_payload', JSON.stringify(data))
  const request = new Request(`http://localhost:3000/api/${collection}`, { method: 'POST', body: form, headers: { authorization: `JWT ${token}` } })
  const response = await (REST_POST(payload.config) as any)(request, { params: Promise.resolve({ slug: [collection] }) })
  return { status: response.status as number, text: await response.text() }
}

describe('attachments', () => {
  it('extracts and stores the text of a real PDF on upload', async () => {
    const res = await upload('files', 'nghi-quyet-mau.pdf', 'application/pdf', fs.readFileSync(path.join(FIXTURES, 'nghi-quyet-mau.pdf')), {
      title: 'Bản gốc PDF',
    })
    expect(res.status).toBe(201)
    const file: any = JSON.parse(res.text).doc
    const stored: any = await payload.findByID({ collection: 'files', id: file.id })
    expect(stored.extraction).toBe('ok')
    expect(stored.extractedText).toContain('chuyển đổi số trong công tác đảng')
    expect(stored.extractedText).toContain('99-NQ/TU')
    expect(stored.extractedText).toBe(stored.extractedText.normalize('NFC'))
    expect(fs.existsSync(path.join(process.env.DATA_DIR!, 'files', stored.filename))).toBe(true)
  })

  it('extracts and stores the text of a real DOCX on upload', async () => {
    const file: any = await payload.create({ collection: 'files', data: { title: 'Bản gốc DOCX' }, filePath: path.join(FIXTURES, 'nghi-quyet-mau.docx') })
    expect(file.extraction).toBe('ok')
    expect(file.extractedText).toContain('đồng bào dân tộc thiểu số')
  })

  it('refuses a damaged PDF and stores nothing', async () => {
    const before = (await payload.count({ collection: 'files' })).totalDocs
    const res = await upload('files', 'broken.pdf', 'application/pdf', fs.readFileSync(path.join(FIXTURES, 'broken.pdf')), { title: 'Tệp hỏng' })
    expect(res.status).toBe(400)
    expect((await payload.count({ collection: 'files' })).totalDocs).toBe(before)
  })

  it('rejects an oversize file whole, with a Vietnamese message', async () => {
    const before = (await payload.count({ collection: 'files' })).totalDocs
    // The real PDF padded with a comment after its header: too big, otherwise a plausible PDF.
    const pdf = fs.readFileSync(path.join(FIXTURES, 'nghi-quyet-mau.pdf')).toString('latin1')
    const header = pdf.indexOf('\n') + 1
    const big = Buffer.from(`${pdf.slice(0, header)}%${'x'.repeat(200 * 1024)}\n${pdf.slice(header)}`, 'latin1')
    const res = await upload('files', 'qua-lon.pdf', 'application/pdf', big, { title: 'Quá lớn' })
    // Payload re-wraps the multipart limit error as a 400; the message is ours.
    expect([400, 413]).toContain(res.status)
    expect(res.text).toMatch(/vượt giới hạn/)
    expect((await payload.count({ collection: 'files' })).totalDocs).toBe(before)
    expect(fs.readdirSync(path.join(process.env.DATA_DIR!, 'files')).some((f) => f.startsWith('qua-lon'))).toBe(false)
  })

  it('rejects a file of the wrong type', async () => {
    const before = (await payload.count({ collection: 'files' })).totalDocs
    const res = await upload('files', 'virus.exe', 'application/x-msdownload', new TextEncoder().encode('MZ this is not a document'), { title: 'Sai loại' })
    expect(res.status).toBe(400)
    expect((await payload.count({ collection: 'files' })).totalDocs).toBe(before)
  })
})

describe('images', () => {
  it('are resized by sharp into the configured sizes', async () => {
    const png = await sharp({ create: { width: 1600, height: 900, channels: 3, background: '#b71c1c' } })
      .png()
      .toBuffer()
    const res = await upload('media', 'anh-bia.png', 'image/png', png, { alt: 'Ảnh bìa thử nghiệm' })
    expect(res.status).toBe(201)
    const media: any = JSON.parse(res.text).doc
    expect(media.sizes.thumb.width).toBe(320)
    expect(media.sizes.card.width).toBe(640)
    expect(media.sizes.og.width).toBe(1200)
    expect(media.sizes.og.height).toBe(630)
  })

  it('refuses an image over the image limit with a Vietnamese message', async () => {
    const noisy = await sharp({ create: { width: 1200, height: 1200, channels: 3, noise: { type: 'gaussian', mean: 128, sigma: 60 } } } as SharpOptions)
      .png()
      .toBuffer()
    expect(noisy.length).toBeGreaterThan(0.05 * 1024 * 1024)
    const res = await upload('media', 'anh-lon.png', 'image/png', noisy, { alt: 'Ảnh quá lớn' })
    expect(res.status).toBe(413)
    expect(res.text).toContain('vượt giới hạn 0.05 MB')
  })
})
