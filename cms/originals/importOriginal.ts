/**
 * One original (PDF/DOCX) → one draft document with the original attached, through the Local API so
 * every rule of the admin applies. Shared by `npm run import -- --from-folder` (folder.ts) and the
 * admin's bulk upload (cms/endpoints/importOriginals.ts).
 *
 * Order of work, cheapest refusal first: the bytes' hash against originals already stored (no
 * reading at all for a re-run), then reading the text and header, then the number + issuer + date
 * against existing documents, then the write: the file and the document in one transaction, so a
 * file either becomes a complete draft or nothing is stored (its bytes on disk are removed too).
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import { commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload, type PayloadRequest, type TypedUser } from 'payload'
import { documentNumberKey, parseDocumentNumber } from '../../core/documentNumbers'
import { env } from '../../core/env/cms'
import { fold } from '../../core/vietnamese'
import { type Level, labelOf, SECRECY } from '../../core/vocabulary'
import { sha256, withGivenText } from '../attachments/givenText'
import type { FromFileField } from '../collections/Documents/fromFile'
import { normalizeDay } from '../fields/dayOnly'
import { reasonOf } from '../lib/fieldError'
import type { Document } from '../payload-types'
import type { HeaderReading } from './header'
import { readInThread, UnreadableOriginal, type OriginalText, type Reading, type TextSource } from './read'
import { levelOfOrganizationKind } from './vocabulary'

export type Outcome = 'created' | 'needs-review' | 'duplicate' | 'failed'

export interface ExistingDocument {
  id: string
  number?: string | null
  title?: string | null
  issuedAt?: string | null
  /** What the import recorded on it, when it was made from an original (documents.fromFile). */
  fromFile?: { source?: string | null; missing?: FromFileField[] | null; textFrom?: TextSource | null; notes?: string | null } | null
}

export interface FileResult {
  /** Path relative to the imported folder, or the uploaded file's name. */
  file: string
  outcome: Outcome
  hash?: string
  documentId?: string
  /** The document this one duplicates, and why: the same bytes, or the same number + issuer + date. */
  existing?: ExistingDocument
  sameAs?: 'bytes' | 'number'
  /** Header fields that could not be read (the summary is never in a file, so it is not listed here). */
  missing: FromFileField[]
  textFrom?: TextSource
  /** Vietnamese: the reason a file failed or was skipped, else what the editor should look at. */
  reason?: string
  notes: string[]
  /** OCR pages read, for the benchmark and the report. */
  ocrPages?: number
}

/** Fields every header should give; a draft missing any of them "needs review". */
const HEADER_FIELDS: FromFileField[] = ['type', 'number', 'issuer', 'level', 'issuedAt', 'title', 'signer', 'secrecy']
// A trích yếu is a line or three; a longer "title" means the layout was misread.
const MAX_TITLE = 600

interface Organization {
  id: string
  name: string
  kind?: string | null
}

export interface ImporterOptions {
  /** The editor uploading in the admin; absent for the operator's command (trusted server code). */
  user?: TypedUser | null
}

const vnDate = (iso?: string | null) =>
  iso ? new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(iso)) : ''

export function describeDocument(d: ExistingDocument): string {
  const number = d.number ? `số ${d.number}` : 'chưa có số'
  const date = d.issuedAt ? ` ngày ${vnDate(d.issuedAt)}` : ''
  const title = d.title ? ` «${d.title}»` : ''
  return `văn bản ${number}${date}${title} (mã ${d.id}, mở tại /admin/collections/documents/${d.id})`
}

/** Where the time of a run went, in milliseconds (bench/import-folder reports it). */
export interface Timings {
  hash: number
  /** Reading the text and header (in a worker: waiting for it). */
  read: number
  ocr: number
  duplicates: number
  write: number
}

export class OriginalImporter {
  readonly timings: Timings = { hash: 0, read: 0, ocr: 0, duplicates: 0, write: 0 }
  private organizations?: Map<string, Organization[]>
  /** Hashes and number keys written during this run, for duplicates inside one folder. */
  private seenHashes = new Map<string, { file: string; existing: ExistingDocument }>()
  private seenNumbers = new Map<string, { file: string; existing: ExistingDocument }>()
  /**
   * After preload(): every stored original's hash and every document's number key + date, so the
   * common case (nothing to compare with) costs no query. A hit is confirmed by a query.
   */
  private knownHashes?: Set<string>
  private knownNumbers?: Set<string>

  constructor(
    private payload: Payload,
    private options: ImporterOptions = {},
  ) {}

