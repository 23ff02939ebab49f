import type { Payload } from 'payload'
import { DOCUMENT_TYPES } from '../../../core/vocabulary'
import { FREQUENCIES, type Choices, type Frequency } from '../../../core/subscriptions/request'

const TYPE_LABEL = new Map<string, string>(DOCUMENT_TYPES.map((t) => [t.slug, t.label]))

async function names(payload: Payload, collection: 'subjects' | 'organizations', ids: string[]): Promise<string[]> {
  if (ids.length === 0) return []
  const { docs } = await payload.find({ collection, where: { id: { in: ids } }, depth: 0, limit: ids.length, pagination: false, overrideAccess: true })
  return docs.map((d) => String(d.name ?? d.id)).sort((a, b) => a.localeCompare(b, 'vi'))
}

/** The choices in words, one line each, for the confirmation mail. */
export async function describeChoices(payload: Payload, choices: Choices, frequency: Frequency): Promise<string[]> {
  const lines: string[] = []
  if (choices.documents) {
    const types = choices.documentTypes.map((t) => TYPE_LABEL.get(t) ?? t)
    const [subjects, issuers] = await Promise.all([names(payload, 'subjects', choices.subjects), names(payload, 'organizations', choices.issuers)])
    let line = types.length ? `Văn bản mới loại: ${types.join(', ')}` : 'Văn bản mới (mọi loại)'
    if (subjects.length) line += `; thuộc lĩnh vực: ${subjects.join(', ')}`
    if (issuers.length) line += `; do cơ quan ban hành: ${issuers.join(', ')}`
    lines.push(line)
  }
  if (choices.topics) lines.push('Chuyên đề sinh hoạt hằng tháng')
  if (choices.news) lines.push('Tin tức')
  lines.push(`Cách nhận: ${FREQUENCIES.find((f) => f.value === frequency)?.label.toLowerCase() ?? frequency}`)
  return lines
}
