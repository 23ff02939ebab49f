/**
 * The site server's environment: the search part, how it reaches the CMS for the subscription forms,
 * and its own settings. It has no CMS secret and reads nothing else.
 */
import { z } from 'zod'
import { searchFields } from './search'
import { optionalUrl, parseWith } from './shared'

/** How the site server reaches the CMS for the subscription forms (server to server, never public). */
export const cmsLinkFields = {
  CMS_PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  CMS_INTERNAL_URL: optionalUrl('how the site server reaches the CMS, e.g. http://cms:3000'),
}

/** What the pages show and how many rendered pages the server keeps (read at start). */
export const siteFields = {
  SITE_URL: optionalUrl('the public URL of the site, e.g. https://sotay.example.vn'),
  SITE_NAME: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || 'Sổ tay đảng viên điện tử'),
  SITE_DESCRIPTION: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || 'Văn bản của Đảng, tin tức và chuyên đề sinh hoạt hằng tháng dành cho đảng viên.'),
  SITE_CACHE_PAGES: z.coerce.number().int().min(0).max(1_000_000).optional(),
}

export type SiteEnv = z.infer<z.ZodObject<typeof siteFields>>

/** The site's own settings. */
export function parseSiteEnv(source: Record<string, string | undefined> = process.env): SiteEnv {
  return parseWith(z.object(siteFields), source)
}

/** The CMS's internal address for the site server (which has no CMS secret). */
export function parseCmsLinkEnv(source: Record<string, string | undefined> = process.env): { cmsInternalUrl: string } {
  const values = parseWith(z.object(cmsLinkFields), source)
  const url = values.CMS_INTERNAL_URL ?? `http://localhost:${values.CMS_PORT}`
  return { cmsInternalUrl: url.replace(/\/+$/, '') }
}

/** Every variable the site server reads (for the compose checks). */
export const SITE_ENV_KEYS: readonly string[] = [...Object.keys(searchFields), ...Object.keys(cmsLinkFields), ...Object.keys(siteFields)]
