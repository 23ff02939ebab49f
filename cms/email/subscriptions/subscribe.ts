import type { Payload } from 'payload'
import { deliveryKey, enqueueDelivery } from '../queue/deliveries'
import { ensureTend, scheduleSender } from '../queue/jobs'
import { newTokenKey } from '../tokens'
import { choicesOf, type SubscribeRequest } from '../../../core/subscriptions/request'
import type { RequestedChoices } from './stored'

/** A confirmation link works this long. */
export const CONFIRM_VALID_MS = 7 * 24 * 60 * 60 * 1000
/** At most one confirmation mail per address in this time, whoever keeps submitting the form. */
export const RESEND_AFTER_MS = 10 * 60 * 1000

export class UnknownChoiceError extends Error {
  constructor(
    readonly field: 'subjects' | 'issuers',
    message: string,
  ) {
    super(message)
  }
}

async function assertExist(payload: Payload, collection: 'subjects' | 'organizations', ids: string[], field: 'subjects' | 'issuers', message: string) {
  if (ids.length === 0) return
  const { totalDocs } = await payload.count({ collection, where: { id: { in: ids } }, overrideAccess: true })
  if (totalDocs !== ids.length) throw new UnknownChoiceError(field, message)
}

/**
 * A request from the subscription form. Nothing is sent but a confirmation mail, and the request's
 * choices take effect only when its link is used; an address that already receives mail keeps its
 * current choices until then. The answer to the visitor is the same whatever the address's state,
 * so the form does not reveal who subscribes.
 */
export async function requestSubscription(payload: Payload, request: SubscribeRequest): Promise<void> {
  await assertExist(payload, 'subjects', request.subjects, 'subjects', 'Có lĩnh vực đã chọn không còn trong danh sách. Hãy tải lại trang rồi chọn lại.')
  await assertExist(
    payload,
    'organizations',
    request.issuers,
    'issuers',
    'Có cơ quan ban hành đã chọn không còn trong danh sách. Hãy tải lại trang rồi chọn lại.',
  )
  const requested: RequestedChoices = { choices: choicesOf(request), frequency: request.frequency }
  const now = new Date()

  const find = async () =>
    (await payload.find({ collection: 'subscribers', where: { email: { equals: request.email } }, depth: 0, limit: 1, overrideAccess: true })).docs[0]
  let subscriber = await find()
  let tokenKey: string
  let send: boolean
  if (!subscriber) {
    tokenKey = newTokenKey()
    send = true
    try {
      subscriber = await payload.create({
        collection: 'subscribers',
        data: { email: request.email, status: 'pending', frequency: request.frequency, requestedChoices: requested, tokenKey, requestedAt: now.toISOString() },
        depth: 0,
        overrideAccess: true,
      })
    } catch (error) {
      // The same address submitted twice at once: the other request created it.
      subscriber = await find()
      if (!subscriber) throw error
      return requestSubscription(payload, request)
    }
  } else {
    const recent = subscriber.requestedAt && subscriber.tokenKey && now.getTime() - new Date(subscriber.requestedAt).getTime() < RESEND_AFTER_MS
    tokenKey = recent ? subscriber.tokenKey! : newTokenKey()
    send = !recent
    const restart = subscriber.status === 'unsubscribed' || subscriber.status === 'bounced'
    await payload.update({
      collection: 'subscribers',
      id: subscriber.id,
      data: {
        requestedChoices: requested,
        tokenKey,
        ...(recent ? {} : { requestedAt: now.toISOString() }),
        // Asking again after leaving (or after a bounce) starts a new subscription from scratch.
        ...(restart ? { status: 'pending', confirmedAt: null, consentAt: null, lastDigestAt: null, bouncedAt: null, bounceReason: null } : {}),
      },
      depth: 0,
      overrideAccess: true,
    })
  }
  if (send) {
    await enqueueDelivery(payload, {
      key: deliveryKey.confirmation(String(subscriber.id), tokenKey),
      kind: 'confirmation',
      subscriber: String(subscriber.id),
      to: request.email,
    })
    await scheduleSender(payload)
  }
  await ensureTend(payload)
}
