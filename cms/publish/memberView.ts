import type { DataFromCollectionSlug, Payload, PayloadRequest, Where } from 'payload'
import { isoDay } from '../../core/dates'
import { labelOf, MEETING_KINDS } from '../../core/participation'
import { memberScopes, type ScopeKey } from '../../core/scopes'
import type { AnnouncementEntry, InboxItem, MemberCollection, MemberRecord } from '../../library/members'
import type { DocumentEntry, FileEntry, NewsEntry, TopicEntry } from '../../library/model'
import { organizationChain } from '../access/organizationTree'
import { relationId, relationIds } from '../lib/relations'
import type { Announcement, Member } from '../payload-types'
import { richTextToHtml } from './site/richTextHtml'
import { toEntry } from './site/entries'

/**
 * "What this member may see", for the member's own pages, feed and search scopes. Every read is made
 * as the member (`overrideAccess: false` with the member as the user), so the collections' access
 * rules (access/readContent.ts, access/readUpload.ts) decide — the same rule the REST and GraphQL
 * APIs apply to that member — and the where clauses below only narrow what is asked for.
 */
export type MemberUser = Member & { collection: 'members' }

export const asMemberUser = (member: Member): MemberUser => ({ ...member, collection: 'members' })

/** The search scopes a member holds (core/scopes.ts): their organization and every one above it. */
export async function scopesOf(req: PayloadRequest, member: Member): Promise<ScopeKey[]> {
  const org = relationId(member.organization)
  return memberScopes(org ? await organizationChain(req, org) : [])
}

const DATE_FIELD: Record<MemberCollection, string> = { documents: 'issuedAt', announcements: 'publishedAt', news: 'publishedAt', topics: 'month' }

/** Published items of one collection the member may read, as the member. */
export async function findAsMember<C extends MemberCollection>(
  payload: Payload,
  user: MemberUser,
  collection: C,
  where: Where,
  limit: number,
  req?: PayloadRequest,
): Promise<{ docs: DataFromCollectionSlug<C>[] }> {
  // Cast as in publicView.ts: Payload types `joins` only for collections with join fields.
  return payload.find({
    collection,
    where: { and: [{ _status: { equals: 'published' } }, where] },
    overrideAccess: false,
    user,
    req,
    depth: 0,
    limit,
    sort: `-${DATE_FIELD[collection]}`,
    joins: false,
  } as never) as unknown as Promise<{ docs: DataFromCollectionSlug<C>[] }>
}

export const announcementEntry = (a: Announcement): AnnouncementEntry => ({
  id: String(a.id),
  slug: a.slug ?? String(a.id),
  title: a.title,
  organizationId: relationId(a.organization) ?? '',
  bodyHtml: richTextToHtml(a.body),
  meetingAt: a.meetingAt ?? null,
  location: a.location ?? '',
  publishedAt: isoDay(a.publishedAt),
  attachmentIds: relationIds(a.attachments),
  updatedAt: a.updatedAt,
  meetingKindLabel: a.meetingAt ? labelOf(MEETING_KINDS, a.meetingKind) || 'Cuộc họp' : '',
  agenda: a.meetingAt ? (a.agenda ?? '') : '',
  minutesHtml: a.meetingAt && a.minutes ? richTextToHtml(a.minutes) : '',
  minutesFileIds: a.meetingAt ? relationIds(a.minutesFiles) : [],
})

/** One record by slug, with the attachments the member may download; null when it is not theirs to read. */
export async function memberRecord(payload: Payload, user: MemberUser, collection: MemberCollection, slug: string): Promise<MemberRecord | null> {
  const { docs } = await findAsMember(payload, user, collection, { slug: { equals: slug } }, 1)
  const doc = docs[0]
  if (!doc) return null
  const attachmentIds = [...('attachments' in doc ? relationIds(doc.attachments) : []), ...('minutesFiles' in doc ? relationIds(doc.minutesFiles) : [])]
  const files = attachmentIds.length === 0 ? [] : await readableFiles(payload, user, attachmentIds)
  switch (collection) {
    case 'documents':
      return { collection, entry: toEntry('documents', doc as never, payload) as DocumentEntry, files }
    case 'news':
      return { collection, entry: toEntry('news', doc as never, payload) as NewsEntry, files }
    case 'topics':
      return { collection, entry: toEntry('topics', doc as never, payload) as TopicEntry, files }
    case 'announcements':
      return { collection, entry: announcementEntry(doc as Announcement), files }
  }
}

async function readableFiles(payload: Payload, user: MemberUser, ids: string[]): Promise<FileEntry[]> {
  const { docs } = await payload.find({ collection: 'files', where: { id: { in: ids } }, overrideAccess: false, user, depth: 0, pagination: false })
  const byId = new Map(docs.map((f) => [String(f.id), toEntry('files', f, payload) as FileEntry]))
  return ids.map((id) => byId.get(id)).filter((f): f is FileEntry => f !== undefined)
}

/**
 * "Của tôi": every announcement the member may read, and the documents, news and topics meant for
 * members (public ones are in the public library already), newest first.
 */
export async function memberInbox(payload: Payload, user: MemberUser, limit = 50, req?: PayloadRequest): Promise<InboxItem[]> {
  const internal: Where = { audience: { not_equals: 'public' } }
  const [announcements, documents, news, topics] = await Promise.all([
    findAsMember(payload, user, 'announcements', {}, limit, req),
    findAsMember(payload, user, 'documents', internal, limit, req),
    findAsMember(payload, user, 'news', internal, limit, req),
    findAsMember(payload, user, 'topics', internal, limit, req),
  ])
  const orgIds = new Set<string>()
  const all = [
    ...announcements.docs.map((d) => ({ collection: 'announcements' as const, d, org: relationId(d.organization), date: isoDay(d.publishedAt) })),
    ...documents.docs.map((d) => ({ collection: 'documents' as const, d, org: relationId(d.issuer), date: isoDay(d.issuedAt) })),
    ...news.docs.map((d) => ({ collection: 'news' as const, d, org: undefined, date: isoDay(d.publishedAt) })),
    ...topics.docs.map((d) => ({ collection: 'topics' as const, d, org: undefined, date: `${d.month}-01` })),
  ]
  for (const item of all) {
    if (item.org) orgIds.add(item.org)
    const scoped = relationId(item.d.audienceOrganization)
    if (scoped) orgIds.add(scoped)
  }
  const names = await organizationNames(payload, [...orgIds])
  return all
    .sort((a, b) => b.date.localeCompare(a.date) || b.d.updatedAt.localeCompare(a.d.updatedAt))
    .slice(0, limit)
    .map(({ collection, d, org, date }) => {
      const scoped = relationId(d.audienceOrganization)
      const audienceLabel =
        d.audience === 'organization' && scoped
          ? `${names.get(scoped) ?? 'Tổ chức'} và các tổ chức trực thuộc`
          : d.audience === 'members'
            ? 'Mọi đảng viên'
            : 'Công khai'
      return {
        collection,
        slug: d.slug ?? String(d.id),
        title: d.title,
        date,
        audienceLabel,
        organizationName: org ? (names.get(org) ?? '') : '',
        meetingAt: collection === 'announcements' ? ((d as Announcement).meetingAt ?? null) : null,
        location: collection === 'announcements' ? ((d as Announcement).location ?? '') : '',
        updatedAt: d.updatedAt,
      }
    })
}

async function organizationNames(payload: Payload, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map()
  const { docs } = await payload.find({ collection: 'organizations', where: { id: { in: ids } }, depth: 0, pagination: false, select: { name: true } })
  return new Map(docs.map((o) => [String(o.id), o.name]))
}
