/**
 * An item's text as the FTS tables hold it: folded by core/vietnamese.ts (the tokenizer only
 * splits it), per FTS column, per posting scope and as the set of words the vocabulary counts.
 *
 * Writes (writes.ts) and the patching of in-memory posting sets (memory.ts) must derive exactly
 * the same words from an item, or the copy in memory would drift from FTS5; both go through these
 * functions, and both refold a stored row (storedAsItem) rather than keeping folded text on disk.
 */
import type { SearchItem, SearchKind } from '../../contract'
import { indexTexts, type IndexTexts } from '../../indexing'
import { foldWords } from '../../../core/vietnamese'
import type { Scope } from './postings'

/** The same parts as IndexTexts, folded (accents and đ removed, lower case, one space between words). */
export type FoldedTexts = IndexTexts

const foldJoin = (text: string) => foldWords(text).join(' ')

export function foldTexts(texts: IndexTexts): FoldedTexts {
  return {
    number: foldJoin(texts.number),
    title: foldJoin(texts.title),
    meta: foldJoin(texts.meta),
    summary: foldJoin(texts.summary),
    body: foldJoin(texts.body),
    attachment: foldJoin(texts.attachment),
  }
}

/** Every word of an item once: what its vocab_g counts add or take away. */
export function tokenSet(f: FoldedTexts): Set<string> {
  const set = new Set<string>()
  for (const text of [f.number, f.title, f.meta, f.summary, f.body, f.attachment]) {
    if (!text) continue
    for (const token of text.split(' ')) set.add(token)
  }
  return set
}

const textTokens = (folded: string): string[] => (folded ? folded.split(' ') : [])

/** The words of an item per posting scope, from its folded texts (as written to the FTS tables). */
export function scopeTokens(f: FoldedTexts): Record<Scope, Set<string>> {
  const title = new Set([...textTokens(f.number), ...textTokens(f.title)])
  const catalogue = new Set([...title, ...textTokens(f.meta)])
  const head = new Set([...catalogue, ...textTokens(f.summary)])
  const full = new Set([...head, ...textTokens(f.body), ...textTokens(f.attachment)])
  return { full, title, catalogue, head }
}

/** The stored columns an item's index texts are derived from (items_g joined with texts_g). */
export interface StoredRow {
  rid: number
  kind: SearchKind
  number: string | null
  number_key: string | null
  number_short_key: string | null
  number_compact_key: string | null
  title: string
  type: string | null
  issuer_name: string | null
  field_names: string
  year: number
  summary: string
  body: string
  attachment_text: string
}

/** A stored row back as an item, complete enough for indexTexts(): the words it was indexed with. */
function storedAsItem(row: StoredRow): SearchItem {
  return {
    id: '',
    kind: row.kind,
    slug: '',
    url: '',
    title: row.title,
    number: row.number,
    numberKey: row.number_key,
    numberShortKey: row.number_short_key,
    numberCompactKey: row.number_compact_key,
    type: row.type,
    issuer: null,
    issuerName: row.issuer_name,
    level: null,
    issuedAt: '',
    year: row.year,
    fields: [],
    fieldNames: JSON.parse(row.field_names) as string[],
    status: null,
    summary: row.summary,
    body: row.body,
    attachmentText: row.attachment_text,
    updatedAt: '',
    scope: 'public', // not part of the text
  }
}

/** The words an item was indexed with, from its stored row. */
export const storedTexts = (row: StoredRow): FoldedTexts => foldTexts(indexTexts(storedAsItem(row)))
