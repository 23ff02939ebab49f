import type { Loader } from 'astro/loaders'
import type { CollectionSlug, Payload, Where } from 'payload'

let client: Promise<Payload> | undefined

/**
 * The build reads the CMS through Payload's Local API (straight from the database): no running
 * CMS server is needed to build, and every read is made as an anonymous visitor
 * (`overrideAccess: false`, no user), so the CMS's own access rules decide what the site may show.
 */
export async function cms(): Promise<Payload> {
  client ??= (async () => {
    const [{ getPayload }, { default: config }] = await Promise.all([import('payload'), import('../../cms/payload.config')])
    return getPayload({ config })
  })()
  return client
}

/** Bumped when a mapper changes shape, so every stored entry is re-read once. */
const MAPPER_VERSION = '1'
const BATCH = 250

export type CmsLoaderOptions<T> = {
  collection: CollectionSlug
  /** Narrows what the anonymous read returns; the CMS access rules apply on top. */
  where?: Where
  depth?: number
  map: (doc: any) => T | Promise<T>
}

/**
 * One incremental loader per CMS collection. Each build lists ids + updatedAt (cheap), drops
 * entries that are gone, and fetches in full only what is new or changed: the entry digest is the
 * CMS `updatedAt`, which Astro's store compares before writing.
 */
export function cmsLoader<T extends Record<string, unknown>>(options: CmsLoaderOptions<T>): Loader {
  return {
    name: `cms-${options.collection}`,
    load: async ({ store, logger }) => {
      const payload = await cms()
      const base = { collection: options.collection, overrideAccess: false, where: options.where ?? {} } as const
      const listing = await payload.find({ ...base, select: { updatedAt: true }, pagination: false, depth: 0 })
      const current = new Map(listing.docs.map((d) => [String(d.id), `${MAPPER_VERSION}:${String((d as { updatedAt?: string }).updatedAt)}`]))

      for (const id of store.keys()) if (!current.has(id)) store.delete(id)
      const changed = [...current].filter(([id, digest]) => store.get(id)?.digest !== digest).map(([id]) => id)

      for (let i = 0; i < changed.length; i += BATCH) {
        const ids = changed.slice(i, i + BATCH)
        const page = await payload.find({
          ...base,
          where: { and: [base.where, { id: { in: ids } }] },
          depth: options.depth ?? 0,
          pagination: false,
          joins: false,
        } as unknown as Parameters<Payload['find']>[0])
        for (const doc of page.docs) {
          const id = String(doc.id)
          store.set({ id, data: (await options.map(doc)) as Record<string, unknown>, digest: current.get(id) })
        }
      }
      logger.info(`${current.size} entries, ${changed.length} fetched`)
    },
  }
}
