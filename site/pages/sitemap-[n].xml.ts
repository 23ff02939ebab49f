import type { APIRoute } from 'astro'
import { cacheFor, listTags } from '../lib/cacheTags'
import { getLibrary } from '../lib/library'
import { siteUrl } from '../lib/site'
import { SITEMAP_CHUNK, sitemapUrls, urlsetXml, xmlResponse } from '../lib/sitemap'

export const prerender = false

export const GET: APIRoute = async ({ params, site, cache }) => {
  const n = /^(0|[1-9]\d{0,4})$/.test(params.n ?? '') ? Number(params.n) : -1
  const urls = sitemapUrls(await getLibrary()).slice(n * SITEMAP_CHUNK, (n + 1) * SITEMAP_CHUNK)
  if (n < 0 || (n > 0 && urls.length === 0)) return new Response(null, { status: 404 })
  cache.set(cacheFor(listTags()))
  return xmlResponse(urlsetXml(urls, siteUrl(site)))
}
