import rss from '@astrojs/rss'
import type { APIRoute } from 'astro'
import { SITE_NAME, siteUrl } from '../../../lib/site'
import { feed } from '../../../lib/members/cms'
import { COLLECTION_LABELS, inboxItemUrl } from '../../../lib/members/format'

// A member's private feed: the token in the address is checked by the CMS on every read and can be
// replaced from "Của tôi"; never kept by the shared cache (site/middleware.ts, site/cache/provider.ts).
export const prerender = false

export const GET: APIRoute = async (context) => {
  const answer = await feed(context.params.token ?? '')
  if (!answer.ok) return new Response(null, { status: answer.status >= 500 ? 503 : 404 })
  return rss({
    title: `${SITE_NAME} — Của tôi (${answer.value.name})`,
    description: 'Thông báo và văn bản nội bộ dành cho đồng chí. Địa chỉ này là riêng, xin đừng chia sẻ.',
    site: siteUrl(context.site),
    customData: '<language>vi</language>',
    items: answer.value.items.map((item) => ({
      title: `${COLLECTION_LABELS[item.collection]}: ${item.title}`,
      description: `${item.organizationName ? `${item.organizationName} · ` : ''}Dành cho: ${item.audienceLabel}`,
      link: inboxItemUrl(item),
      pubDate: new Date(`${item.date}T00:00:00+07:00`),
    })),
  })
}
