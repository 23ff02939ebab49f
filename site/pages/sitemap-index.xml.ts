import type { APIRoute } from 'astro'
import { cacheFor, listTags } from '../lib/cacheTags'
import { getLibrary } from '../lib/library'
import { siteUrl } from '../lib/site'
import { indexXml, SITEMAP_CHUNK, sitemapUrls, xmlResponse } from '../lib/sitemap'

export const prerender = false

export const GET: APIRoute = async ({ site, cache }) => {
  const urls = sitemapUrls(await getLibrary())
  cache.set(cacheFor(listTags()))
  return xmlResponse(indexXml(Math.max(1, Math.ceil(urls.length / SITEMAP_CHUNK)), siteUrl(site)))
}
