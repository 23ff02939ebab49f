/**
 * Server-to-server calls from the site's subscription pages to the CMS (the site server never
 * writes the database). Files starting with "_" are not pages.
 */
import { parseCmsLinkEnv } from '../../../core/env/site'

export interface CmsAnswer {
  status: number
  body: { ok?: boolean; outcome?: string; message?: string; errors?: Record<string, string> }
}

const TIMEOUT_MS = 10_000

/**
 * POSTs JSON to /api/subscribers/<action>; null when the CMS cannot be reached or answers nonsense.
 * The visitor's address goes along in X-Forwarded-For: the CMS limits requests per client address,
 * and would otherwise count every visitor as the site server.
 */
export async function callCms(action: 'subscribe' | 'confirm' | 'unsubscribe', body: unknown, visitor?: string): Promise<CmsAnswer | null> {
  try {
    const response = await fetch(`${parseCmsLinkEnv().cmsInternalUrl}/api/subscribers/${action}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...(visitor ? { 'x-forwarded-for': visitor } : {}) },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    })
    if (response.status >= 500) return null
    const json = (await response.json()) as CmsAnswer['body']
    return json && typeof json === 'object' ? { status: response.status, body: json } : null
  } catch {
    return null
  }
}

/** A token from a mail link, as far as the site can tell without the secret. */
export const tokenParam = (value: FormDataEntryValue | string | null | undefined): string =>
  typeof value === 'string' && /^[A-Za-z0-9-]{1,64}\.[A-Za-z0-9_-]{10,100}$/.test(value) ? value : ''
