import type { CollectionBeforeChangeHook } from 'payload'
import type { Document } from '../../../payload-types'
import { fieldError } from '../../../lib/fieldError'
import { isDraftSave } from '../../../hooks/draftFlag'
import { liveStatusBefore } from '../../../hooks/liveStatus'
import { SECRECY } from '../../../../core/vocabulary'

export const secrecyMessage = (label: string) =>
  `Văn bản có độ mật «${label}» không được phép xuất bản lên mạng (Luật Bảo vệ bí mật nhà nước số 29/2018/QH14). ` +
  'Hãy giữ ở trạng thái bản nháp hoặc chọn độ mật «Không mật» nếu văn bản đã được giải mật.'

/**
 * A document whose secrecy level is not "none" never goes online — whoever asks, through any API.
 * Marking a live document secret is refused too: it must be unpublished first, so the live copy
 * never carries a secrecy level the public site would ignore.
 */
export const refuseSecretPublication: CollectionBeforeChangeHook<Document> = ({ data, originalDoc, operation, req, collection }) => {
  const secrecy = data.secrecy ?? originalDoc?.secrecy ?? 'none'
  if (secrecy === 'none') return data
  const livePublished = operation === 'update' && liveStatusBefore(req, collection.slug, originalDoc?.id) === 'published'
  const publishing = !isDraftSave(req, data) && (data._status ?? originalDoc?._status) === 'published'
  if (publishing || livePublished) {
    const label = SECRECY.find((s) => s.value === secrecy)?.label ?? secrecy
    throw fieldError(req, collection.slug, 'secrecy', secrecyMessage(label))
  }
  return data
}
