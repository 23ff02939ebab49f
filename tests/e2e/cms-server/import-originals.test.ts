/**
 * The admin's bulk upload of originals, against the real CMS server: the endpoint
 * (POST /api/import-originals) with its refusals, and the admin page in a real browser.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { partyDocumentPdf } from '../../../bench/import-folder/partyPdf'
import { SCAN_FILE } from '../../fixtures/folder-import/scan'
import { launchBrowser } from '../../helpers/site'
import { call, cms, createWorld, sendJson } from './world'

let world: Awaited<ReturnType<typeof createWorld>>
let browser: Browser
const tag = crypto.randomBytes(3).toString('hex')
// Numbers unique to this run: the server's database is shared by every test file.
const seq = () => crypto.randomInt(10_000, 99_999)

/** A central-committee document whose issuer the world's catalogue holds ("Ban Chấp hành Trung ương goc-<tag>"). */
const printed = (number: string, title: string) =>
  partyDocumentPdf({
    body: `BAN CHẤP HÀNH TRUNG ƯƠNG GOC-${tag.toUpperCase()}`,
    number,
    place: 'Hà Nội',
    date: [2023, 9, 12],
    type: 'NGHỊ QUYẾT',
    title,
    paragraphs: ['Các cấp ủy, tổ chức đảng quán triệt và tổ chức thực hiện nghiêm túc nghị quyết này.'],
    signature: { onBehalf: `T/M BAN CHẤP HÀNH TRUNG ƯƠNG GOC-${tag.toUpperCase()}`, position: 'TỔNG BÍ THƯ', name: 'Nguyễn Văn Thành' },
    recipients: ['- Như trên,', '- Lưu Văn phòng Trung ương Đảng.'],
  })

const upload = (files: { bytes: Uint8Array; name: string; type: string }[], token?: string) => {
  const form = new FormData()
  for (const f of files) form.append('files', new Blob([f.bytes as Uint8Array<ArrayBuffer>], { type: f.type }), f.name)
  return call('/api/import-originals', { method: 'POST', body: form, token })
}
const pdf = (bytes: Uint8Array, name: string) => ({ bytes, name, type: 'application/pdf' })