  private async organizationIndex(): Promise<Map<string, Organization[]>> {
    if (!this.organizations) {
      const { docs } = await this.payload.find({
        collection: 'organizations',
        pagination: false,
        depth: 0,
        select: { name: true, kind: true },
        overrideAccess: true,
      })
      this.organizations = new Map()
      for (const o of docs as Organization[]) {
        const key = fold(o.name)
        this.organizations.set(key, [...(this.organizations.get(key) ?? []), { id: String(o.id), name: o.name, kind: o.kind }])
      }
    }
    return this.organizations
  }

  /** Loads what duplicate checks compare against, for runs over many files (the folder import). */
  async preload(): Promise<void> {
    await this.organizationIndex()
    const files = await this.payload.find({ collection: 'files', pagination: false, depth: 0, select: { contentHash: true }, overrideAccess: true })
    this.knownHashes = new Set(files.docs.map((f) => f.contentHash).filter((h): h is string => Boolean(h)))
    const docs = await this.payload.find({
      collection: 'documents',
      pagination: false,
      depth: 0,
      select: { numberKey: true, issuedAt: true },
      overrideAccess: true,
    })
    this.knownNumbers = new Set(docs.docs.filter((d) => d.numberKey && d.issuedAt).map((d) => `${d.numberKey}|${normalizeDay(d.issuedAt)}`))
  }

  /** Whether bytes with this hash may already be stored (always true before preload()). */
  mayBeStored(hash: string): boolean {
    return this.seenHashes.has(hash) || !this.knownHashes || this.knownHashes.has(hash)
  }

  /** The organization whose name matches a printed candidate (case, tone marks and tone placement aside). */
  private async matchIssuer(header: HeaderReading): Promise<{ org?: Organization; printed?: string; ambiguous?: Organization[] }> {
    const index = await this.organizationIndex()
    for (const candidate of header.issuerCandidates) {
      const found = index.get(fold(candidate))
      if (found?.length === 1) return { org: found[0], printed: candidate }
      if (found && found.length > 1) return { printed: candidate, ambiguous: found }
    }
    return { printed: header.issuerCandidates[0] }
  }

  /** Files already stored with these bytes, and the document using one of them. */
  private async byHash(hash: string, req?: PayloadRequest): Promise<{ fileId?: string; document?: ExistingDocument }> {
    const files = await this.payload.find({
      collection: 'files',
      where: { contentHash: { equals: hash } },
      depth: 0,
      limit: 10,
      select: {},
      overrideAccess: true,
      req,
    })
    if (!files.docs.length) return {}
    const ids = files.docs.map((f) => String(f.id))
    const docs = await this.payload.find({
      collection: 'documents',
      where: { attachments: { in: ids } },
      depth: 0,
      limit: 1,
      select: { number: true, title: true, issuedAt: true, fromFile: { source: true, missing: true, textFrom: true, notes: true } },
      overrideAccess: true,
      req,
    })
    const d = docs.docs[0] as Document | undefined
    const document = d ? { id: String(d.id), number: d.number, title: d.title, issuedAt: d.issuedAt, fromFile: d.fromFile } : undefined
    return { fileId: ids[0], document }
  }

  /** A document with the same number, issuing body and date: the same document (numbers restart each term). */
  private async byNumber(
    numberKey: string,
    issuedAt: string,
    issuerId: string | undefined,
    printed: string[],
    req?: PayloadRequest,
  ): Promise<ExistingDocument | undefined> {
    const day = normalizeDay(issuedAt)
    if (this.knownNumbers && !this.knownNumbers.has(`${numberKey}|${day}`)) return undefined
    const { docs } = await this.payload.find({
      collection: 'documents',
      where: { and: [{ numberKey: { equals: numberKey } }, { issuedAt: { equals: day } }] },
      depth: 1,
      limit: 20,
      select: { number: true, title: true, issuedAt: true, issuer: true, fromFile: { printedIssuer: true } },
      overrideAccess: true,
      req,
    })
    const names = new Set(printed.map(fold))
    const same = (docs as Document[]).find((d) => {
      const issuer = d.issuer && typeof d.issuer === 'object' ? d.issuer : undefined
      if (issuerId && issuer) return String(issuer.id) === issuerId
      // Either side without a known issuer: compare the names as printed.
      return (issuer && names.has(fold(issuer.name))) || (d.fromFile?.printedIssuer ? names.has(fold(d.fromFile.printedIssuer)) : false)
    })
    return same ? { id: String(same.id), number: same.number, title: same.title, issuedAt: same.issuedAt } : undefined
  }

