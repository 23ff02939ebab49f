import type { Payload } from 'payload'
import { relationId, relationIds } from '../../lib/relations'
import { readPublic } from '../publicView'
import type { Document, News, Subject, Topic } from '../../payload-types'
import { lexicalToPlainText } from '../../richtext/plainText'
import { DOCUMENT_TYPES } from '../../../core/vocabulary'
import { excerpt, vietnameseDate, vietnameseMonth } from '../../email/render/format'
import { absoluteUrl, documentUrl, newsUrl, topicUrl } from '../../../core/urls'

/** The content subscribers can follow. Announcements are for members only and never mailed. */
export const NOTIFIABLE = ['documents', 'news', 'topics'] as const
export type NotifiableCollection = (typeof NOTIFIABLE)[number]
export const isNotifiable = (value: string): value is NotifiableCollection => (NOTIFIABLE as readonly string[]).includes(value)

export interface ItemRef {
  collection: NotifiableCollection
  id: string
}
export const refKey = (ref: ItemRef): string => `${ref.collection}:${ref.id}`

/** What mail says about one published item, and what subscriber filters match against. */
export interface MailItem {
  ref: ItemRef
  label: string
  number: string | null
  title: string
  facts: string[]
  excerpt: string
  url: string
  type: string | null
  subjectIds: string[]
  issuerId: string | null
}

const TYPE_LABEL = new Map<string, string>(DOCUMENT_TYPES.map((t) => [t.slug, t.label]))

function documentItem(d: Document, siteUrl: string): MailItem {
  const issuer = d.issuer && typeof d.issuer === 'object' ? d.issuer : null
  const subjects = (d.subjects ?? []).filter((s): s is Subject => typeof s === 'object' && s !== null)
  const typeLabel = TYPE_LABEL.get(d.type) ?? 'Văn bản'
  return {
    ref: { collection: 'documents', id: String(d.id) },
    label: `${typeLabel} số ${d.number}`,
    number: d.number,
    title: d.title,
    facts: [
      issuer ? `Cơ quan ban hành: ${issuer.name}` : '',
      d.issuedAt ? `Ngày ban hành: ${vietnameseDate(d.issuedAt)}` : '',
      subjects.length ? `Lĩnh vực: ${subjects.map((s) => s.name).join(', ')}` : '',
    ].filter(Boolean),
    excerpt: excerpt(lexicalToPlainText(d.summary)),
    url: absoluteUrl(siteUrl, documentUrl(d.slug ?? d.id)),
    type: d.type,
    subjectIds: relationIds(d.subjects),
    issuerId: relationId(d.issuer) ?? null,
  }
}

function newsItem(n: News, siteUrl: string): MailItem {
  return {
    ref: { collection: 'news', id: String(n.id) },
    label: 'Tin tức',
    number: null,
    title: n.title,
    facts: [n.publishedAt ? `Ngày đăng: ${vietnameseDate(n.publishedAt)}` : ''].filter(Boolean),
    excerpt: excerpt(n.lead ?? ''),
    url: absoluteUrl(siteUrl, newsUrl(n.slug ?? n.id)),
    type: null,
    subjectIds: [],
    issuerId: null,
  }
}

function topicItem(t: Topic, siteUrl: string): MailItem {
  return {
    ref: { collection: 'topics', id: String(t.id) },
    label: `Chuyên đề tháng ${vietnameseMonth(t.month)}`,
    number: null,
    title: t.title,
    facts: [`Chủ đề: ${t.theme}`],
    excerpt: excerpt(lexicalToPlainText(t.body)),
    url: absoluteUrl(siteUrl, topicUrl(t.slug ?? t.month)),
    type: null,
    subjectIds: [],
    issuerId: null,
  }
}

/**
 * The items among `refs` that are public right now, read as an anonymous visitor. Anything
 * unpublished, switched to members-only or deleted since it was queued is simply absent.
 */
export async function loadPublicItems(payload: Payload, refs: ItemRef[], siteUrl: string): Promise<Map<string, MailItem>> {
  const found = new Map<string, MailItem>()
  const idsOf = (collection: NotifiableCollection) => [...new Set(refs.filter((r) => r.collection === collection).map((r) => r.id))]
  const add = (item: MailItem) => found.set(refKey(item.ref), item)
  for (const d of (await readPublic(payload, 'documents', idsOf('documents'), { depth: 1 })).values()) add(documentItem(d, siteUrl))
  for (const n of (await readPublic(payload, 'news', idsOf('news'), { depth: 1 })).values()) add(newsItem(n, siteUrl))
  for (const t of (await readPublic(payload, 'topics', idsOf('topics'), { depth: 1 })).values()) add(topicItem(t, siteUrl))
  return found
}