beforeAll(async () => {
  world = await createWorld(`goc-${tag}`)
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

describe('POST /api/import-originals', () => {
  it('turns each file into a draft with its header read, and reports a copy and a broken file', async () => {
    const number = `${seq()}-NQ/TW`
    const bytes = await printed(number, 'về tăng cường công tác nhập văn bản từ tệp gốc')
    const broken = fs.readFileSync(path.resolve(__dirname, '../../fixtures/attachments/broken.pdf'))
    const res = await upload([pdf(bytes, 'nghi-quyet.pdf'), pdf(bytes, 'ban-sao.pdf'), pdf(broken, 'hong.pdf')], world.users.editor.token)
    expect(res.status).toBe(200)
    const [created, copy, failed] = res.json.results
    expect(created).toMatchObject({ file: 'nghi-quyet.pdf', outcome: 'created', label: 'Đã tạo bản nháp', missingLabels: [] })
    expect(copy).toMatchObject({ file: 'ban-sao.pdf', outcome: 'duplicate', existing: { id: created.documentId } })
    expect(failed).toMatchObject({ file: 'hong.pdf', outcome: 'failed', reason: 'Không đọc được tệp PDF: tệp bị hỏng hoặc không phải là tệp PDF hợp lệ.' })

    const doc = await sendJson('GET', `/api/documents/${created.documentId}?draft=true&depth=1`, undefined, world.admin)
    expect(doc.json).toMatchObject({
      _status: 'draft',
      number,
      type: 'nghi-quyet',
      title: 'Về tăng cường công tác nhập văn bản từ tệp gốc',
      issuer: { id: world.orgs.central },
      level: 'trung-uong',
      signer: 'Nguyễn Văn Thành',
      fromFile: { source: 'nghi-quyet.pdf', textFrom: 'text-layer', confirmed: false },
    })
    expect(doc.json.issuedAt.slice(0, 10)).toBe('2023-09-12')
    expect(doc.json.attachments[0].extractedText).toContain('công tác nhập văn bản từ tệp gốc')
  })

  it('reads a scanned page by OCR on the server', async () => {
    const res = await upload([pdf(fs.readFileSync(SCAN_FILE), 'ban-quet.pdf')], world.users.publisher.token)
    expect(res.status).toBe(200)
    const [r] = res.json.results
    if (!res.json.ocr.available) {
      console.log(`SKIPPED: OCR on the CMS server (${res.json.ocr.reason})`)
      expect(r).toMatchObject({ outcome: 'needs-review', textFrom: 'none' })
      return
    }
    // Only this test uploads the scan to the server's fresh database: it is never a duplicate here.
    // (The server's catalogue has no Quảng Ngãi committee, so the draft may need its issuer chosen.)
    expect(r.outcome).toMatch(/^(created|needs-review)$/)
    expect(r.textFrom).toBe('ocr')
    const doc = await sendJson('GET', `/api/documents/${r.documentId}?draft=true&depth=1`, undefined, world.admin)
    expect(doc.json.attachments[0].extraction).toBe('ocr')
    expect(doc.json.attachments[0].extractedText).toContain('chuyển đổi số tỉnh Quảng Ngãi')
  })

  it('is refused, in Vietnamese, to anonymous callers, contributors and members, and for bad requests', async () => {
    const one = [pdf(await printed(`${seq()}-NQ/TW`, 'về thử nghiệm quyền'), 'a.pdf')]
    expect((await upload(one)).status).toBe(401)
    for (const role of ['contributor', 'member'] as const) {
      const res = await upload(one, world.users[role].token)
      expect(res.status, role).toBe(403)
      expect(res.json.errors[0].message).toBe('Chỉ Biên tập viên, Tổng biên tập và Quản trị viên được nhập bản gốc hàng loạt.')
    }
    const empty = await call('/api/import-originals', { method: 'POST', body: new FormData(), token: world.users.editor.token })
    expect(empty.status).toBe(400)
    expect(empty.json.errors[0].message).toMatch(/^Chưa chọn tệp nào/)
    const json = await sendJson('POST', '/api/import-originals', { files: [] }, world.users.editor.token)
    expect(json.status).toBe(415)
    const text = await upload([{ bytes: Buffer.from('không phải PDF'), name: 'ghi-chu.txt', type: 'text/plain' }], world.users.editor.token)
    expect(text.json.results[0]).toMatchObject({ outcome: 'failed', reason: 'Chỉ nhập được tệp PDF (.pdf) và Word (.docx).' })
  })
})

describe('the admin page (real browser)', () => {
  it('uploads several originals and links each result to its draft', { timeout: 180_000 }, async () => {
    const dir = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'so-tay-goc-'))
    const first = path.join(dir, 'nq-mot.pdf')
    const second = path.join(dir, 'nq-hai.pdf')
    fs.writeFileSync(first, await printed(`${seq()}-NQ/TW`, 'về thí điểm nhập bản gốc qua trang quản trị'))
    fs.writeFileSync(second, await printed(`${seq()}-NQ/TW`, 'về hoàn thiện quy trình biên tập văn bản'))

    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } })
    await context.addCookies([{ name: 'payload-token', value: world.users.editor.token, url: cms.url }])
    const publicHost = new URL(cms.serverUrl).host
    // The server's public address (the only origin its CSRF check accepts) is not where it listens,
    // so the page's writes are passed on as if they came from there (see admin-errors.test.ts).
    const chosen = new Map([first, second].map((f) => [path.basename(f), fs.readFileSync(f)]))
    const uploads: string[] = []
    await context.route(`${cms.url}/api/**`, async (route) => {
      const request = route.request()
      if (request.method() === 'GET') return route.continue()
      if (new URL(request.url()).pathname === '/api/import-originals') {
        // Chromium hands interception the multipart body without the files' bytes. The page's request
        // is checked (every chosen file, by name, in the field "files"), then sent on with the bytes
        // of those same files, as the editor; the page gets the server's real answer.
        const sent = request.postDataBuffer()?.toString('latin1') ?? ''
        const names = [...sent.matchAll(/name="files"; filename="([^"]+)"/g)].map((m) => m[1])
        uploads.push(...names)
        const form = new FormData()
        for (const name of names) form.append('files', new Blob([chosen.get(name)! as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }), name)
        const res = await call('/api/import-originals', { method: 'POST', body: form, token: world.users.editor.token })
        return route.fulfill({ status: res.status, contentType: 'application/json', body: res.text })
      }
      await route.fulfill({
        response: await route.fetch({ headers: { ...request.headers(), origin: cms.serverUrl, host: publicHost, 'x-forwarded-host': publicHost } }),
      })
    })
    const page = await context.newPage()
    try {
      await page.goto(`${cms.url}/admin`)
      // From the dashboard, where editors land (the navigation drawer may be closed at this width).
      await page.getByRole('region', { name: 'Nhập bản gốc' }).getByRole('link', { name: 'Nhập bản gốc hàng loạt' }).click()
      await page.getByRole('heading', { name: 'Nhập bản gốc hàng loạt' }).waitFor()
      await page.getByLabel('Tệp bản gốc').setInputFiles([first, second])
      await page.getByRole('button', { name: 'Tải lên và tạo bản nháp' }).click()
      const table = page.getByRole('table', { name: /Kết quả \(2 tệp\)/ })
      await table.waitFor({ timeout: 60_000 })
      expect(uploads.sort()).toEqual(['nq-hai.pdf', 'nq-mot.pdf'])
      const links = table.getByRole('link', { name: 'Đã tạo bản nháp' })
      expect(await links.count()).toBe(2)
      await links.first().click()
      await page.waitForURL(/\/admin\/collections\/documents\/[0-9a-f-]+$/)
      // The draft opens with its sidebar group saying what was read from the file.
      await page.getByText('Đọc từ tệp gốc').first().waitFor()
      await expect.poll(() => page.getByLabel('Trích yếu').inputValue()).toBe('Về thí điểm nhập bản gốc qua trang quản trị')
    } catch (error) {
      await page.screenshot({ path: 'tmp/import-originals-failure.png', fullPage: true }).catch(() => {})
      throw error
    }
    await context.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })
})