  /**
   * Imports one original in its own transaction. Never throws for a problem with the file: the
   * result says what happened. `reading` is the file already being read elsewhere (reader.ts);
   * `hash` its SHA-256 if known.
   */
  async importOne(file: string, bytes: Buffer, given: { hash?: string; reading?: Promise<Reading> } = {}): Promise<FileResult> {
    const prepared = await this.prepare(file, bytes, given)
    if ('result' in prepared) return prepared.result
    const req = await this.transaction()
    let stored: StoredWrite | undefined
    try {
      stored = await this.writePending(prepared.pending, req)
      await commitTransaction(req)
    } catch (error) {
      await this.rollback(req, stored ? [stored] : [], [prepared.pending])
      return this.failed(prepared.pending, error)
    }
    return this.accepted(prepared.pending, stored.id)
  }

  /** A transaction for writes (one file, or a batch of files: folder.ts). */
  async transaction(): Promise<PayloadRequest> {
    const req = await createLocalReq({ context: { silent: true }, user: this.options.user ?? undefined }, this.payload)
    await initTransaction(req)
    return req
  }

  /**
   * After a failed write Payload has already rolled the transaction back: the rows are gone, so the
   * stored bytes and this run's memory of those files go too.
   */
  async rollback(req: PayloadRequest, stored: StoredWrite[], pending: PendingWrite[]): Promise<void> {
    await killTransaction(req)
    for (const s of stored) if (s.storedFile) await fs.rm(path.join(env().dataDir, 'files', s.storedFile), { force: true })
    for (const p of pending) {
      if (this.seenHashes.get(p.hash)?.file === p.file) this.seenHashes.delete(p.hash)
      if (p.numberSeenKey && this.seenNumbers.get(p.numberSeenKey)?.file === p.file) this.seenNumbers.delete(p.numberSeenKey)
    }
  }

  failed(p: PendingWrite, error: unknown): FileResult {
    return { ...p.result, outcome: 'failed', reason: `CMS không lưu được bản nháp: ${reasonOf(error)}` }
  }

  /** The result of a file whose draft has been committed. */
  accepted(p: PendingWrite, id: string): FileResult {
    const complete = p.plan.missing.length === 0 && p.original.textFrom !== 'none'
    return { ...p.result, outcome: complete ? 'created' : 'needs-review', documentId: id }
  }

  /**
   * Everything short of writing: size, hash and number duplicates, reading. Either a final result
   * (duplicate, unreadable file…) or a write to do.
   */
  async prepare(
    file: string,
    bytes: Buffer,
    given: { hash?: string; reading?: Promise<Reading> } = {},
  ): Promise<{ result: FileResult } | { pending: PendingWrite }> {
    const result: FileResult = { file, outcome: 'failed', missing: [], notes: [] }
    const maxMb = env().UPLOAD_MAX_MB
    if (bytes.length === 0) return { result: { ...result, reason: 'Tệp rỗng (0 byte).' } }
    if (bytes.length > maxMb * 1024 * 1024) {
      return { result: { ...result, reason: `Tệp nặng ${(bytes.length / 1024 / 1024).toFixed(1)} MB, vượt giới hạn ${maxMb} MB (UPLOAD_MAX_MB).` } }
    }
    let t = performance.now()
    const lap = (key: keyof Timings) => {
      const now = performance.now()
      this.timings[key] += now - t
      t = now
    }
    const hash = given.hash ?? sha256(bytes)
    result.hash = hash

    const seen = this.seenHashes.get(hash)
    if (seen) {
      const reason = `Cùng nội dung (cùng mã băm SHA-256) với tệp «${seen.file}» vừa nhập trong lần này: ${describeDocument(seen.existing)}.`
      return { result: { ...result, outcome: 'duplicate', existing: seen.existing, sameAs: 'bytes', reason } }
    }
    const stored = this.mayBeStored(hash) ? await this.byHash(hash) : {}
    lap('hash')
    if (stored.document) {
      const reason = `Cùng nội dung (cùng mã băm SHA-256) với bản gốc đính kèm của ${describeDocument(stored.document)}.`
      return { result: { ...result, outcome: 'duplicate', existing: stored.document, sameAs: 'bytes', reason } }
    }

    let reading: Reading
    try {
      reading = await (given.reading ?? readInThread(file, bytes))
    } catch (error) {
      if (error instanceof UnreadableOriginal) return { result: { ...result, reason: error.message } }
      throw error
    }
    const { original, header } = reading
    // Read in a worker, this is only the wait for it: the parsing itself overlapped earlier writes.
    lap('read')
    if (original.ocr) {
      // OCR ran inside the read: count it on its own, it is a different order of magnitude.
      this.timings.read -= original.ocr.ms
      this.timings.ocr += original.ocr.ms
    }
    result.textFrom = original.textFrom
    result.ocrPages = original.ocr?.pages
    const plan = await this.plan(file, original, header)
    result.missing = plan.missing
    result.notes = plan.notes

    let numberSeenKey: string | undefined
    if (plan.numberKey && plan.issuedAt) {
      numberSeenKey = `${plan.numberKey}|${plan.issuerId ?? fold(plan.printedIssuer ?? '')}|${plan.issuedAt}`
      const existing =
        this.seenNumbers.get(numberSeenKey)?.existing ?? (await this.byNumber(plan.numberKey, plan.issuedAt, plan.issuerId, header.issuerCandidates))
      lap('duplicates')
      if (existing) {
        const reason = `Đã có văn bản cùng số ${plan.data.number}, cùng cơ quan ban hành và cùng ngày ban hành: ${describeDocument(existing)}.`
        return { result: { ...result, outcome: 'duplicate', existing, sameAs: 'number', reason } }
      }
    }
    return { pending: { file, bytes, hash, original, plan, result, reuseFileId: stored.fileId, numberSeenKey } }
  }

