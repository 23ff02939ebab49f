import type { Payload } from 'payload'
import { ensureTend } from '../queue/jobs'
import { tokenSubject, verifyToken } from '../tokens'
import type { ConfirmOutcome } from '../../../core/subscriptions/messages'
import { choiceFields, requestedChoices } from './stored'
import { CONFIRM_VALID_MS } from './subscribe'

/**
 * The owner of the address used the confirmation link: the requested choices become the active
 * ones and the moment is kept as the consent. A second use of the same link changes nothing.
 */
export async function confirmSubscription(payload: Payload, token: unknown): Promise<ConfirmOutcome> {
  const id = tokenSubject(token)
  if (!id) return 'invalid'
  const subscriber = await payload.findByID({ collection: 'subscribers', id, depth: 0, overrideAccess: true, disableErrors: true })
  if (!subscriber?.tokenKey || !verifyToken('confirm', String(token), id, subscriber.tokenKey)) return 'invalid'
  const requested = requestedChoices(subscriber)
  if (!requested) return subscriber.status === 'confirmed' ? 'already' : 'invalid'
  const now = new Date()
  if (!subscriber.requestedAt || now.getTime() - new Date(subscriber.requestedAt).getTime() > CONFIRM_VALID_MS) return 'expired'
  const wasConfirmed = subscriber.status === 'confirmed'
  await payload.update({
    collection: 'subscribers',
    id,
    data: {
      ...choiceFields(requested.choices, requested.frequency),
      status: 'confirmed',
      consentAt: now.toISOString(),
      requestedChoices: null,
      unsubscribedAt: null,
      // A change keeps the subscription's start (and its digest window); a new one starts now.
      ...(wasConfirmed ? {} : { confirmedAt: now.toISOString(), lastDigestAt: null }),
      // Switching to the digest: its first one starts now, not with what was already mailed one by one.
      ...(wasConfirmed && requested.frequency === 'daily' && subscriber.frequency !== 'daily' ? { lastDigestAt: now.toISOString() } : {}),
    },
    depth: 0,
    overrideAccess: true,
  })
  await ensureTend(payload)
  return wasConfirmed ? 'updated' : 'confirmed'
}
