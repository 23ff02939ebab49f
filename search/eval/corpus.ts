/**
 * The shared test corpus (../shared/corpus/corpus.jsonl) as search items, the way the CMS sync
 * would build them (cms/publish/search/items.ts): only public published content, i.e. the 39 public
 * documents, the news and the topics. Members-only documents (`internal-*`) and announcements are
 * left out, as the sync leaves them out. The corpus has no full text or attachments for documents,
 * so their body and attachmentText are empty.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { noDocumentFields, searchNumberKeys, type SearchItem, type ValidityStatus } from '../contract'
import { slugify } from '../../core/vietnamese'
import { documentUrl, newsUrl, topicUrl } from '../../core/urls'

const here = path.dirname(fileURLToPath(import.meta.url))
/** The shared corpus (../shared/corpus), or the copy the demo seed imports when it is not mounted. */
export function corpusPath(): string {
  const shared = path.resolve(here, '../../../shared/corpus/corpus.jsonl')
  return existsSync(shared) ? shared : path.resolve(here, '../../scripts/seed/demo-corpus.jsonl')
}

/** Fixed so that entries() comparisons are stable. */
export const CORPUS_UPDATED_AT = '2024-12-31T00:00:00.000Z'

export interface CorpusDocument {
  kind: 'document'
  id: string
  type: string
  number: string
  issuer: string
  level: string
  issuedAt: string
  title: string
  summary: string
  fields: string[]
  status: ValidityStatus
  supersededBy: string | null
  audience: 'public' | 'members'
}
export interface CorpusNews {
  kind: 'news'
  id: string
  title: string
  lead: string
  body: string
  category: string
  publishedAt: string
  source: string
  relatedDocuments: string[]
}
export interface CorpusTopic {
  kind: 'topic'
  id: string
  month: string
  title: string
  theme: string
  body: string
  relatedDocuments: string[]
  questions: Array<{ question: string; choices: string[]; answer: number; explanation: string }>
}
export interface CorpusAnnouncement {
  kind: 'announcement'
  id: string
  title: string
  body: string
  organization: string
}
export type CorpusRecord = CorpusDocument | CorpusNews | CorpusTopic | CorpusAnnouncement

export function readCorpus(file = corpusPath()): CorpusRecord[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as CorpusRecord)
}

export function corpusSearchItems(file = corpusPath()): SearchItem[] {
  const items: SearchItem[] = []
  for (const r of readCorpus(file)) {
    if (r.kind === 'document') {
      if (r.audience !== 'public') continue
      items.push({
        id: `document:${r.id}`,
        kind: 'document',
        slug: r.id,
        url: documentUrl(r.id),
        title: r.title,
        number: r.number,
        ...searchNumberKeys(r.number),
        type: r.type,
        issuer: slugify(r.issuer),
        issuerName: r.issuer,
        level: r.level,
        issuedAt: r.issuedAt,
        year: Number(r.issuedAt.slice(0, 4)),
        fields: r.fields.map((f) => slugify(f)),
        fieldNames: r.fields,
        status: r.status,
        summary: r.summary,
        body: '',
        attachmentText: '',
        updatedAt: CORPUS_UPDATED_AT,
        scope: 'public',
      })
    } else if (r.kind === 'news') {
      items.push({
        ...noDocumentFields(),
        id: `news:${r.id}`,
        kind: 'news',
        slug: r.id,
        url: newsUrl(r.id),
        title: r.title,
        issuedAt: r.publishedAt,
        year: Number(r.publishedAt.slice(0, 4)),
        summary: r.lead,
        body: r.body,
        updatedAt: CORPUS_UPDATED_AT,
        scope: 'public',
      })
    } else if (r.kind === 'topic') {
      items.push({
        ...noDocumentFields(),
        id: `topic:${r.id}`,
        kind: 'topic',
        slug: r.id,
        url: topicUrl(r.id),
        title: r.title,
        issuedAt: `${r.month}-01`,
        year: Number(r.month.slice(0, 4)),
        summary: r.theme,
        body: [r.body, r.questions.map((q) => q.question).join('\n')].filter(Boolean).join('\n\n'),
        updatedAt: CORPUS_UPDATED_AT,
        scope: 'public',
      })
    }
  }
  return items
}

/** A document item with everything defaulted; tests override what they are about. */
export function syntheticDocument(slug: string, overrides: Partial<SearchItem> = {}): SearchItem {
  const number = overrides.number ?? null
  const issuedAt = overrides.issuedAt ?? '2023-01-01'
  return {
    id: `document:${slug}`,
    kind: 'document',
    slug,
    url: documentUrl(slug),
    title: 'Văn bản thử nghiệm',
    number,
    ...searchNumberKeys(number ?? ''),
    type: 'quy-dinh',
    issuer: 'ban-thu-nghiem',
    issuerName: 'Ban Thử nghiệm',
    level: 'co-so',
    issuedAt,
    year: Number(issuedAt.slice(0, 4)),
    fields: ['thu-nghiem'],
    fieldNames: ['Thử nghiệm'],
    status: 'in-force',
    summary: '',
    body: '',
    attachmentText: '',
    updatedAt: '2024-01-01T00:00:00.000Z',
    scope: 'public',
    ...overrides,
  }
}

/** An announcement item (a chi bộ's meeting notice) with everything defaulted; tests override what they are about. */
export function syntheticAnnouncement(slug: string, overrides: Partial<SearchItem> = {}): SearchItem {
  const issuedAt = overrides.issuedAt ?? '2024-07-03'
  return {
    ...noDocumentFields(),
    id: `announcement:${slug}`,
    kind: 'announcement',
    slug,
    url: `/ca-nhan/thong-bao/${slug}/`,
    title: 'Thông báo thử nghiệm',
    issuedAt,
    year: Number(issuedAt.slice(0, 4)),
    summary: '',
    body: '',
    updatedAt: '2024-01-01T00:00:00.000Z',
    scope: 'members',
    ...overrides,
  }
}
