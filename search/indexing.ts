/**
 * What both engines derive from a SearchItem before indexing it, so that the embedded engine and
 * Meilisearch search the same text: the number in every form a member may type, a catalogue line
 * (type, issuer, subjects, year) and the cleaned original text. Folding itself stays in
 * core/vietnamese.ts; this module only decides which text goes where.
 */
import type { SearchItem, SearchKind, ValidityStatus } from './contract'
import { documentTypeInfo, isDocumentTypeSlug } from '../core/vocabulary'
import { MARK_CLOSE, MARK_OPEN } from './snippet'

export const KIND_LABELS: Record<SearchKind, string> = {
  document: 'Văn bản',
  news: 'Tin tức',
  topic: 'Chuyên đề',
  announcement: 'Thông báo',
}

/**
 * Tie-breaker when two results are otherwise equal: in force first, then superseded (a newer text
 * replaces it), then expired. News and topics have no validity and rank with documents in force.
 */
export function statusRank(status: ValidityStatus | null): number {
  return status === 'superseded' ? 1 : status === 'expired' ? 2 : 0
}

const MARKERS = new RegExp(`[${MARK_OPEN}${MARK_CLOSE}]`, 'g')

/**
 * NFC, without the private-use characters the engines use as highlight markers (so stored text can
 * never forge a <mark>). Old and new tone placement are left as written: folding makes them equal.
 */
export function cleanText(text: string | null | undefined): string {
  if (!text) return ''
  return text.normalize('NFC').replace(MARKERS, '')
}

/** Searchable parts of an item, original (unfolded) text, in ranking order. */
export interface IndexTexts {
  /** The number as printed plus its keys, joined and split ("27-QĐ/TW 27-qd/tw 27qdtw 27qd"). */
  number: string
  title: string
  /** Catalogue line: kind, document type with its codes, issuer, subjects and year. */
  meta: string
  summary: string
  body: string
  attachment: string
}

/** The number in every form the engines match on: printed, canonical key, compact keys. */
export function numberText(item: Pick<SearchItem, 'number' | 'numberKey' | 'numberShortKey' | 'numberCompactKey'>): string {
  if (!item.number) return ''
  const parts = [cleanText(item.number)]
  if (item.numberKey) parts.push(item.numberKey)
  parts.push(...numberCompactKeys(item))
  return parts.join(' ')
}

/** "27qdtw" and "27qd": what "27 qd tw" / "27qd" look like with the separators dropped. */
export function numberCompactKeys(item: Pick<SearchItem, 'numberShortKey' | 'numberCompactKey'>): string[] {
  const keys: string[] = []
  if (item.numberCompactKey) keys.push(item.numberCompactKey)
  if (item.numberShortKey) {
    const short = item.numberShortKey.replace(/[^a-z0-9]/g, '')
    if (short && !keys.includes(short)) keys.push(short)
  }
  return keys
}

/**
 * The catalogue line. Titles of documents are the trích yếu only ("Về công tác dân số…"), so
 * "nghị quyết dân số" needs the type label somewhere searchable; the printed codes (NQ, QĐ, QĐi)
 * let "nq dân số" match too without engine synonyms. The year lets "chỉ thị tỉnh ủy 2023" match.
 */
export function metaText(item: Pick<SearchItem, 'kind' | 'type' | 'issuerName' | 'fieldNames' | 'year'>): string {
  const parts: string[] = [KIND_LABELS[item.kind] ?? '']
  if (item.type && isDocumentTypeSlug(item.type)) {
    const info = documentTypeInfo(item.type)
    parts.push(info.label, ...info.printed)
  }
  if (item.issuerName) parts.push(cleanText(item.issuerName))
  for (const name of item.fieldNames ?? []) parts.push(cleanText(name))
  if (item.year) parts.push(String(item.year))
  return parts.filter(Boolean).join(' · ')
}

export function indexTexts(item: SearchItem): IndexTexts {
  return {
    number: numberText(item),
    title: cleanText(item.title),
    meta: metaText(item),
    summary: cleanText(item.summary),
    body: cleanText(item.body),
    attachment: cleanText(item.attachmentText),
  }
}

/** Issue date as a sortable integer (2024-06-14 → 20240614); 0 when malformed. */
export function dayNumber(issuedAt: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(issuedAt)
  return m ? Number(m[1]) * 10000 + Number(m[2]) * 100 + Number(m[3]) : 0
}
