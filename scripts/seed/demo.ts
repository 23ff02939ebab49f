import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Payload } from 'payload'
import sharp from 'sharp'
import { importFile } from '../import/write'

const here = path.dirname(fileURLToPath(import.meta.url))

/** The demo member account README.md names, for trying the members' pages at once. */
export const DEMO_MEMBER = { name: 'Nguyễn Văn Mẫu', phone: '0900000001', password: 'Sotay-demo-2026' }

/**
 * Demo content for a fresh installation: the shared test corpus (real public party documents with
 * editorial summaries, plus fictional news, topics, announcements and members-only documents),
 * one document with a PDF original, one news item with a cover image, and two member accounts of
 * the chi bộ that issues the demo announcements: one active (DEMO_MEMBER), one waiting for
 * activation (its code is printed from the admin).
 */
export async function seedDemoContent(payload: Payload): Promise<void> {
  const report = await importFile(payload, path.join(here, 'demo-corpus.jsonl'))
  if (report.rejected.length) {
    throw new Error(`Demo content rejected: ${report.rejected.map((r) => `line ${r.line}: ${r.reason}`).join('; ')}`)
  }

  const document = (await payload.find({ collection: 'documents', where: { slug: { equals: 'quyet-dinh-27-tw-2021' } }, limit: 1 })).docs[0]
  if (document && !document.attachments?.length) {
    const file = await payload.create({
      collection: 'files',
      data: { title: 'Bản gốc (tệp PDF minh họa)', sourceName: 'ban-goc-minh-hoa.pdf' },
      filePath: path.join(here, 'files', 'ban-goc-minh-hoa.pdf'),
    })
    await payload.update({ collection: 'documents', id: document.id, data: { attachments: [file.id] } })
  }

  const news = (await payload.find({ collection: 'news', sort: '-publishedAt', limit: 1 })).docs[0]
  if (news && !news.cover) {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900">
      <rect width="100%" height="100%" fill="#a50e0e"/><circle cx="1350" cy="200" r="120" fill="#ffd54f"/>
      <text x="80" y="780" font-family="DejaVu Sans, sans-serif" font-size="72" fill="#fff">Sổ tay đảng viên điện tử</text></svg>`
    const image = await sharp(Buffer.from(svg)).jpeg({ quality: 82 }).toBuffer()
    const media = await payload.create({
      collection: 'media',
      data: { alt: 'Ảnh minh họa: nền đỏ với dòng chữ Sổ tay đảng viên điện tử', sourceName: 'anh-bia-minh-hoa.jpg' },
      file: { data: image, mimetype: 'image/jpeg', name: 'anh-bia-minh-hoa.jpg', size: image.length },
    })
    await payload.update({ collection: 'news', id: news.id, data: { cover: media.id } })
  }

  await seedDemoMembers(payload)
  await seedDemoStudy(payload)
}

/**
 * A study campaign for the demo members' chi bộ, due in two weeks: the newest monthly topic with
 * questions and the document with the PDF original, so "Học tập" has something to do at once.
 */
async function seedDemoStudy(payload: Payload): Promise<void> {
  if ((await payload.count({ collection: 'study-campaigns' })).totalDocs > 0) return
  const member = (await payload.find({ collection: 'members', where: { phone: { equals: DEMO_MEMBER.phone } }, depth: 0, limit: 1 })).docs[0]
  const topic = (await payload.find({ collection: 'topics', where: { _status: { equals: 'published' } }, sort: '-month', depth: 0, limit: 10 })).docs.find(
    (t) => (t.questions?.length ?? 0) > 0,
  )
  const document = (await payload.find({ collection: 'documents', where: { slug: { equals: 'quyet-dinh-27-tw-2021' } }, depth: 0, limit: 1 })).docs[0]
  if (!member?.organization || !topic || !document) return
  await payload.create({
    collection: 'study-campaigns',
    data: {
      title: `Học tập chuyên đề “${topic.title}” và Quy định 27-QĐ/TW`,
      description: 'Đọc (hoặc nghe đọc) hết hai nội dung và làm bài trắc nghiệm của chuyên đề.',
      organization: member.organization,
      deadline: new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10),
      remindDaysBefore: 3,
      items: [
        { relationTo: 'topics', value: topic.id },
        { relationTo: 'documents', value: document.id },
      ],
    },
  })
}

async function seedDemoMembers(payload: Payload): Promise<void> {
  const announcement = (await payload.find({ collection: 'announcements', limit: 1, depth: 0, sort: '-publishedAt' })).docs[0]
  const organization = announcement?.organization
  if (!organization) return
  const accounts = [
    { name: DEMO_MEMBER.name, phone: DEMO_MEMBER.phone, password: DEMO_MEMBER.password, status: 'active' as const },
    { name: 'Trần Thị Chờ', phone: '0900000002', status: 'pending' as const },
  ]
  for (const account of accounts) {
    const exists = await payload.count({ collection: 'members', where: { phone: { equals: account.phone } } })
    if (exists.totalDocs === 0) await payload.create({ collection: 'members', data: { ...account, organization } as never })
  }
}
