/**
 * Validity on document pages: a superseded document says so and links to its replacement, the
 * replacement lists what it replaces, an expired document says so, an in-force one says nothing.
 * The pairs come from the corpus's supersededBy.
 */
import { describe, expect, inject, it } from 'vitest'
import { corpus, get, textOf } from '../../helpers/site'

const site = inject('site')
const c = corpus()
const byId = new Map(c.publicDocuments.map((d) => [d.id, d]))
const superseded = c.publicDocuments.filter((d) => d.status === 'superseded')
const expired = c.publicDocuments.filter((d) => d.status === 'expired')

const bannerOf = (html: string) => html.match(/<div class="banner" role="note">([\s\S]*?)<\/div>/)?.[1]
/** The documents listed under a relation label (<dt>label</dt><dd>…</dd>) on a document page. */
const relationLinks = (html: string, label: string) => {
  const dd = html.match(new RegExp(`<dt>${label}</dt><dd>([\\s\\S]*?)</dd>`))?.[1] ?? ''
  return [...dd.matchAll(/<a href="\/van-ban\/([^/"]+)\/">/g)].map((m) => m[1])
}

describe('validity banners and replacement links', () => {
  it('covers the corpus pairs', () => {
    expect(superseded.map((d) => `${d.number}→${byId.get(d.supersededBy!)?.number}`)).toEqual(
      expect.arrayContaining(['47-QĐ/TW→37-QĐ/TW', '29-QĐ/TW→24-QĐ/TW', '102-QĐ/TW→69-QĐ/TW', '76-QĐ/TW→213-QĐ/TW', '105-QĐ/TW→80-QĐ/TW']),
    )
    expect(expired.map((d) => d.id)).toEqual(['chi-thi-35-tw-2019'])
  })

  it.each(superseded.map((d) => [d.id, d.supersededBy!]))('%s shows the banner pointing to %s, which lists it back', async (oldId, newId) => {
    const replacement = byId.get(newId)!
    const old = await get(site.url, `/van-ban/${oldId}/`)
    expect(old.status).toBe(200)
    const banner = bannerOf(old.text)
    expect(banner, 'banner').toBeDefined()
    expect(textOf(banner!)).toContain('Văn bản này đã bị thay thế')
    expect(banner).toContain(`<a href="/van-ban/${newId}/">`)
    expect(textOf(banner!)).toContain(replacement.number)
    expect(relationLinks(old.text, 'Được thay thế bởi')).toEqual([newId])
    expect(textOf(old.text.match(/<table class="meta-table">[\s\S]*?<\/table>/)![0])).toContain('Bị thay thế')

    const newer = await get(site.url, `/van-ban/${newId}/`)
    expect(newer.status).toBe(200)
    expect(relationLinks(newer.text, 'Thay thế văn bản')).toContain(oldId)
    expect(bannerOf(newer.text)).toBeUndefined()
  })

  it.each(expired.map((d) => d.id))('%s shows the expired banner', async (id) => {
    const res = await get(site.url, `/van-ban/${id}/`)
    expect(res.status).toBe(200)
    expect(textOf(bannerOf(res.text) ?? '')).toBe('Văn bản này đã hết hiệu lực.')
    expect(textOf(res.text.match(/<table class="meta-table">[\s\S]*?<\/table>/)![0])).toContain('Hết hiệu lực')
  })

  it('in-force documents carry no banner', async () => {
    for (const doc of c.publicDocuments.filter((d) => d.status === 'in-force')) {
      const res = await get(site.url, `/van-ban/${doc.id}/`)
      expect(res.status).toBe(200)
      expect(bannerOf(res.text), doc.id).toBeUndefined()
    }
  })
})
