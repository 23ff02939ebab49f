import type { MailItem } from '../../publish/mail/items'
import type { ItemView } from '../render/layout'
import { renderMail } from '../render/layout'
import { mailSettings } from '../settings'
import { subscriberFooter } from './subscriberFooter'

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`)

export function itemView(item: MailItem): ItemView {
  const linkLabel =
    item.ref.collection === 'documents' ? 'Đọc tóm tắt và toàn văn' : item.ref.collection === 'topics' ? 'Đọc chuyên đề và làm câu hỏi' : 'Đọc tin'
  return { label: item.label, title: item.title, facts: item.facts, excerpt: item.excerpt, url: item.url, linkLabel }
}

function subjectOf(item: MailItem, siteName: string): string {
  switch (item.ref.collection) {
    case 'documents':
      return clip(`Văn bản mới: ${item.number} — ${item.title}`, 140)
    case 'topics':
      return clip(`${item.label}: ${item.title}`, 140)
    case 'news':
      return clip(`Tin mới: ${item.title}`, 140)
  }
  return siteName
}

/** One new item, sent right away to subscribers who chose "immediately". */
export function notificationMail(item: MailItem, subscriberId: string) {
  const s = mailSettings()
  const heading = item.ref.collection === 'documents' ? 'Có văn bản mới' : item.ref.collection === 'topics' ? 'Có chuyên đề tháng mới' : 'Có tin mới'
  return renderMail({
    siteName: s.siteName,
    siteUrl: s.siteUrl,
    subject: subjectOf(item, s.siteName),
    preview: clip(`${item.label}: ${item.title}`, 150),
    heading,
    blocks: [{ kind: 'item', item: itemView(item) }],
    footer: subscriberFooter(subscriberId, 'Bạn nhận thư này vì đã đăng ký nhận thông báo nội dung mới và đã xác nhận qua thư.'),
  })
}
