import { convertLexicalToHTML, defaultHTMLConverters, type HTMLConverters } from '@payloadcms/richtext-lexical/html'
import { escapeHtml } from '../../../core/html'
import { fileUrl, imageUrl, recordUrl } from '../../../core/urls'

type Populated = { slug?: string; filename?: string; mimeType?: string; alt?: string; visibility?: string; width?: number; height?: number; title?: string }

const hrefFor = (relationTo: string, doc: Populated): string => (doc?.slug ? (recordUrl(relationTo, doc.slug) ?? '#') : '#')

/**
 * Uploads inside rich text point at the site's own copies (/anh/, /tep/), never at the CMS, so the
 * page keeps working when the CMS is down. The build reads as an anonymous visitor: an upload that
 * visitor may not read arrives unpopulated and renders as nothing.
 */
const converters: HTMLConverters = {
  ...defaultHTMLConverters,
  upload: ({ node }) => {
    const doc = (node as { value?: unknown }).value as Populated | string | undefined
    if (!doc || typeof doc !== 'object' || doc.visibility !== 'public' || !doc.filename) return ''
    if (doc.mimeType?.startsWith('image/')) {
      return `<img src="${imageUrl(doc.filename)}" alt="${escapeHtml(doc.alt ?? '')}" width="${doc.width ?? ''}" height="${doc.height ?? ''}" loading="lazy" decoding="async">`
    }
    return `<a href="${fileUrl(doc.filename)}">${escapeHtml(doc.title ?? doc.filename)}</a>`
  },
}

export function richTextToHtml(state: unknown): string {
  if (!state || typeof state !== 'object' || !('root' in state)) return ''
  return convertLexicalToHTML({
    data: state as Parameters<typeof convertLexicalToHTML>[0]['data'],
    converters: {
      ...(converters as Record<string, unknown>),
      link: (args) => {
        const fields = (args.node as { fields?: { linkType?: string; doc?: { relationTo: string; value: Populated } } }).fields
        if (fields?.linkType === 'internal' && fields.doc && typeof fields.doc.value === 'object') {
          const inner = args.nodesToHTML({ nodes: (args.node as unknown as { children: never[] }).children }).join('')
          return `<a href="${hrefFor(fields.doc.relationTo, fields.doc.value)}">${inner}</a>`
        }
        const base = defaultHTMLConverters.link
        return typeof base === 'function' ? base(args as never) : ''
      },
    } as HTMLConverters,
    disableContainer: true,
    disableIndent: true,
    disableTextAlign: true,
  })
}
