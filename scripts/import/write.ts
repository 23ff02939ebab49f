import fs from 'node:fs'
import path from 'node:path'
import type { CollectionSlug, Payload } from 'payload'
import { reasonOf } from '../../cms/lib/fieldError'
import { plainTextToLexical } from '../../cms/richtext/plainText'
import { parseDocumentNumber, printedCode } from '../../core/documentNumbers'
import { checkImportFile, readImportRows, type AnnouncementRow, type DocumentRow, type ImportRow, type NewsRow, type TopicRow } from './rows'

export interface Rejection {
  line: number
  id?: string
  reason: string
}

export interface ImportReport {
  rows: number
  created: number
  updated: number
  rejected: Rejection[]
}

export interface ImportOptions {
  /** Directory holding the attachments and covers the rows name. */
  filesDir?: string
  /**
   * A row that names no attachment (or cover) clears the record's existing ones. Off by default:
   * attachments are often added in the admin after an import, and a re-import must not lose them.
   */
  clearFiles?: boolean
  onProgress?: (done: number, total: number) => void
  /**
   * Notify subscribers of what the file publishes, as a publish in the admin would. Off by default:
   * an import is usually a back catalogue, and members should not get a message per old document.
   */
  notify?: boolean
}

const COLLECTION: Record<ImportRow['kind'], CollectionSlug> = {
  document: 'documents',
  news: 'news',
  topic: 'topics',
  announcement: 'announcements',
}

/** The message an editor needs: Payload's field messages when there are some. */
/**
 * Writes validated rows through the Local API, so every rule the admin applies (number format,
 * duplicates, secrecy, slugs) applies to imports too. The record id is the slug: a second run
 * updates the same items. Relations are set in a second pass so rows may refer forward.
 */
export async function importFile(payload: Payload, filePath: string, options: ImportOptions = {}): Promise<ImportReport> {
  await checkImportFile(filePath) // a file-level problem refuses the whole file before anything is written
  const report: ImportReport = { rows: 0, created: 0, updated: 0, rejected: [] }
  const rows: { line: number; row: ImportRow }[] = []
  for await (const result of readImportRows(filePath)) {
    report.rows += 1
    if (result.ok) rows.push({ line: result.line, row: result.row })
    else report.rejected.push({ line: result.line, id: result.id, reason: result.reason })
  }

  const writer = new Writer(payload, options.filesDir, { silent: !options.notify }, options.clearFiles ?? false)
  const documentIdsInFile = new Set(rows.filter((r) => r.row.kind === 'document').map((r) => r.row.id))
  const written: { line: number; row: ImportRow; id: string }[] = []
  let done = report.rejected.length
  for (const { line, row } of rows) {
    try {
      const missing = await writer.missingReferences(row, documentIdsInFile)
      if (missing.length) throw new Error(`Văn bản được nhắc tới không có trong tệp nhập lẫn trong thư viện: ${missing.join(', ')}.`)
      const { id, created } = await writer.upsert(row)
      if (created) report.created += 1
      else report.updated += 1
      written.push({ line, row, id })
    } catch (error) {
      report.rejected.push({ line, id: row.id, reason: reasonOf(error) })
    }
    options.onProgress?.(++done, report.rows)
  }

  for (const { line, row, id } of written) {
    try {
      await writer.link(row, id)
    } catch (error) {
      report.rejected.push({ line, id: row.id, reason: `Đã nhập nhưng chưa gắn được văn bản liên quan: ${reasonOf(error)}` })
    }
  }
  report.rejected.sort((a, b) => a.line - b.line)
  return report
}

class Writer {
  private organizations = new Map<string, string>()
  private subjects = new Map<string, string>()
  private documentIds = new Map<string, string>()

  constructor(
    private payload: Payload,
    private filesDir?: string,
    /** Passed to every write: `silent` keeps the mail hooks from notifying (cms/hooks/queueNotifications). */
    private context: { silent: boolean } = { silent: true },
    private clearFiles = false,
  ) {}

  private async findBySlug(collection: CollectionSlug, slug: string): Promise<string | undefined> {
    const found = await this.payload.find({ collection, where: { slug: { equals: slug } }, limit: 1, depth: 0, draft: true, select: {} })
    return found.docs[0] ? String(found.docs[0].id) : undefined
  }

