import type { Payload, Where } from 'payload'
import type { Document, News, Organization, Subject, Topic } from '../../payload-types'
import { lexicalToPlainText } from '../../richtext/plainText'
import { DOCUMENT_TYPES } from '../../../search/vietnamese'
import { excerpt, vietnameseDate, vietnameseMonth } from '../render/format'

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

/**
 * Only what an anonymous reader may see is ever mailed: published, public and (documents) not
 * secret. Stated here and enforced again by reading without a user (the collections' read access).
 */
export const PUBLIC_WHERE: Record<NotifiableCollection, Where> = {
  documents: { and: [{ _status: { equals: 'published' } }, { audience: { equals: 'public' } }, { secrecy: { equals: 'none' } }] },
  news: { and: [{ _status: { equals: 'published' } }, { audience: { equals: 'public' } }] },
  topics: { and: [{ _status: { equals: 'published' } }, { audience: { equals: 'public' } }] },
}

/** True when a saved record (afterChange `doc`) is what an anonymous reader sees. */
export function isPublicRecord(collection: NotifiableCollection, doc: Record<string, unknown> | null | undefined): boolean {
  if (!doc || doc._status !== 'published' || doc.audience !== 'public') return false
  return collection !== 'documents' || doc.secrecy === 'none'
}

const TYPE_LABEL = new Map<string, string>(DOCUMENT_TYPES.map((t) => [t.slug, t.label]))
const idOf = (value: unknown): string | null =>
  value && typeof value === 'object' && 'id' in value ? String((value as { id: unknown }).id) : value ? String(value) : null

function documentItem(d: Document, siteUrl: string): MailItem {
  const issuer = d.issuer && typeof d.issuer === 'object' ? (d.issuer as Organization) : null
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
    url: `${siteUrl}/van-ban/${encodeURIComponent(d.slug ?? d.id)}/`,
    type: d.type,
    subjectIds: (d.subjects ?? []).map(idOf).filter((v): v is string => Boolean(v)),
    issuerId: idOf(d.issuer),
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
    url: `${siteUrl}/tin-tuc/${encodeURIComponent(n.slug ?? n.id)}/`,
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
    url: `${siteUrl}/chuyen-de/${encodeURIComponent(t.slug ?? t.month)}/`,
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
  for (const collection of NOTIFIABLE) {
    const ids = [...new Set(refs.filter((r) => r.collection === collection).map((r) => r.id))]
    for (let i = 0; i < ids.length; i += 100) {
      const { docs } = await payload.find({
        collection,
        where: { and: [PUBLIC_WHERE[collection], { id: { in: ids.slice(i, i + 100) } }] },
        depth: 1,
        limit: 100,
        pagination: false,
        overrideAccess: false,
        draft: false,
      })
      for (const doc of docs) {
        const item =
          collection === 'documents'
            ? documentItem(doc as Document, siteUrl)
            : collection === 'news'
              ? newsItem(doc as News, siteUrl)
              : topicItem(doc as Topic, siteUrl)
        found.set(refKey(item.ref), item)
      }
    }
  }
  return found
}
