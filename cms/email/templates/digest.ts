import type { MailItem, NotifiableCollection } from '../../publish/mail/items'
import { vietnameseDate } from '../render/format'
import type { Block } from '../render/layout'
import { renderMail } from '../render/layout'
import { mailSettings } from '../settings'
import { itemView } from './notification'
import { subscriberFooter } from './subscriberFooter'

const SECTIONS: Array<{ collection: NotifiableCollection; heading: string }> = [
  { collection: 'documents', heading: 'Văn bản mới' },
  { collection: 'topics', heading: 'Chuyên đề tháng' },
  { collection: 'news', heading: 'Tin tức' },
]

/** The day's new items in one mail, for subscribers who chose the daily digest. */
export function digestMail(items: MailItem[], day: Date, subscriberId: string) {
  const s = mailSettings()
  const date = vietnameseDate(day)
  const count = items.length
  const blocks: Block[] = [{ kind: 'paragraph', text: `Từ bản tin trước đến nay có ${count} nội dung mới theo lựa chọn của bạn.` }]
  for (const section of SECTIONS) {
    const inSection = items.filter((i) => i.ref.collection === section.collection)
    if (inSection.length === 0) continue
    blocks.push({ kind: 'heading', text: `${section.heading} (${inSection.length})` })
    for (const item of inSection) blocks.push({ kind: 'item', item: itemView(item), level: 3 })
  }
  return renderMail({
    siteName: s.siteName,
    siteUrl: s.siteUrl,
    subject: `Bản tin ngày ${date}: ${count} nội dung mới — ${s.siteName}`,
    preview: items
      .slice(0, 3)
      .map((i) => i.number ?? i.title)
      .join('; '),
    heading: `Bản tin ngày ${date}`,
    blocks,
    footer: subscriberFooter(subscriberId, 'Bạn nhận thư này vì đã đăng ký nhận bản tin tổng hợp hằng ngày và đã xác nhận qua thư.'),
  })
}