  async documentId(slug: string): Promise<string | undefined> {
    if (!this.documentIds.has(slug)) {
      const id = await this.findBySlug('documents', slug)
      if (id) this.documentIds.set(slug, id)
    }
    return this.documentIds.get(slug)
  }

  async missingReferences(row: ImportRow, inFile: Set<string>): Promise<string[]> {
    const refs = row.kind === 'document' ? (row.supersededBy ? [row.supersededBy] : []) : row.kind === 'announcement' ? [] : row.relatedDocuments
    const missing: string[] = []
    for (const ref of refs) if (!inFile.has(ref) && !(await this.documentId(ref))) missing.push(ref)
    return missing
  }

  private async organization(name: string, level: string, code?: string): Promise<string> {
    const cached = this.organizations.get(name)
    if (cached) return cached
    const found = await this.payload.find({ collection: 'organizations', where: { name: { equals: name } }, limit: 1, depth: 0 })
    const kind =
      level === 'trung-uong'
        ? 'trung-uong'
        : /^chi bộ/i.test(name)
          ? 'chi-bo'
          : level === 'tinh'
            ? 'tinh-uy'
            : level === 'huyen'
              ? 'dang-bo-truc-thuoc'
              : 'dang-bo-co-so'
    const id = found.docs[0]
      ? String(found.docs[0].id)
      : String((await this.payload.create({ context: this.context, collection: 'organizations', data: { name, code, kind } })).id)
    this.organizations.set(name, id)
    return id
  }

  private async subject(name: string): Promise<string> {
    const cached = this.subjects.get(name)
    if (cached) return cached
    const found = await this.payload.find({ collection: 'subjects', where: { name: { equals: name } }, limit: 1, depth: 0 })
    const id = found.docs[0]
      ? String(found.docs[0].id)
      : String((await this.payload.create({ context: this.context, collection: 'subjects', data: { name } })).id)
    this.subjects.set(name, id)
    return id
  }

  /** Uploads a named file once; a re-import reuses the stored one (then --files is not needed). */
  private async upload(collection: 'files' | 'media', name: string, data: Record<string, unknown>): Promise<string> {
    const existing = await this.payload.find({ collection, where: { sourceName: { equals: name } }, limit: 1, depth: 0 })
    if (existing.docs[0]) return String(existing.docs[0].id)
    const filePath = path.resolve(this.filesDir ?? '.', name)
    if (!this.filesDir || !fs.existsSync(filePath)) {
      throw new Error(`Không tìm thấy tệp «${name}»${this.filesDir ? ` trong thư mục ${this.filesDir}` : ' (hãy chỉ thư mục tệp bằng --files)'}.`)
    }
    const created = await this.payload.create({ context: this.context, collection, data: { ...data, sourceName: name } as never, filePath })
    return String(created.id)
  }

  async upsert(row: ImportRow): Promise<{ id: string; created: boolean }> {
    const collection = COLLECTION[row.kind]
    const data = await this.dataFor(row)
    const existing = await this.findBySlug(collection, row.id)
    if (existing) {
      await this.payload.update({ context: this.context, collection, id: existing, data: data as never })
      return { id: existing, created: false }
    }
    const created = await this.payload.create({ context: this.context, collection, data: data as never })
    if (row.kind === 'document') this.documentIds.set(row.id, String(created.id))
    return { id: String(created.id), created: true }
  }

  private async dataFor(row: ImportRow): Promise<Record<string, unknown>> {
    switch (row.kind) {
      case 'document':
        return this.documentData(row)
      case 'news':
        return this.newsData(row)
      case 'topic':
        return this.topicData(row)
      case 'announcement':
        return this.announcementData(row)
    }
  }

