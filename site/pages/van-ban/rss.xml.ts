import rss from '@astrojs/rss'
import type { APIRoute } from 'astro'
import { documentName } from '../../lib/documents'
import { cacheFor, listTags } from '../../lib/cacheTags'
import { getLibrary } from '../../lib/library'
import { SITE_NAME, siteUrl } from '../../lib/site'
import { documentUrl } from '../../../core/urls'

export const prerender = false

export const GET: APIRoute = async (context) => {
  const lib = await getLibrary()
  context.cache.set(cacheFor(listTags()))
  return rss({
    title: `${SITE_NAME} — Văn bản mới`,
    description: 'Văn bản mới được đưa lên thư viện.',
    site: siteUrl(context.site),
    customData: '<language>vi</language>',
    items: lib.documents.slice(0, 50).map((d) => ({
      title: `${documentName(d)}: ${d.title}`,
      description: `${lib.organizationById.get(d.issuerId)?.name ?? ''} ban hành ngày ${d.issuedAt.split('-').reverse().join('/')}.`,
      link: documentUrl(d.slug),
      pubDate: new Date(`${d.issuedAt}T00:00:00+07:00`),
    })),
  })
}
