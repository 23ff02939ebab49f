/**
 * The members' pages talk to the CMS server to server (CMS_INTERNAL_URL), with the member's token:
 * the CMS's access rules decide what each member reads, on these pages as on its API. Each call
 * answers a typed outcome, never throws: `unreachable` becomes the Vietnamese "try again later".
 */
import { parseCmsLinkEnv } from '../../../core/env/site'
import type { QuizOutcome, ReadOutcome, StudyItemCollection, StudySummary } from '../../../library/study'
import type { FaqItem, InboxItem, MeetingItem, MemberCollection, MemberReader, MemberRecord, QuestionItem } from '../../../library/members'

const TIMEOUT_MS = 10_000

export type CmsCall<T> = { ok: true; value: T } | { ok: false; status: number; message?: string; errors?: Record<string, string> }

const UNREACHABLE = { ok: false as const, status: 503 }

async function cms<T>(pathname: string, init: { method?: 'GET' | 'POST'; token?: string | null; body?: unknown; visitor?: string } = {}): Promise<CmsCall<T>> {
  // A form with a file goes as it came (multipart, with its boundary set by fetch); anything else as JSON.
  const multipart = init.body instanceof FormData
  try {
    const response = await fetch(`${parseCmsLinkEnv().cmsInternalUrl}/api/members${pathname}`, {
      method: init.method ?? 'GET',
      headers: {
        accept: 'application/json',
        ...(init.body === undefined || multipart ? {} : { 'content-type': 'application/json' }),
        ...(init.token ? { authorization: `JWT ${init.token}` } : {}),
        ...(init.visitor ? { 'x-forwarded-for': init.visitor } : {}),
      },
      body: init.body === undefined ? undefined : multipart ? (init.body as FormData) : JSON.stringify(init.body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    })
    if (response.status >= 500) return UNREACHABLE
    const json = (await response.json().catch(() => null)) as Record<string, unknown> | null
    if (!response.ok || !json) {
      const payloadError = Array.isArray(json?.errors) ? (json.errors[0] as { message?: string } | undefined)?.message : undefined
      const errors = json?.errors && !Array.isArray(json.errors) ? (json.errors as Record<string, string>) : undefined
      return { ok: false, status: response.status, message: typeof json?.message === 'string' ? json.message : payloadError, errors }
    }
    return { ok: true, value: json as T }
  } catch {
    return UNREACHABLE
  }
}

export const signIn = (identifier: { email: string } | { username: string }, password: string, visitor?: string) =>
  cms<{ token: string }>('/login', { method: 'POST', body: { ...identifier, password }, visitor })

export const signOut = (token: string) => cms<unknown>('/logout', { method: 'POST', token, body: {} })

export const activate = (body: { identifier: string; code: string; password: string } | { token: string; password: string }, visitor?: string) =>
  cms<{ ok: true; message: string; signInName: string | null }>('/activate', { method: 'POST', body, visitor })

export const requestReset = (email: string, visitor?: string) => cms<unknown>('/forgot-password', { method: 'POST', body: { email }, visitor })

export const resetPassword = (token: string, password: string, visitor?: string) =>
  cms<{ token?: string }>('/reset-password', { method: 'POST', body: { token, password }, visitor })

export const reader = (token: string) => cms<MemberReader>('/reader', { token })
export const inbox = (token: string) => cms<{ items: InboxItem[] }>('/inbox', { token })
export const record = (token: string, collection: MemberCollection, slug: string) =>
  cms<MemberRecord>(`/content/${encodeURIComponent(collection)}/${encodeURIComponent(slug)}`, { token })
export const renewFeedToken = (token: string) => cms<{ feedToken: string }>('/feed-token', { method: 'POST', token, body: {} })
export const feed = (feedToken: string) => cms<{ name: string; items: InboxItem[] }>(`/feed/${encodeURIComponent(feedToken)}`)

export const studySummary = (token: string) => cms<StudySummary>('/study', { token })
export const markRead = (token: string, collection: StudyItemCollection, slug: string, via: 'read' | 'listen') =>
  cms<ReadOutcome>('/study/read', { method: 'POST', token, body: { collection, slug, via } })
export const answerQuiz = (token: string, slug: string, answers: (number | null)[]) =>
  cms<QuizOutcome>('/study/quiz', { method: 'POST', token, body: { slug, answers } })
export const setRankingPrivacy = (token: string, hideFromRanking: boolean) =>
  cms<{ hideFromRanking: boolean }>('/study/privacy', { method: 'POST', token, body: { hideFromRanking } })
export const meetings = (token: string) => cms<{ items: MeetingItem[] }>('/meetings', { token })
export const meeting = (token: string, slug: string) => cms<MeetingItem>(`/meetings/${encodeURIComponent(slug)}`, { token })
export const answerMeeting = (token: string, slug: string, body: { response: string; reason: string }) =>
  cms<MeetingItem>(`/meetings/${encodeURIComponent(slug)}/rsvp`, { method: 'POST', token, body })
export const questions = (token: string) => cms<{ items: QuestionItem[] }>('/questions', { token })
export const ask = (token: string, form: FormData) => cms<{ question: QuestionItem }>('/questions', { method: 'POST', token, body: form })
export const faq = (token: string) => cms<{ items: FaqItem[] }>('/faq', { token })

/** An iCalendar answer of the CMS passed through as it is (one meeting with the member's token, or the token feed). */
export async function calendarFile(path: string, token?: string): Promise<Response> {
  try {
    const response = await fetch(`${parseCmsLinkEnv().cmsInternalUrl}/api/members${path}`, {
      headers: token ? { authorization: `JWT ${token}` } : {},
      signal: AbortSignal.timeout(TIMEOUT_MS),
    })
    if (!response.ok) return new Response(null, { status: response.status >= 500 ? 503 : 404 })
    return new Response(await response.text(), {
      headers: { 'Content-Type': 'text/calendar; charset=utf-8', 'Content-Disposition': response.headers.get('content-disposition') ?? 'inline' },
    })
  } catch {
    return new Response(null, { status: 503 })
  }
}

/** A members-only original, streamed from the CMS as the member (its file access rule decides). */
export async function memberFile(token: string, filename: string, range: string | null): Promise<Response | null> {
  try {
    return await fetch(`${parseCmsLinkEnv().cmsInternalUrl}/api/files/file/${encodeURIComponent(filename)}`, {
      headers: { authorization: `JWT ${token}`, ...(range ? { range } : {}) },
      signal: AbortSignal.timeout(60_000),
    })
  } catch {
    return null
  }
}
