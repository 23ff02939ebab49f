import path from 'node:path'
import { z } from 'zod'
import { optionalUrl, parseWith, ROOT_DIR } from './shared'

/** What the search engines need: shared by the CMS and the site server (which has no CMS secret). */
export const searchFields = {
  DATA_DIR: z.string().default('data'),
  MEILI_URL: optionalUrl('Meilisearch, e.g. http://meilisearch:7700'),
  MEILI_MASTER_KEY: z.string().optional(),
  /**
   * A search-only API key (its value and its uid) that signs the tenant tokens members' searches
   * use: each token's search rules pin the members' index to the member's scopes, so the server
   * enforces them even if the filter the engine builds were wrong. Both or neither.
   */
  MEILI_SEARCH_KEY: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || undefined),
  MEILI_SEARCH_KEY_UID: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || undefined)
    .pipe(z.uuid({ message: 'must be the uid of the search key (a UUID, from GET /keys)' }).optional()),
  SEARCH_INDEX: z
    .string()
    .regex(/^[a-z0-9_-]{1,60}$/, { message: 'must be lower-case letters, digits, "-" or "_" (the index name)' })
    .default('so-tay'),
}

/** Cross-field rules, shared by every schema that includes searchFields. */
export const refineSearch = (values: { MEILI_SEARCH_KEY?: string; MEILI_SEARCH_KEY_UID?: string }, ctx: z.RefinementCtx): void => {
  if (Boolean(values.MEILI_SEARCH_KEY) !== Boolean(values.MEILI_SEARCH_KEY_UID)) {
    ctx.addIssue({
      code: 'custom',
      path: [values.MEILI_SEARCH_KEY ? 'MEILI_SEARCH_KEY_UID' : 'MEILI_SEARCH_KEY'],
      message: 'set both MEILI_SEARCH_KEY and MEILI_SEARCH_KEY_UID, or neither',
    })
  }
}

export type SearchEnv = z.infer<z.ZodObject<typeof searchFields>> & { dataDir: string }

/** The search part of the environment alone (the site server reads only this). */
export function parseSearchEnv(source: Record<string, string | undefined> = process.env): SearchEnv {
  const values = parseWith(z.object(searchFields).superRefine(refineSearch), source)
  return { ...values, dataDir: path.resolve(ROOT_DIR, values.DATA_DIR) }
}
