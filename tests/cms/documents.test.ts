import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { plainTextToLexical } from '../../cms/richtext/plainText'
import { createOrganizations, documentData } from '../helpers/fixtures'
import { startPayload } from '../helpers/payload'

let payload: Payload
let orgs: Awaited<ReturnType<typeof createOrganizations>>

beforeAll(async () => {
  payload = await startPayload()
  orgs = await createOrganizations(payload)
})
afterAll(async () => {
  await payload?.destroy()
})

const fieldMessages = (error: unknown): string[] => ((error as { data?: { errors?: { message: string }[] } }).data?.errors ?? []).map((e) => e.message)

describe('document numbers', () => {
  it('stores the printed number and its normalized keys', async () => {
    const doc: any = await payload.create({ collection: 'documents', data: documentData(orgs.tw.id, { number: ' 27-QĐ/TW ', type: 'quyet-dinh' }) })
    expect(doc.number).toBe('27-QĐ/TW')
    expect(doc.numberKey).toBe('27-qd/tw')
    expect(doc.numberShortKey).toBe('27-qd')
    expect(doc.slug).toBe('quyet-dinh-27-tw-2024')
  })

  it('accepts a quy định filed with QĐi and with QĐ', async () => {
    const a: any = await payload.create({ collection: 'documents', data: documentData(orgs.tw.id, { number: '08-QĐi/TW', type: 'quy-dinh' }) })
    expect(a.numberKey).toBe('8-qdi/tw')
    const b: any = await payload.create({ collection: 'documents', data: documentData(orgs.tw.id, { number: '213-QĐ/TW', type: 'quy-dinh' }) })
    expect(b.numberKey).toBe('213-qd/tw')
  })

  it.each(['21', 'NQ/TW', '21-NQ', 'abc', '21_NQ_TW'])('rejects the malformed number %j with a Vietnamese message', async (number) => {
    const error = await payload.create({ collection: 'documents', data: documentData(orgs.tw.id, { number }) }).catch((e) => e)
    expect(error).toBeInstanceOf(Error)
    const messages = fieldMessages(error)
    expect(messages.join(' ')).toMatch(/số|ký hiệu/i)
    expect(messages.join(' ')).toMatch(/21-NQ\/TW/)
  })

  it('rejects a number whose code does not fit the document type', async () => {
    const error = await payload.create({ collection: 'documents', data: documentData(orgs.tw.id, { number: '35-CT/TW', type: 'nghi-quyet' }) }).catch((e) => e)
    expect(fieldMessages(error).join(' ')).toContain('không khớp với loại văn bản “Nghị quyết”')
  })
})

describe('duplicates', () => {
  it('refuses the same number, issuer and date, naming the existing document', async () => {
    const first: any = await payload.create({
      collection: 'documents',
      data: documentData(orgs.tw.id, { number: '21-NQ/TW', issuedAt: '2022-06-16', title: 'Về tăng cường củng cố, xây dựng tổ chức cơ sở đảng' }),
    })
    const error = await payload
      .create({ collection: 'documents', data: documentData(orgs.tw.id, { number: '21-nq/tw', issuedAt: '2022-06-16' }) })
      .catch((e) => e)
    const message = fieldMessages(error).join(' ')
    expect(message).toContain('Đã có văn bản số 21-NQ/TW')
    expect(message).toContain('Về tăng cường củng cố, xây dựng tổ chức cơ sở đảng')
    expect(message).toContain(first.slug)
    const count = await payload.count({ collection: 'documents', where: { numberKey: { equals: '21-nq/tw' } } })
    expect(count.totalDocs).toBe(1)
  })

  it('accepts the same number in another term (other date) with its own slug', async () => {
    const older: any = await payload.create({
      collection: 'documents',
      data: documentData(orgs.tw.id, { number: '21-NQ/TW', issuedAt: '2017-10-25', title: 'Về công tác dân số trong tình hình mới' }),
    })
    expect(older.slug).toBe('nghi-quyet-21-tw-2017')
    const sameYear: any = await payload.create({
      collection: 'documents',
      data: documentData(orgs.tw.id, { number: '21-NQ/TW', issuedAt: '2017-03-01', title: 'Văn bản khác cùng số, cùng năm' }),
    })
    expect(sameYear.slug).toBe('nghi-quyet-21-tw-2017-2')
  })

  it('refuses a duplicate made by editing another document', async () => {
    const a: any = await payload.create({ collection: 'documents', data: documentData(orgs.tw.id, { issuedAt: '2023-01-02' }) })
    const b: any = await payload.create({ collection: 'documents', data: documentData(orgs.tw.id, { issuedAt: '2023-01-02' }) })
    const error = await payload.update({ collection: 'documents', id: b.id, data: { number: a.number } }).catch((e) => e)
    expect(fieldMessages(error).join(' ')).toContain(`Đã có văn bản số ${a.number}`)
  })
})

