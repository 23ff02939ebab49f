import path from 'node:path'
import { z } from 'zod'
import { optionalUrl, parseWith, ROOT_DIR } from './shared'

/** What the search engines need: shared by the CMS and the site server (which has no CMS secret). */
export const searchFields = {
  DATA_DIR: z.string().default('data'),
  MEILI_URL: optionalUrl('Meilisearch, e.g. http://meilisearch:7700'),
  MEILI_MASTER_KEY: z.string().optional(),
  SEARCH_INDEX: z
    .string()
    .regex(/^[a-z0-9_-]{1,60}$/, { message: 'must be lower-case letters, digits, "-" or "_" (the index name)' })
    .default('so-tay'),
}

export type SearchEnv = z.infer<z.ZodObject<typeof searchFields>> & { dataDir: string }

/** The search part of the environment alone (the site server reads only this). */
export function parseSearchEnv(source: Record<string, string | undefined> = process.env): SearchEnv {
  const values = parseWith(z.object(searchFields), source)
  return { ...values, dataDir: path.resolve(ROOT_DIR, values.DATA_DIR) }
}
