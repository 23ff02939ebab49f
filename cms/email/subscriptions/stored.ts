import { relationIds } from '../../lib/relations'
import type { Choices, Frequency } from '../../../core/subscriptions/request'

/** A subscriber row as the mail code reads it (Local API, depth 0, hidden fields included). */
export interface StoredSubscriber {
  id: string
  email: string
  status: 'pending' | 'confirmed' | 'unsubscribed' | 'bounced'
  frequency: Frequency
  documents?: boolean | null
  documentTypes?: string[] | null
  subjects?: unknown[] | null
  issuers?: unknown[] | null
  topics?: boolean | null
  news?: boolean | null
  requestedChoices?: unknown
  tokenKey?: string | null
  requestedAt?: string | null
  confirmedAt?: string | null
  consentAt?: string | null
  unsubscribedAt?: string | null
  lastDigestAt?: string | null
}

export interface RequestedChoices {
  choices: Choices
  frequency: Frequency
}


/** What the subscriber currently receives. */
export function activeChoices(s: StoredSubscriber): Choices {
  return {
    documents: Boolean(s.documents),
    documentTypes: [...(s.documentTypes ?? [])],
    subjects: relationIds(s.subjects),
    issuers: relationIds(s.issuers),
    topics: Boolean(s.topics),
    news: Boolean(s.news),
  }
}

/** The choices waiting for confirmation, if any. */
export function requestedChoices(s: StoredSubscriber): RequestedChoices | null {
  const r = s.requestedChoices as Partial<RequestedChoices> | null | undefined
  if (!r || typeof r !== 'object' || !r.choices || (r.frequency !== 'immediate' && r.frequency !== 'daily')) return null
  const c = r.choices
  return {
    frequency: r.frequency,
    choices: {
      documents: Boolean(c.documents),
      documentTypes: Array.isArray(c.documentTypes) ? c.documentTypes.map(String) : [],
      subjects: Array.isArray(c.subjects) ? c.subjects.map(String) : [],
      issuers: Array.isArray(c.issuers) ? c.issuers.map(String) : [],
      topics: Boolean(c.topics),
      news: Boolean(c.news),
    },
  }
}

/** The row's fields that hold the active choices. */
export const choiceFields = (c: Choices, frequency: Frequency) => ({
  frequency,
  documents: c.documents,
  documentTypes: c.documentTypes,
  subjects: c.subjects,
  issuers: c.issuers,
  topics: c.topics,
  news: c.news,
})
