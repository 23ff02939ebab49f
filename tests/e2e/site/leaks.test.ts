/**
 * Nothing that is draft, secret or members-only reaches the site: not in any page, feed, sitemap or
 * file it serves (crawled), not in the build output (HTML, JS chunks, the server bundle), not in
 * the site's library store or its copies of uploads — in any escaping — nor through on-demand search.
 */
import fs from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { openStore, storeDir } from '../../../library/store'
import { corpus, crawlSite, forbiddenNeedles, get, HIDDEN, listedDocumentSlugs, searchForms, textOf, unescapeAll, walkFiles } from '../../helpers/site'
import { slugify } from '../../../core/vietnamese'

const site = inject('site')
const c = corpus()
const needles = forbiddenNeedles(site.hidden)
const forms = (text: string) => searchForms(unescapeAll(text))

/**
 * Everything the site holds or serves, as searchable text (unescaped, NFC, lower case, folded):
 * "site:" crawled responses, "dist/" the build, "store:" library store rows, "upload:" its copies.
 */
async function outputTexts(): Promise<Array<{ file: string; forms: string[] }>> {
  const crawled = (await crawlSite(site.url)).map((p) => ({ file: `site:${p.path}`, forms: forms(p.text) }))
  const built = walkFiles(site.distDir).map((file) => ({ file: `dist/${path.relative(site.distDir, file)}`, forms: forms(fs.readFileSync(file, 'utf8')) }))
  const db = openStore(site.dataDir)
  const rows = db.prepare('SELECT collection, id, data FROM entries').all() as Array<{ collection: string; id: string; data: string }>
  db.close()
  const stored = rows.map((r) => ({ file: `store:${r.collection}/${r.id}`, forms: forms(r.data) }))
  const uploads = walkFiles(storeDir(site.dataDir))
    .filter((f) => !f.includes('library.sqlite'))
    .map((f) => ({ file: `upload:${path.basename(f)}`, forms: forms(`${path.basename(f)}\n${fs.readFileSync(f, 'latin1')}`) }))
  return [...crawled, ...built, ...stored, ...uploads]
}

describe('nothing forbidden in what the site serves or holds', () => {
  let outputs: Array<{ file: string; forms: string[] }> = []
  beforeAll(async () => {
    outputs = await outputTexts()
  })
  const find = (text: string) => {
    // Titles are also looked for as slugs (an address generated from a title would carry it).
    const wanted = [...searchForms(text), ...(text.length >= 20 ? [slugify(text)] : [])]
    return outputs.filter((o) => wanted.some((w) => o.forms.some((f) => f.includes(w)))).map((o) => o.file)
  }

  it('scans every page, feed, sitemap and file, the build and the library store', () => {
    const files = outputs.map((o) => o.file)
    const c2 = corpus()
    expect(files.filter((f) => /^site:\/van-ban\/[^/]+\/$/.test(f)).length).toBeGreaterThanOrEqual(c2.publicDocuments.length)
    expect(files.some((f) => f.startsWith('site:/tep/'))).toBe(true)
    expect(files.some((f) => f.startsWith('site:/anh/'))).toBe(true)
    expect(files).toEqual(expect.arrayContaining(['site:/sitemap-0.xml', 'site:/van-ban/rss.xml', 'site:/tin-tuc/rss.xml']))
    expect(files.some((f) => f.startsWith('dist/server/') && f.endsWith('.mjs'))).toBe(true)
    expect(files.filter((f) => f.startsWith('store:documents/')).length).toBe(c2.publicDocuments.length)
    expect(files.some((f) => f.startsWith('upload:'))).toBe(true)
    // The needles cover every kind of hidden content.
    for (const kind of [
      'draftDocument',
      'membersLaterDocument',
      'secretDocument',
      'membersNews',
      'draftTopic',
      'newerDraft',
      'corpus internal-',
      'corpus ann-',
      'upload ',
    ]) {
      expect(
        needles.some((n) => n.what.startsWith(kind)),
        kind,
      ).toBe(true)
    }
    expect(site.hidden.filenames.length).toBeGreaterThanOrEqual(2)
  })

  it('finds public content with the same scan (the scan can see a leak)', () => {
    const publicDoc = c.publicDocuments.find((d) => d.id === 'nghi-quyet-52-tw-2019')!
    expect(find(publicDoc.title).some((f) => f.startsWith('site:'))).toBe(true)
    // The store keeps rich text as escaped HTML inside JSON; it is still read.
    expect(find(publicDoc.summary.slice(0, 80)).some((f) => f.startsWith('store:'))).toBe(true)
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
    const hiddenSlugs = [
      HIDDEN.draftDocument.slug,
      HIDDEN.secretDocument.slug,
      HIDDEN.membersLaterDocument.slug,
      HIDDEN.membersNews.slug,
      HIDDEN.draftTopic.slug,
      ...c.membersDocuments.map((d) => d.id),
    ]
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
