import crypto from 'node:crypto'
import type { Payload } from 'payload'
import { loadPublicItems, refKey, type MailItem } from '../../publish/mail/items'
import { oneClickUnsubscribeUrl } from '../links'
import { mailSettings } from '../settings'
import { describeChoices } from '../subscriptions/describe'
import { requestedChoices } from '../subscriptions/stored'
import { confirmationMail } from '../templates/confirmation'
import { digestMail } from '../templates/digest'
import { notificationMail } from '../templates/notification'
import type { MailDelivery } from '../../payload-types'
import { NotWanted } from './notWanted'
import { composeMemberMail, isMemberDelivery } from './memberMail'
import { deliveryKey, itemsOf, subscriberIdOf, WITHDRAWN } from './deliveries'

export interface ComposedMail {
  to: string
  subject: string
  html: string
  text: string
  messageId: string
  headers: Record<string, string>
}

export { NotWanted } from './notWanted'

/**
 * The same delivery always gets the same Message-ID, so in the rare case a crash leaves a message
 * half-acknowledged and it is sent again, mail programs recognise it as one message.
 */
const messageIdOf = (key: string) => `<${crypto.createHash('sha256').update(key).digest('hex').slice(0, 40)}@${mailSettings().messageIdHost}>`

function listHeaders(subscriberId: string): Record<string, string> {
  return {
    'List-Id': `Thong bao noi dung moi <thong-bao.${mailSettings().messageIdHost}>`,
    // RFC 8058: mail apps show an "Unsubscribe" button and POST here; no login, no page to visit.
    'List-Unsubscribe': `<${oneClickUnsubscribeUrl(subscriberId)}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  }
}

/**
 * Builds the message for a delivery from what is true now: the subscriber's current state and the
 * content as an anonymous reader sees it. Throws NotWanted when nothing should be sent.
 */
export async function composeDelivery(payload: Payload, delivery: MailDelivery): Promise<ComposedMail> {
  if (isMemberDelivery(delivery)) return { to: delivery.to, messageId: messageIdOf(delivery.key), headers: {}, ...(await composeMemberMail(payload, delivery)) }
  const subscriberId = subscriberIdOf(delivery)
  if (!subscriberId) throw new NotWanted('Thư không có người nhận.')
  const subscriber = await payload.findByID({ collection: 'subscribers', id: subscriberId, depth: 0, overrideAccess: true, disableErrors: true })
  if (!subscriber) throw new NotWanted('Người nhận không còn trong danh sách.')
  const base = { to: delivery.to, messageId: messageIdOf(delivery.key), headers: listHeaders(subscriberId) }

  if (delivery.kind === 'confirmation') {
    const requested = requestedChoices(subscriber)
    if (!requested || !subscriber.tokenKey) throw new NotWanted('Không còn yêu cầu nào chờ xác nhận.')
    if (deliveryKey.confirmation(subscriberId, subscriber.tokenKey) !== delivery.key) throw new NotWanted('Đã có thư xác nhận mới hơn.')
    if (subscriber.status === 'unsubscribed' || subscriber.status === 'bounced') throw new NotWanted('Người nhận đã hủy đăng ký.')
    const mail = confirmationMail({
      subscriberId,
      tokenKey: subscriber.tokenKey,
      choices: await describeChoices(payload, requested.choices, requested.frequency),
      isChange: subscriber.status === 'confirmed',
    })
    return { ...base, ...mail }
  }

  if (subscriber.status !== 'confirmed') throw new NotWanted('Người nhận không còn nhận thư.')
  const refs = itemsOf(delivery)
  const found = await loadPublicItems(payload, refs, mailSettings().siteUrl)
  const items = refs.map((r) => found.get(refKey(r))).filter((i): i is MailItem => Boolean(i))
  if (items.length === 0) throw new NotWanted(WITHDRAWN)
  const mail =
    delivery.kind === 'digest' ? digestMail(items, new Date(delivery.windowEnd ?? Date.now()), subscriberId) : notificationMail(items[0], subscriberId)
  return { ...base, ...mail }
}
