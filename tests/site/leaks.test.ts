/**
 * Nothing that is draft, secret or members-only reaches the site: not in any file of the build
 * output (HTML, XML, JSON, JS chunks, the server bundle with its content snapshot, copied uploads),
 * in any escaping, nor through the server's routes and on-demand search.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, inject, it } from 'vitest'
import { corpus, forbiddenNeedles, get, HIDDEN, listedDocumentSlugs, searchForms, textOf, unescapeAll, walkFiles } from '../helpers/site'
import { slugify } from '../../search/vietnamese'

const site = inject('site')
const c = corpus()
const needles = forbiddenNeedles(site.hidden)

/** Every file of dist/ (client and server) as searchable text: unescaped, NFC, lower case, and folded. */
function outputTexts(): Array<{ file: string; forms: string[] }> {
  return walkFiles(site.distDir).map((file) => {
    const forms = searchForms(unescapeAll(fs.readFileSync(file, 'utf8')))
    return { file: path.relative(site.distDir, file), forms }
  })
}

describe('nothing forbidden in the build output', () => {
  const outputs = outputTexts()
  const find = (text: string) => {
    // Titles are also looked for as slugs (an address generated from a title would carry it).
    const wanted = [...searchForms(text), ...(text.length >= 20 ? [slugify(text)] : [])]
    return outputs.filter((o) => wanted.some((w) => o.forms.some((f) => f.includes(w)))).map((o) => o.file)
  }

  it('scans the whole output, client and server', () => {
    const files = outputs.map((o) => o.file)
    expect(files.some((f) => f.startsWith('client/') && f.endsWith('.html'))).toBe(true)
    expect(files.some((f) => f.startsWith('client/') && f.endsWith('.xml'))).toBe(true)
    expect(files.some((f) => f.startsWith('server/') && f.endsWith('.mjs'))).toBe(true)
    // The needles cover every kind of hidden content.
    for (const kind of ['draftDocument', 'membersLaterDocument', 'secretDocument', 'membersNews', 'draftTopic', 'newerDraft', 'corpus internal-', 'corpus ann-', 'upload ']) {
      expect(needles.some((n) => n.what.startsWith(kind)), kind).toBe(true)
    }
    expect(site.hidden.filenames.length).toBeGreaterThanOrEqual(2)
  })

  it('finds public content with the same scan (the scan can see a leak)', () => {
    const publicDoc = c.publicDocuments.find((d) => d.id === 'nghi-quyet-52-tw-2019')!
    expect(find(publicDoc.title).some((f) => f.startsWith('client/'))).toBe(true)
    // The content snapshot in the server bundle escapes text inside a JS string; it is still read.
    expect(find(publicDoc.summary.slice(0, 80)).some((f) => f.startsWith('server/'))).toBe(true)
    // Folded spelling is searched too.
    expect(find('Ve mot so chu truong, chinh sach chu dong tham gia cuoc Cach mang cong nghiep lan thu tu').length).toBeGreaterThan(0)
  })

  it('contains no slug, number, title or text of draft, secret or members-only content, nor their uploads', () => {
    const leaks = needles.map((n) => ({ ...n, files: find(n.text) })).filter((n) => n.files.length > 0)
    expect(leaks.map((l) => `${l.what} «${l.text}» in ${l.files.slice(0, 5).join(', ')}`)).toEqual([])
  })
})

describe('nothing forbidden through the server', () => {
  it.each([
    `/van-ban/${HIDDEN.draftDocument.slug}/`,
    `/van-ban/${HIDDEN.membersLaterDocument.slug}/`,
    `/van-ban/${HIDDEN.secretDocument.slug}/`,
    `/tin-tuc/${HIDDEN.membersNews.slug}/`,
    `/chuyen-de/${HIDDEN.draftTopic.slug}/`,
    ...c.membersDocuments.map((d) => `/van-ban/${d.id}/`),
    ...site.hidden.filenames.map((f) => (f.endsWith('.pdf') ? `/tep/${f}` : `/anh/${f}`)),
  ])('%s is not found', async (url) => {
    const res = await get(site.url, url)
    expect(res.status).toBe(404)
  })

  it('shows the published version, not the pending draft', async () => {
    const res = await get(site.url, `/van-ban/${HIDDEN.newerDraft.slug}/`)
    expect(res.status).toBe(200)
    const text = textOf(res.text)
    expect(text).toContain(c.publicDocuments.find((d) => d.id === HIDDEN.newerDraft.slug)!.title)
    expect(text).not.toContain(HIDDEN.newerDraft.draftTitle)
    expect(text).not.toContain(HIDDEN.newerDraft.draftSummary)
  })

  it.each([
    HIDDEN.draftDocument.number,
    HIDDEN.draftDocument.title,
    HIDDEN.secretDocument.number,
    HIDDEN.secretDocument.title,
    HIDDEN.membersLaterDocument.title,
    HIDDEN.membersNews.title,
    HIDDEN.draftTopic.title,
    'quỹ khuyến học',
    ...c.membersDocuments.flatMap((d) => [d.number, d.title]),
    c.announcements[0]!.title,
  ])('search shows nothing hidden for %s', async (query) => {
    const res = await get(site.url, `/tim-kiem?q=${encodeURIComponent(query)}`)
    expect(res.status).toBe(200)
    const body = res.text.slice(res.text.indexOf('<main'))
    const linked = [...body.matchAll(/href="\/(?:van-ban|tin-tuc|chuyen-de)\/([^/"?]+)\/"/g)].map((m) => m[1]!)
    const hiddenSlugs = [HIDDEN.draftDocument.slug, HIDDEN.secretDocument.slug, HIDDEN.membersLaterDocument.slug, HIDDEN.membersNews.slug, HIDDEN.draftTopic.slug, ...c.membersDocuments.map((d) => d.id)]
    expect(linked.filter((slug) => hiddenSlugs.includes(slug))).toEqual([])
    // The query is echoed back; nothing else of the hidden items may appear.
    const text = textOf(body).replaceAll(query, '')
    for (const n of needles.filter((n) => n.text.length >= 20 && n.text !== query)) expect(text, n.what).not.toContain(n.text)
  })

  it('search still finds the public document behind a pending draft, by its published title only', async () => {
    const res = await get(site.url, `/tim-kiem?q=${encodeURIComponent('cách mạng công nghiệp lần thứ tư')}`)
    expect(res.status).toBe(200)
    expect(listedDocumentSlugs(res.text)).toContain(HIDDEN.newerDraft.slug)
    expect(textOf(res.text)).not.toContain(HIDDEN.newerDraft.draftTitle)
    const draft = await get(site.url, `/tim-kiem?q=${encodeURIComponent('bản sửa đổi chưa duyệt trích yếu')}`)
    expect(textOf(draft.text)).not.toContain(HIDDEN.newerDraft.draftTitle)
  })
})
