import { absoluteUrl, MY_STUDY_URL } from '../../../core/urls'
import type { CampaignProgress } from '../../../library/study'
import { renderMail } from '../render/layout'
import { mailSettings } from '../settings'

const dayVi = (iso: string) => iso.split('-').reverse().join('/')

/** A member's reminder before a campaign's deadline: what is still to study. */
export function studyReminderMail(member: { name: string }, campaign: CampaignProgress) {
  const s = mailSettings()
  const left = campaign.items.filter((i) => !i.read || (i.quizNeeded && i.quizScore === null))
  return renderMail({
    siteName: s.siteName,
    siteUrl: s.siteUrl,
    subject: `Nhắc học tập: ${campaign.title} — hạn ${dayVi(campaign.deadline)}`,
    preview: `Đồng chí còn ${left.length} nội dung cần hoàn thành trước ngày ${dayVi(campaign.deadline)}.`,
    heading: campaign.title,
    blocks: [
      {
        kind: 'paragraph',
        text: `Kính gửi đồng chí ${member.name}, đợt học tập “${campaign.title}” của ${campaign.organizationName || 'tổ chức đảng'} kết thúc ngày ${dayVi(campaign.deadline)}. Đồng chí đã hoàn thành ${campaign.done}/${campaign.total} nội dung; còn lại:`,
      },
      { kind: 'list', items: left.map((i) => (i.read ? `${i.title} (còn làm bài trắc nghiệm)` : i.title)) },
      { kind: 'button', label: 'Mở mục Học tập', url: absoluteUrl(s.siteUrl, MY_STUDY_URL) },
      { kind: 'note', text: 'Đồng chí đăng nhập Sổ tay đảng viên để đọc (hoặc nghe đọc) hết từng nội dung và làm bài trắc nghiệm.' },
    ],
    footer: [{ kind: 'note', text: 'Thư nhắc tự động từ Sổ tay đảng viên điện tử, gửi một lần cho mỗi đợt học tập; xin đừng trả lời thư này.' }],
  })
}
