import rss from '@astrojs/rss'
import type { APIRoute } from 'astro'
import { cacheFor, listTags } from '../../lib/cacheTags'
import { getLibrary } from '../../lib/library'
import { SITE_NAME, siteUrl } from '../../lib/site'
import { newsUrl } from '../../../core/urls'

export const prerender = false

export const GET: APIRoute = async (context) => {
  const lib = await getLibrary()
  context.cache.set(cacheFor(listTags()))
  return rss({
    title: `${SITE_NAME} — Tin tức`,
    description: 'Tin tức mới nhất cho đảng viên.',
    site: siteUrl(context.site),
    customData: '<language>vi</language>',
    items: lib.news.slice(0, 50).map((n) => ({
      title: n.title,
      description: n.lead,
      link: newsUrl(n.slug),
      pubDate: new Date(`${n.publishedAt}T00:00:00+07:00`),
    })),
  })
}
