import { isoDay } from '../../core/dates'
import { facetsOf } from './facets'
import type { Library } from './library'
import { documentUrl, facetUrl, newsUrl, topicUrl } from '../../core/urls'

/** URLs per sitemap file (the protocol allows 50 000; smaller files suit slow crawlers and phones). */
export const SITEMAP_CHUNK = 10_000

export interface SitemapUrl {
  loc: string
  lastmod?: string
}

/** Every public page worth crawling: sections, the first page of each facet value, every item. */
export function sitemapUrls(lib: Library): SitemapUrl[] {
  return [
    { loc: '/' },
    { loc: '/van-ban/' },
    { loc: '/tin-tuc/' },
    { loc: '/chuyen-de/' },
    ...facetsOf(lib).flatMap((f) => f.values.map((v) => ({ loc: facetUrl(f.key, v.value) }))),
    ...lib.documents.map((d) => ({ loc: documentUrl(d.slug), lastmod: isoDay(d.updatedAt) })),
    ...lib.news.map((n) => ({ loc: newsUrl(n.slug), lastmod: isoDay(n.updatedAt) })),
    ...lib.topics.map((t) => ({ loc: topicUrl(t.slug), lastmod: isoDay(t.updatedAt) })),
  ]
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

export const xmlResponse = (body: string) =>
  new Response(`<?xml version="1.0" encoding="UTF-8"?>\n${body}\n`, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } })

export const urlsetXml = (urls: SitemapUrl[], site: URL) =>
  `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls
    .map((u) => `<url><loc>${escapeXml(new URL(u.loc, site).href)}</loc>${u.lastmod ? `<lastmod>${u.lastmod}</lastmod>` : ''}</url>`)
    .join('')}</urlset>`

export const indexXml = (files: number, site: URL) =>
  `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${Array.from(
    { length: files },
    (_, i) => `<sitemap><loc>${escapeXml(new URL(`/sitemap-${i}.xml`, site).href)}</loc></sitemap>`,
  ).join('')}</sitemapindex>`
