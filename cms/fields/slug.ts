import type { CollectionSlug, Field, FieldHook, PayloadRequest } from 'payload'
import { slugify } from '../../core/vietnamese'
import { roleOf } from '../access/roles'
import type { Announcement, Document, News, Organization, Subject } from '../payload-types'

/**
 * Two items may yield the same readable slug (same title, same number and year); the later gets
 * -2, -3… Candidates are checked by exact value, a window at a time: a pattern match ("like") would
 * also hit unrelated slugs and cap out on common titles. The plain slug is asked alone first: it is
 * almost always free, and a query with one value costs a bulk import far less than one with fifty.
 */
async function freeSlug(req: PayloadRequest, collection: CollectionSlug, base: string, selfId?: string | number) {
  const WINDOW = 50
  for (let first = 1, size = 1; ; first += size, size = WINDOW) {
    const candidates = Array.from({ length: size }, (_, i) => (first + i === 1 ? base : `${base}-${first + i}`))
    const taken = await req.payload.find({
      collection,
      where: { slug: { in: candidates } },
      select: { slug: true },
      depth: 0,
      pagination: false,
      overrideAccess: true,
      req,
    })
    const used = new Set(taken.docs.filter((d) => d.id !== selfId).map((d) => (d as { slug?: string }).slug))
    const free = candidates.find((c) => !used.has(c))
    if (free) return free
  }
}

/** The records with a generated slug (topics use their month instead). */
type SluggedDoc = Document | News | Announcement | Organization | Subject

/** What the slug is made of, from the record as it will be saved. */
type SlugSource<T extends SluggedDoc> = (data: Partial<T>) => string | undefined

/**
 * A readable slug, generated once from the record and then kept stable: links in feeds, e-mails and
 * printed material must keep working when an editor corrects a title. Only an admin may change it.
 */
export const slugField = <T extends SluggedDoc>(source: SlugSource<T>): Field => {
  const generate: FieldHook<T, string | null | undefined> = async ({ value, data, originalDoc, req, collection }) => {
    if (typeof value === 'string' && value.trim()) return slugify(value)
    if (originalDoc?.slug) return originalDoc.slug
    const saved: Partial<T> = originalDoc ?? {}
    const base = source({ ...saved, ...data })
    if (!base || !collection) return value
    return freeSlug(req, collection.slug as CollectionSlug, slugify(base), originalDoc?.id)
  }
  return {
    name: 'slug',
    label: 'Đường dẫn (slug)',
    type: 'text',
    unique: true,
    index: true,
    // Not "required" for the generated types: the hook always fills it, and validate checks it.
    hooks: { beforeValidate: [generate] },
    access: { update: ({ req }) => roleOf(req.user) === 'admin' },
    validate: (value: unknown) =>
      typeof value === 'string' && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value)
        ? true
        : 'Đường dẫn chỉ gồm chữ thường không dấu, số và dấu gạch ngang (ví dụ: nghi-quyet-21-tw-2022).',
    admin: {
      position: 'sidebar',
      description: 'Tự tạo khi lưu lần đầu và giữ cố định để đường dẫn không bị hỏng.',
    },
  }
}