  /**
   * Writes the file and its draft with `req`'s transaction (not committed here). From now on the
   * file counts as seen by this run, so a copy later in the same batch is a duplicate of it.
   */
  async writePending(p: PendingWrite, req: PayloadRequest): Promise<StoredWrite> {
    const started = performance.now()
    const written = await this.write(p, req)
    const existing: ExistingDocument = {
      id: written.id,
      number: p.plan.data.number as string | undefined,
      title: p.plan.data.title as string | undefined,
      issuedAt: p.plan.issuedAt,
    }
    this.seenHashes.set(p.hash, { file: p.file, existing })
    if (p.numberSeenKey) this.seenNumbers.set(p.numberSeenKey, { file: p.file, existing })
    this.timings.write += performance.now() - started
    return written
  }

  /** What the draft will hold, and what the editor must look at. */
  private async plan(file: string, original: OriginalText, header: HeaderReading) {
    const read: FromFileField[] = []
    const notes: string[] = []
    if (original.note) notes.push(original.note)
    notes.push(...header.notes)
    const data: Record<string, unknown> = {}

    if (header.type) {
      data.type = header.type
      read.push('type')
    }
    if (header.number) {
      data.number = header.number
      read.push('number')
    }
    if (header.title && header.title.length <= MAX_TITLE) {
      data.title = header.title
      read.push('title')
    } else if (header.title) {
      notes.push(`Trích yếu đọc được dài bất thường (${header.title.length} ký tự) nên không được dùng; hãy nhập theo bản gốc.`)
    }
    if (header.issuedAt) {
      data.issuedAt = header.issuedAt
      read.push('issuedAt')
    }
    if (header.signer) {
      data.signer = header.signer
      read.push('signer')
    }

    const issuer = await this.matchIssuer(header)
    let level: Level | undefined = header.level
    if (issuer.org) {
      data.issuer = issuer.org.id
      read.push('issuer')
      level ??= levelOfOrganizationKind(issuer.org.kind)
    } else if (issuer.ambiguous) {
      notes.push(
        `Cơ quan ban hành in trên văn bản «${issuer.printed}» trùng tên với ${issuer.ambiguous.length} tổ chức trong danh mục (${issuer.ambiguous.map((o) => o.name).join('; ')}): hãy chọn đúng tổ chức.`,
      )
    } else if (issuer.printed) {
      notes.push(
        `Cơ quan ban hành in trên văn bản «${issuer.printed}» chưa có trong danh mục Tổ chức đảng: hãy tạo hoặc chọn tổ chức đúng tên rồi chọn lại ở ô «Cơ quan ban hành».`,
      )
    }
    if (level) {
      data.level = level
      read.push('level')
    } else if (header.number) {
      notes.push(`Không xác định được cấp ban hành từ ký hiệu cơ quan trong số ${header.number}: hãy chọn cấp ban hành.`)
    }

    if (header.secrecy) {
      data.secrecy = header.secrecy
      read.push('secrecy')
      if (header.secrecy !== 'none')
        notes.push(`Văn bản có dấu «${labelOf(SECRECY, header.secrecy).toUpperCase()}»: chỉ được giữ ở dạng bản nháp, không bao giờ xuất bản lên mạng.`)
    } else {
      notes.push(
        'Chưa đọc được phần đầu văn bản nên không biết văn bản có dấu chỉ mức độ mật hay không: hãy xem bản gốc và chọn «Độ mật» trước khi làm gì khác.',
      )
    }
    // Secret or internal documents are for members only, never for the public.
    if ((header.secrecy && header.secrecy !== 'none') || header.internal) {
      data.audience = 'members'
      read.push('audience')
    }

    const missing = HEADER_FIELDS.filter((f) => !read.includes(f))
    const info: string[] = []
    if (header.place) info.push(`Địa danh ghi trên văn bản: ${header.place}.`)
    if (header.onBehalf) info.push(`Ký thay mặt: ${header.onBehalf}.`)
    const parsed = header.number ? parseDocumentNumber(header.number) : null
    return {
      data,
      read,
      missing,
      notes,
      info,
      issuerId: issuer.org?.id,
      printedIssuer: issuer.printed ?? (header.issuerLines.length ? header.issuerLines.join(' ') : undefined),
      numberKey: parsed ? documentNumberKey(parsed) : undefined,
      issuedAt: header.issuedAt,
      file,
    }
  }