describe('secrecy (Luật 29/2018)', () => {
  it.each(['mat', 'toi-mat', 'tuyet-mat'])('never publishes a %s document, even through trusted server code', async (secrecy) => {
    const error = await payload.create({ collection: 'documents', data: documentData(orgs.tw.id, { secrecy, _status: 'published' }) }).catch((e) => e)
    expect(fieldMessages(error).join(' ')).toContain('không được phép xuất bản')
    const found = await payload.find({ collection: 'documents', where: { secrecy: { equals: secrecy } } })
    expect(found.totalDocs).toBe(0)
  })

  it('keeps a secret document as a draft but refuses to publish it later', async () => {
    const draft: any = await payload.create({ collection: 'documents', data: documentData(orgs.tw.id, { secrecy: 'mat' }), draft: true })
    expect(draft._status).toBe('draft')
    const error = await payload.update({ collection: 'documents', id: draft.id, data: { _status: 'published' } }).catch((e) => e)
    expect(fieldMessages(error).join(' ')).toContain('«Mật»')
    const reread: any = await payload.findByID({ collection: 'documents', id: draft.id })
    expect(reread._status).toBe('draft')
  })

  it('refuses to mark a live document secret, even as a draft', async () => {
    const live: any = await payload.create({ collection: 'documents', data: documentData(orgs.tw.id, { _status: 'published' }) })
    const error = await payload.update({ collection: 'documents', id: live.id, data: { secrecy: 'toi-mat' }, draft: true }).catch((e) => e)
    expect(fieldMessages(error).join(' ')).toContain('«Tối mật»')
    const unpublished = await payload.update({ collection: 'documents', id: live.id, data: { _status: 'draft' } })
    expect(unpublished._status).toBe('draft')
    const marked: any = await payload.update({ collection: 'documents', id: live.id, data: { secrecy: 'toi-mat' } })
    expect(marked.secrecy).toBe('toi-mat')
  })
})

describe('relations', () => {
  it('are navigable from both ends', async () => {
    const old: any = await payload.create({
      collection: 'documents',
      data: documentData(orgs.tw.id, { type: 'quy-dinh', number: '47-QĐ/TW', issuedAt: '2011-11-01', status: 'superseded', _status: 'published' }),
    })
    const guide: any = await payload.create({
      collection: 'documents',
      data: documentData(orgs.tw.id, { type: 'huong-dan', number: '02-HD/TW', issuedAt: '2021-12-01', _status: 'published' }),
    })
    const replacement: any = await payload.create({
      collection: 'documents',
      data: documentData(orgs.tw.id, { type: 'quy-dinh', number: '37-QĐ/TW', issuedAt: '2021-10-25', replaces: [old.id], _status: 'published' }),
    })
    await payload.update({ collection: 'documents', id: guide.id, data: { guides: [replacement.id] } })
    const reread: any = await payload.findByID({ collection: 'documents', id: old.id, depth: 1 })
    expect(reread.replacedBy.docs.map((d: any) => d.id)).toEqual([replacement.id])
    const target: any = await payload.findByID({ collection: 'documents', id: replacement.id, depth: 1 })
    expect(target.guidedBy.docs.map((d: any) => d.id)).toEqual([guide.id])
    expect(target.replaces.map((d: any) => d.id)).toEqual([old.id])
  })
})

describe('slugs', () => {
  it('stay stable when the title or number is corrected', async () => {
    const doc: any = await payload.create({ collection: 'documents', data: documentData(orgs.tw.id, { number: '999-NQ/TW' }) })
    const updated: any = await payload.update({ collection: 'documents', id: doc.id, data: { title: 'Trích yếu đã sửa', number: '998-NQ/TW' } })
    expect(updated.slug).toBe(doc.slug)
    expect(updated.numberKey).toBe('998-nq/tw')
  })

  it('number repeated titles past the first window, ignoring slugs that merely contain the same words', async () => {
    const news = (title: string) =>
      payload.create({
        collection: 'news',
        data: { title, category: 'thong-tin-huu-ich', lead: 'Sa-pô.', body: plainTextToLexical('Nội dung.'), publishedAt: '2024-05-10' } as any,
      })
    // Shares every word of the title below but is a different slug: must not push it to "-2".
    const lookalike: any = await news('Lịch sinh hoạt chi bộ tháng này thôn Đông')
    expect(lookalike.slug).toBe('lich-sinh-hoat-chi-bo-thang-nay-thon-dong')
    const slugs: string[] = []
    for (let i = 0; i < 53; i++) slugs.push(((await news('Lịch sinh hoạt chi bộ tháng này')) as any).slug)
    expect(slugs[0]).toBe('lich-sinh-hoat-chi-bo-thang-nay')
    expect(slugs.slice(1, 3)).toEqual(['lich-sinh-hoat-chi-bo-thang-nay-2', 'lich-sinh-hoat-chi-bo-thang-nay-3'])
    expect(slugs.at(-1)).toBe('lich-sinh-hoat-chi-bo-thang-nay-53')
    expect(new Set(slugs).size).toBe(53)
  })
})

describe('audit log', () => {
  it('records publish, unpublish and delete with who and from which status', async () => {
    const doc: any = await payload.create({ collection: 'documents', data: documentData(orgs.tw.id), draft: true })
    await payload.update({ collection: 'documents', id: doc.id, data: { _status: 'published' } })
    await payload.update({ collection: 'documents', id: doc.id, data: { title: 'Bản nháp mới' }, draft: true })
    await payload.update({ collection: 'documents', id: doc.id, data: { _status: 'draft' } })
    await payload.delete({ collection: 'documents', id: doc.id })
    const logs = await payload.find({ collection: 'audit-logs', where: { documentId: { equals: doc.id } }, sort: 'at', limit: 10 })
    expect(logs.docs.map((l: any) => [l.action, l.fromStatus])).toEqual([
      ['publish', 'draft'],
      ['unpublish', 'published'],
      ['delete', 'draft'],
    ])
    expect(logs.docs[0].userEmail).toBe('hệ thống')
  })
})
