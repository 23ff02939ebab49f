import { relationIds } from '../../lib/relations'
import type { Subscriber } from '../../payload-types'
import type { Choices, Frequency } from '../../../core/subscriptions/request'

/** Stored as is in the `requestedChoices` JSON field: a type alias, so it fits that field's generated type. */
export type RequestedChoices = {
  choices: Choices
  frequency: Frequency
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/** What the subscriber currently receives. */
export function activeChoices(s: Subscriber): Choices {
  return {
    documents: Boolean(s.documents),
    documentTypes: [...(s.documentTypes ?? [])],
    subjects: relationIds(s.subjects),
    issuers: relationIds(s.issuers),
    topics: Boolean(s.topics),
    news: Boolean(s.news),
  }
}

/** The choices waiting for confirmation, if any (a JSON field, written by requestSubscription). */
export function requestedChoices(s: Subscriber): RequestedChoices | null {
  const r = s.requestedChoices
  if (!isRecord(r) || !r.choices || (r.frequency !== 'immediate' && r.frequency !== 'daily')) return null
  const c: Record<string, unknown> = isRecord(r.choices) ? r.choices : {}
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
  // Choices come from the subscription form, validated against the same vocabulary the field's
  // options are made of (core/subscriptions/request, core/vocabulary); core keeps them as strings.
  documentTypes: c.documentTypes as NonNullable<Subscriber['documentTypes']>,
  subjects: c.subjects,
  issuers: c.issuers,
  topics: c.topics,
  news: c.news,
})