  /** The file (unless the same bytes are stored already) and its draft, in `req`'s transaction. */
  private async write(p: PendingWrite, req: PayloadRequest): Promise<StoredWrite> {
    const { file, bytes, original } = p
    const user = this.options.user ?? null
    const access = { overrideAccess: !user, user: user ?? undefined }
    const given = { text: original.text, extraction: original.textFrom === 'ocr' ? 'ocr' : original.text ? 'ok' : 'empty', note: original.note ?? '' } as const
    let fileId = p.reuseFileId
    let storedFile: string | undefined
    if (!fileId) {
      const created = await this.payload.create({
        collection: 'files',
        data: { title: path.basename(file), sourceName: file },
        // Stored under a name made unique by the content hash (128 bits of it): folders are full of
        // "1.pdf" and "scan001.pdf". The same name then means the same bytes, so Payload need not look
        // for a free name (a query per file); bytes left on disk by a killed run are simply rewritten.
        file: { data: bytes, mimetype: original.mimeType, name: `${p.hash.slice(0, 32)}-${path.basename(file)}`, size: bytes.length },
        overwriteExistingFiles: true,
        context: withGivenText(req.context, given),
        depth: 0,
        req,
        ...access,
      })
      fileId = String(created.id)
      storedFile = created.filename ?? undefined
    }
    try {
      return { id: await this.createDraft(p, fileId, req), storedFile }
    } catch (error) {
      // The transaction is gone with the failed create, and with it the file's row: its bytes go too.
      if (storedFile) await fs.rm(path.join(env().dataDir, 'files', storedFile), { force: true })
      throw error
    }
  }

  private async createDraft(p: PendingWrite, fileId: string, req: PayloadRequest): Promise<string> {
    const { file, original, plan } = p
    const user = this.options.user ?? null
    const doc = await this.payload.create({
      collection: 'documents',
      draft: true,
      data: {
        ...plan.data,
        attachments: [fileId],
        fromFile: {
          source: file,
          textFrom: original.textFrom,
          read: plan.read,
          missing: [...plan.missing, 'summary'],
          printedIssuer: plan.printedIssuer,
          notes: [...plan.notes, ...plan.info].join('\n'),
          confirmed: false,
        },
        _status: 'draft',
      } as never,
      depth: 0,
      req,
      overrideAccess: !user,
      user: user ?? undefined,
    })
    return String(doc.id)
  }
}

/** A file read and checked, waiting to be written. */
export interface PendingWrite {
  file: string
  bytes: Buffer
  hash: string
  original: OriginalText
  plan: Plan
  result: FileResult
  reuseFileId?: string
  numberSeenKey?: string
}

export interface StoredWrite {
  id: string
  /** The name the bytes were stored under (DATA_DIR/files/), to remove them if the write is undone. */
  storedFile?: string
}

type Plan = Awaited<ReturnType<OriginalImporter['plan']>>

/** Display form of an outcome, for reports. */
export const OUTCOME_LABELS: Record<Outcome, string> = {
  created: 'Đã tạo bản nháp',
  'needs-review': 'Đã tạo bản nháp, cần bổ sung',
  duplicate: 'Bỏ qua vì trùng',
  failed: 'Không nhập được',
}

/** The admin's own labels of the document fields the report names ("Người ký", "Trích yếu"…). */
export function fieldLabels(payload: Payload): Record<string, string> {
  const labels: Record<string, string> = {}
  const group = payload.collections.documents.config.flattenedFields.find((f) => f.name === 'fromFile')
  const read = group && 'flattenedFields' in group ? group.flattenedFields.find((f) => f.name === 'read') : undefined
  if (read && read.type === 'select') for (const o of read.options) if (typeof o === 'object') labels[o.value] = String(o.label)
  return labels
}
