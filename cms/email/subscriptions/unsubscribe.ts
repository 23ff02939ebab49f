import type { Payload } from 'payload'
import { cancelQueuedFor } from '../queue/deliveries'
import { newTokenKey, tokenSubject, verifyToken } from '../tokens'
import type { UnsubscribeOutcome } from '../../../core/subscriptions/messages'

/**
 * The one-click way out, from any mail ever sent (the link signs the subscriber id only). Works
 * once; later uses answer "already unsubscribed", also after the row has been deleted. Choices are
 * cleared, waiting mail is dropped and old confirmation links stop working.
 */
export async function unsubscribe(payload: Payload, token: unknown): Promise<UnsubscribeOutcome> {
  const id = tokenSubject(token)
  if (!id || !verifyToken('unsubscribe', String(token), id)) return 'invalid'
  const subscriber = await payload.findByID({ collection: 'subscribers', id, depth: 0, overrideAccess: true, disableErrors: true })
  if (!subscriber || subscriber.status === 'unsubscribed') return 'already'
  await payload.update({
    collection: 'subscribers',
    id,
    data: {
      status: 'unsubscribed',
      unsubscribedAt: new Date().toISOString(),
      requestedChoices: null,
      tokenKey: newTokenKey(),
      documents: false,
      documentTypes: [],
      subjects: [],
      issuers: [],
      topics: false,
      news: false,
    },
    depth: 0,
    overrideAccess: true,
  })
  await cancelQueuedFor(payload, id, 'Người nhận đã hủy đăng ký.')
  return 'unsubscribed'
}
