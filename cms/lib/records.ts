/**
 * The generated record types (cms/payload-types.ts) that several collections share, named once so
 * hooks and access rules serving more than one collection are typed with the union they really see.
 */
import type { Announcement, Document, File, Media, News, Topic } from '../payload-types'
import { relationId } from './relations'

/** A record of an editorial collection (drafts, audience, workflow): see collections/editorial.ts. */
export type EditorialDoc = Document | News | Topic | Announcement
export type EditorialSlug = 'documents' | 'news' | 'topics' | 'announcements'

/** A record of an upload collection (files, media): see fields/uploadBookkeeping.ts. */
export type UploadDoc = File | Media

/** The relation that names the organization owning an editorial record (documents: the issuer). */
export type OwnerField = 'issuer' | 'organization'

/**
 * The id of the organization in a record's (or a save's) owner field; undefined when the field is
 * absent or empty. `Document` has an issuer, the other editorial collections an organization.
 */
export function ownerOf(data: Partial<EditorialDoc>, field: OwnerField): string | undefined {
  if (field === 'issuer') return 'issuer' in data ? relationId(data.issuer) : undefined
  return 'organization' in data ? relationId(data.organization) : undefined
}