  private async documentData(row: DocumentRow) {
    const parsed = parseDocumentNumber(row.number)
    const code = parsed?.issuer ? printedIssuer(row.number) : undefined
    const secrecy = row.secrecy ?? 'none'
    return {
      slug: row.id,
      type: row.type,
      number: row.number,
      title: row.title,
      issuer: await this.organization(row.issuer, row.level, code),
      level: row.level,
      issuedAt: row.issuedAt,
      term: row.term === undefined ? undefined : String(row.term),
      signer: row.signer,
      summary: plainTextToLexical(row.summary),
      fullText: row.fullText ? plainTextToLexical(row.fullText) : undefined,
      subjects: await sequential(row.fields, (f) => this.subject(f)),
      status: row.status,
      audience: row.audience,
      secrecy,
      ...(row.attachments?.length || this.clearFiles
        ? { attachments: await sequential(row.attachments ?? [], (name) => this.upload('files', name, { title: name })) }
        : {}),
      // A secret document is kept as a draft: it can never be published (Luật 29/2018).
      _status: secrecy === 'none' ? 'published' : 'draft',
    }
  }

  private async newsData(row: NewsRow) {
    return {
      slug: row.id,
      title: row.title,
      category: row.category,
      lead: row.lead,
      body: plainTextToLexical(row.body),
      publishedAt: row.publishedAt,
      source: row.source,
      ...(row.cover || this.clearFiles ? { cover: row.cover ? await this.upload('media', row.cover, { alt: row.title }) : null } : {}),
      _status: 'published',
    }
  }

  private topicData(row: TopicRow) {
    return {
      slug: row.id,
      month: row.month,
      title: row.title,
      theme: row.theme,
      body: plainTextToLexical(row.body),
      questions: row.questions.map((q) => ({
        question: q.question,
        choices: q.choices.map((text) => ({ text })),
        answer: q.answer + 1, // the admin numbers choices from 1
        explanation: q.explanation,
      })),
      _status: 'published',
    }
  }

  private async announcementData(row: AnnouncementRow) {
    return {
      slug: row.id,
      title: row.title,
      organization: await this.organization(row.organization, 'co-so'),
      body: plainTextToLexical(row.body),
      meetingAt: row.meetingAt,
      location: row.location,
      publishedAt: row.publishedAt,
      audience: row.audience,
      _status: 'published',
    }
  }

  /** Second pass: relations, now that every row of the file exists. Unchanged relations are not rewritten. */
  async link(row: ImportRow, id: string): Promise<void> {
    if (row.kind === 'document') {
      if (!row.supersededBy) return
      const replacement = await this.documentId(row.supersededBy)
      if (!replacement) throw new Error(`không tìm thấy văn bản ${row.supersededBy}`)
      const current = await this.payload.findByID({ collection: 'documents', id: replacement, depth: 0, draft: true })
      const replaces = (current.replaces ?? []).map((r) => String(typeof r === 'object' ? r.id : r))
      if (!replaces.includes(id)) {
        await this.payload.update({ context: this.context, collection: 'documents', id: replacement, data: { replaces: [...replaces, id] } })
      }
      return
    }
    if (row.kind === 'announcement') return
    const collection = COLLECTION[row.kind] as 'news' | 'topics'
    const wanted: string[] = []
    for (const slug of row.relatedDocuments) {
      const target = await this.documentId(slug)
      if (!target) throw new Error(`không tìm thấy văn bản ${slug}`)
      wanted.push(target)
    }
    const current = await this.payload.findByID({ collection, id, depth: 0, draft: true })
    const have = (current.relatedDocuments ?? []).map((r) => String(typeof r === 'object' ? r.id : r))
    if (have.join() !== wanted.join()) await this.payload.update({ context: this.context, collection, id, data: { relatedDocuments: wanted } })
  }
}

/** One write at a time: SQLite allows a single writer, and parallel transactions would fail busy. */
async function sequential<T, R>(items: readonly T[], fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = []
  for (const item of items) out.push(await fn(item))
  return out
}

/** The issuing-body code as printed ("TW", "TU", "ĐU"), for a new organization's record. */
function printedIssuer(number: string): string | undefined {
  const party = number.split('/')
  const tail = party.length > 1 ? party[party.length - 1] : undefined
  const code = tail?.includes('-') ? tail.split('-').pop() : tail
  return code?.trim() || (parseDocumentNumber(number)?.issuer ? printedCode(parseDocumentNumber(number)!.issuer!) : undefined)
}
