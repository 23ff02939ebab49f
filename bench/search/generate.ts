/**
 * Deterministic synthetic SearchItems for the search benchmark.
 *
 * `tsx bench/search/generate.ts --size 100000 [--seed N]` writes
 * bench/out/search/items-<size>-s<seed>-v<version>.jsonl (one SearchItem a line) unless it is
 * already there; the benchmark streams it in batches, so the process that indexes never holds
 * the whole corpus. Same size and seed, same file, byte for byte.
 *
 * The skeleton comes from the publish-to-live corpus (bench/publish-to-live/corpus.ts, buildCorpus): three
 * documents for every news item, real-looking numbering (numbers restart each term, so
 * "21-NQ/TW" exists several times), issuers, dates from 2000, validity, titles and 2–4 paragraph
 * summaries. This module turns it into search items the way search/sync/items.ts does and adds the
 * long tail real documents have (phrases.ts): a topical sentence in every summary, specific terms
 * or places in some titles, a body of a few hundred words for ~35% of documents, an attachment
 * (phụ lục) for ~10%, and named people and places in news. Monthly topics come from the corpus too
 * (24 of them); with news that makes ~25% non-documents.
 */
import fs from 'node:fs'
import path from 'node:path'
import readline from 'node:readline'
import { fileURLToPath } from 'node:url'
import { noDocumentFields, searchNumberKeys, type SearchItem } from '../../search/contract'
import { foldWords, slugify } from '../../core/vietnamese'
import {
  buildCorpus,
  CORPUS_VERSION,
  DEFAULT_SEED,
  ORGANIZATIONS,
  prng,
  typeLabel,
  type DocumentSpec,
  type NewsSpec,
  type Rng,
  type TopicSpec,
} from '../publish-to-live/corpus'
import { buildQueries, QUERY_VERSION } from './queries'
import {
  ABBREVIATIONS,
  ATTACHMENT_ROWS,
  BODY_SENTENCES,
  DEPARTMENTS,
  GIVEN_NAMES,
  GRADES,
  HAMLET_PREFIXES,
  MIDDLE_NAMES,
  MORE_GIVEN_NAMES,
  NAME_SYLLABLES,
  PERIODS,
  PLACES,
  PROJECTS,
  ROLES,
  SECTION_HEADINGS,
  SUBJECT_TERMS,
  SURNAMES,
  type SubjectName,
} from './phrases'

/** Bumped whenever the items for a given size and seed change (cache key, with CORPUS_VERSION). */
export const GENERATOR_VERSION = 2
export { DEFAULT_SEED }

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const OUT = path.join(ROOT, 'bench/out/search')

export function itemsFile(size: number, seed = DEFAULT_SEED): string {
  return path.join(OUT, `items-${size}-s${seed}-v${GENERATOR_VERSION}.${CORPUS_VERSION}.jsonl`)
}

export function queriesFile(size: number, seed = DEFAULT_SEED): string {
  return path.join(OUT, `queries-${size}-s${seed}-v${GENERATOR_VERSION}.${CORPUS_VERSION}.${QUERY_VERSION}.json`)
}

// ---------------------------------------------------------------------------------------------
// Picking with a long tail
// ---------------------------------------------------------------------------------------------

/** Zipf picker: rank k (1-based) has weight 1/k^s. */
function zipf<T>(list: readonly T[], s = 1): (r: Rng) => T {
  const cum = new Float64Array(list.length)
  let total = 0
  list.forEach((_, i) => {
    total += 1 / (i + 1) ** s
    cum[i] = total
  })
  return (r) => {
    const x = r.next() * total
    let lo = 0
    let hi = list.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (cum[mid]! < x) lo = mid + 1
      else hi = mid
    }
    return list[lo]!
  }
}

const SUBJECT_NAMES = Object.keys(SUBJECT_TERMS) as SubjectName[]
const termPickers = Object.fromEntries(SUBJECT_NAMES.map((s) => [s, zipf(SUBJECT_TERMS[s])])) as Record<SubjectName, (r: Rng) => string>
const pickCommune = zipf(PLACES, 0.8)
const pickSyllable = zipf(NAME_SYLLABLES, 0.6)
const pickProject = zipf(PROJECTS, 0.8)
const pickGiven = zipf([...GIVEN_NAMES, ...MORE_GIVEN_NAMES], 0.7)

/** A commune or ward of the list, or (30%) a hamlet named by two syllables: thousands of names. */
const pickPlace = (r: Rng) => (r.chance(0.7) ? pickCommune(r) : hamlet(r))
const hamlet = (r: Rng) => `${r.pick(HAMLET_PREFIXES)} ${pickSyllable(r)} ${pickSyllable(r)}`

/** A term of one of the item's subjects most of the time, of any subject otherwise. */
function term(r: Rng, subjects: readonly string[]): string {
  const own = subjects.filter((s): s is SubjectName => s in SUBJECT_TERMS)
  const subject = own.length && r.chance(0.8) ? r.pick(own) : r.pick(SUBJECT_NAMES)
  return termPickers[subject](r)
}

const person = (r: Rng) => `${r.pick(SURNAMES)} ${r.pick(MIDDLE_NAMES)} ${pickGiven(r)}`
const _upperFirst = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1)
const vnDay = (day: string) => day.split('-').reverse().join('/')

function fillSlots(r: Rng, template: string, ctx: { subjects: readonly string[]; year: number; org: string }): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    switch (key) {
      case 'term':
      case 'term2':
        return term(r, ctx.subjects)
      case 'place':
      case 'place2':
        return pickPlace(r)
      case 'hamlet':
        return hamlet(r)
      case 'abbr':
        return r.pick(ABBREVIATIONS)
      case 'person':
        return person(r)
      case 'role':
        return r.pick(ROLES)
      case 'n':
        return String(r.int(2, 60))
      case 'n2':
        return String(r.int(10, 900))
      case 'i':
        return '' // filled by the caller
      case 'pct':
        return String(r.int(60, 100))
      case 'money':
        return String(r.int(5, 2500) * 10)
      case 'date':
        return `${String(r.int(1, 28)).padStart(2, '0')}/${String(r.int(1, 12)).padStart(2, '0')}/${ctx.year}`
      case 'year':
        return String(ctx.year + r.int(0, 5))
      case 'project':
        return pickProject(r)
      case 'dept':
        return r.pick(DEPARTMENTS)
      case 'org':
        return ctx.org
      case 'period':
        return r.pick(PERIODS)
      case 'grade':
        return r.pick(GRADES)
      default:
        return key
    }
  })
}

const wordCount = (s: string) => s.split(/\s+/).length

/**
 * Typing and OCR slips, as text pasted from Word or extracted from scanned PDFs has them: a letter
 * dropped, doubled or swapped, a mark lost, two words glued. `rate` is per word. They give the
 * index the long tail of one-off words real attachments bring (and typo candidates to sift).
 */
function slips(r: Rng, text: string, rate: number): string {
  const words = text.split(' ')
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!
    if (w.length < 3 || !r.chance(rate)) continue
    const k = r.int(1, w.length - 2)
    switch (r.int(0, 4)) {
      case 0:
        words[i] = w.slice(0, k) + w.slice(k + 1)
        break
      case 1:
        words[i] = w.slice(0, k) + w[k] + w.slice(k)
        break
      case 2:
        words[i] = w.slice(0, k) + w[k + 1] + w[k] + w.slice(k + 2)
        break
      case 3:
        words[i] = w
          .normalize('NFD')
          .replace(/[\u0300-\u036f]/, '')
          .normalize('NFC')
        break
      default:
        if (i + 1 < words.length) {
          words[i] = w + words[i + 1]
          words[i + 1] = ''
        }
    }
  }
  return words.filter(Boolean).join(' ')
}

function documentBody(r: Rng, doc: DocumentSpec, orgName: string, year: number): string {
  const ctx = { subjects: doc.subjects, year, org: orgName }
  const target = r.int(200, 600)
  const headings = r.pick(SECTION_HEADINGS)
  const lines: string[] = [`${typeLabel(doc.type).toLocaleUpperCase('vi')}`, doc.title]
  let words = wordCount(lines.join(' '))
  for (let h = 0; h < headings.length; h++) {
    lines.push(headings[h]!)
    const share = Math.ceil((target - words) / (headings.length - h))
    let written = 0
    for (let k = 1; written < share || k <= 2; k++) {
      const sentence = fillSlots(r, r.pick(BODY_SENTENCES), ctx)
      const line = r.chance(0.6) ? `${k}. ${sentence}` : `- ${sentence}`
      lines.push(line)
      written += wordCount(line)
    }
    words += written
  }
  lines.push(`Nơi nhận: ${r.pick(DEPARTMENTS)}; ${r.pick(DEPARTMENTS)}; lưu Văn phòng.`)
  lines.push(`T/M ${orgName.toLocaleUpperCase('vi')}`, person(r))
  return slips(r, lines.join('\n'), 0.002)
}

function attachment(r: Rng, doc: DocumentSpec, orgName: string, year: number): string {
  const ctx = { subjects: doc.subjects, year, org: orgName }
  const rows = r.int(15, 50)
  const lines = [
    `PHỤ LỤC`,
    `(Kèm theo ${typeLabel(doc.type)} số ${doc.number} ngày ${vnDay(doc.issuedAt)})`,
    `Danh sách và kết quả thực hiện ${term(r, doc.subjects)}`,
  ]
  for (let i = 1; i <= rows; i++) lines.push(fillSlots(r, r.pick(ATTACHMENT_ROWS), ctx).replace(/^\./, `${i}.`))
  return slips(r, lines.join('\n'), 0.01)
}

// ---------------------------------------------------------------------------------------------
// Items
// ---------------------------------------------------------------------------------------------

const ORG_BY_KEY = new Map(ORGANIZATIONS.map((o) => [o.key, o]))

function documentItem(r: Rng, d: DocumentSpec): SearchItem {
  const org = ORG_BY_KEY.get(d.issuer)!
  const year = Number(d.issuedAt.slice(0, 4))
  let title = d.title
  // Specific titles ("… gắn với cây quế", "… tại xã Y Tý") for a third of the plain ones.
  if (!title.includes('“') && !title.startsWith('Sửa đổi') && r.chance(0.33)) {
    title += r.chance(0.6) ? ` ${r.pick(['gắn với', 'đối với', 'trong lĩnh vực', 'về'])} ${term(r, d.subjects)}` : ` tại ${pickPlace(r)}`
  }
  const paragraphs = d.summary.split('\n\n')
  const focus = `Trọng tâm là ${term(r, d.subjects)} và ${term(r, d.subjects)}${r.chance(0.5) ? `, trước hết tại ${pickPlace(r)}` : ''}.`
  paragraphs[Math.min(1, paragraphs.length - 1)] += ` ${focus}`
  if (title !== d.title)
    paragraphs[0] = paragraphs[0]!.replace(
      d.title.charAt(0).toLocaleLowerCase('vi') + d.title.slice(1),
      title.charAt(0).toLocaleLowerCase('vi') + title.slice(1),
    )
  const withBody = r.chance(0.35)
  const withAttachment = r.chance(0.1)
  return {
    id: `document:d${d.index}`,
    kind: 'document',
    slug: d.slug,
    url: `/van-ban/${d.slug}/`,
    title,
    number: d.number,
    ...searchNumberKeys(d.number),
    type: d.type,
    issuer: slugify(org.name),
    issuerName: org.name,
    level: d.level,
    issuedAt: d.issuedAt,
    year,
    fields: d.subjects.map((s) => slugify(s)),
    fieldNames: [...d.subjects],
    status: d.status,
    summary: paragraphs.join('\n\n'),
    body: withBody ? documentBody(r, { ...d, title }, org.name, year) : '',
    attachmentText: withAttachment ? attachment(r, d, org.name, year) : '',
    updatedAt: `${d.issuedAt}T08:00:00.000Z`,
    scope: 'public',
  }
}

function newsItem(r: Rng, n: NewsSpec): SearchItem {
  const year = Number(n.publishedAt.slice(0, 4))
  const subjects = [r.pick(SUBJECT_NAMES)]
  const extra = [
    `Tại ${pickPlace(r)}, đồng chí ${person(r)}, ${r.pick(ROLES)}, cho biết thời gian qua địa phương đã chú trọng ${term(r, subjects)} và ${term(r, subjects)}.`,
    r.chance(0.5)
      ? `Dịp này, ${pickProject(r)} cũng được giới thiệu với ${r.int(50, 400)} đại biểu tham dự.`
      : `Kinh phí thực hiện khoảng ${r.int(5, 900) * 10} triệu đồng, chủ yếu do Nhân dân đóng góp.`,
  ].join(' ')
  const body = n.body.split('\n\n')
  body.splice(Math.min(2, body.length), 0, extra)
  return {
    ...noDocumentFields(),
    id: `news:n${n.index}`,
    kind: 'news',
    slug: n.slug,
    url: `/tin-tuc/${n.slug}/`,
    title: n.title,
    issuedAt: n.publishedAt,
    year,
    summary: n.lead,
    body: body.join('\n\n'),
    updatedAt: `${n.publishedAt}T08:00:00.000Z`,
    scope: 'public',
  }
}

function topicItem(t: TopicSpec, i: number): SearchItem {
  const slug = `${t.month}-${slugify(t.title, 60)}`
  return {
    ...noDocumentFields(),
    id: `topic:t${i}`,
    kind: 'topic',
    slug,
    url: `/chuyen-de/${slug}/`,
    title: t.title,
    issuedAt: `${t.month}-01`,
    year: Number(t.month.slice(0, 4)),
    summary: t.theme,
    body: [t.body, t.questions.map((q) => q.question).join('\n')].filter(Boolean).join('\n\n'),
    updatedAt: `${t.month}-01T08:00:00.000Z`,
    scope: 'public',
  }
}

/** Exactly `size` items (size ≥ 100): size − 24 documents and news, then the 24 monthly topics. */
export function generateItems(size: number, seed = DEFAULT_SEED): SearchItem[] {
  if (!Number.isInteger(size) || size < 100) throw new Error(`size must be an integer ≥ 100, got ${size}`)
  const corpus = buildCorpus(size - 24, seed)
  const r = prng((seed ^ 0x5ea4c4) >>> 0)
  const items: SearchItem[] = corpus.items.map((spec) => (spec.kind === 'document' ? documentItem(r, spec) : newsItem(r, spec)))
  corpus.topics.forEach((t, i) => items.push(topicItem(t, i)))
  return items.map((item) => normalize(item))
}

function normalize(item: SearchItem): SearchItem {
  for (const key of ['title', 'summary', 'body', 'attachmentText', 'issuerName'] as const) {
    const v = item[key]
    if (typeof v === 'string') (item as unknown as Record<string, string>)[key] = v.normalize('NFC')
  }
  item.fieldNames = item.fieldNames.map((f) => f.normalize('NFC'))
  return item
}

/** Writes the items file for `size` unless it exists; returns its path. */
export function ensureItemsFile(size: number, seed = DEFAULT_SEED): { file: string; generatedMs: number | null; items?: SearchItem[] } {
  const file = itemsFile(size, seed)
  if (fs.existsSync(file)) return { file, generatedMs: null }
  const started = performance.now()
  fs.mkdirSync(path.dirname(file), { recursive: true })
  const items = generateItems(size, seed)
  const tmp = `${file}.${process.pid}.tmp`
  const fd = fs.openSync(tmp, 'w')
  let chunk: string[] = []
  for (const item of items) {
    chunk.push(JSON.stringify(item))
    if (chunk.length === 2000) {
      fs.writeSync(fd, `${chunk.join('\n')}\n`)
      chunk = []
    }
  }
  if (chunk.length) fs.writeSync(fd, `${chunk.join('\n')}\n`)
  fs.closeSync(fd)
  fs.renameSync(tmp, file)
  return { file, generatedMs: performance.now() - started, items }
}

/** Streams an items file in batches (the index is fed this way, as the CMS sync feeds it). */
export async function* readBatches(file: string, batchSize = 500): AsyncGenerator<SearchItem[]> {
  const lines = readline.createInterface({ input: fs.createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 }), crlfDelay: Infinity })
  let batch: SearchItem[] = []
  for await (const line of lines) {
    if (!line) continue
    batch.push(JSON.parse(line) as SearchItem)
    if (batch.length === batchSize) {
      yield batch
      batch = []
    }
  }
  if (batch.length) yield batch
}

export async function readAll(file: string): Promise<SearchItem[]> {
  const out: SearchItem[] = []
  for await (const batch of readBatches(file, 5000)) out.push(...batch)
  return out
}

// ---------------------------------------------------------------------------------------------
// Corpus statistics: do word frequencies look like real documents?
// ---------------------------------------------------------------------------------------------

export interface CorpusStats {
  items: number
  kinds: Record<string, number>
  withBody: number
  withAttachment: number
  avgChars: number
  avgWords: number
  /** Distinct folded words (tokens as the index sees them), and how many are alphabetic. */
  vocabulary: number
  alphabeticVocabulary: number
  /** Document frequency (share of items containing the word) of some words and of ranks. */
  df: Record<string, number>
  dfByRank: Record<string, number>
  /** Words found in ≥ 10% / ≥ 1% of the items, and in fewer than 10 items. */
  wordsOver10pct: number
  wordsOver1pct: number
  wordsUnder10Items: number
}

export const PROBE_WORDS = ['dang', 'can', 'bo', 'nghi', 'quyet', 'chi', 'vien', 'nhan', 'dan', 'tinh', 'que', 'shan', 'lao', 'ocop', 'vneid', 'sang']

export function corpusStats(items: SearchItem[]): CorpusStats {
  const df = new Map<string, number>()
  let chars = 0
  let words = 0
  const kinds: Record<string, number> = {}
  for (const it of items) {
    kinds[it.kind] = (kinds[it.kind] ?? 0) + 1
    const text = [it.number ?? '', it.title, it.issuerName ?? '', it.fieldNames.join(' '), it.summary, it.body, it.attachmentText].join(' ')
    chars += text.length
    const tokens = foldWords(text)
    words += tokens.length
    for (const w of new Set(tokens)) df.set(w, (df.get(w) ?? 0) + 1)
  }
  const n = items.length
  const sorted = [...df.values()].sort((a, b) => b - a)
  const share = (c: number) => Math.round((c / n) * 10000) / 100
  const dfByRank: Record<string, number> = {}
  for (const rank of [1, 10, 50, 100, 500, 1000, 2000, 5000]) if (rank <= sorted.length) dfByRank[rank] = share(sorted[rank - 1]!)
  return {
    items: n,
    kinds,
    withBody: items.filter((i) => i.body).length,
    withAttachment: items.filter((i) => i.attachmentText).length,
    avgChars: Math.round(chars / n),
    avgWords: Math.round(words / n),
    vocabulary: df.size,
    alphabeticVocabulary: [...df.keys()].filter((w) => /^[a-z]+$/.test(w)).length,
    df: Object.fromEntries(PROBE_WORDS.map((w) => [w, share(df.get(w) ?? 0)])),
    dfByRank,
    wordsOver10pct: sorted.filter((c) => c >= n / 10).length,
    wordsOver1pct: sorted.filter((c) => c >= n / 100).length,
    wordsUnder10Items: sorted.filter((c) => c < 10).length,
  }
}

// ---------------------------------------------------------------------------------------------
// CLI
// ---------------------------------------------------------------------------------------------

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name: string, fallback: string) => {
    const i = process.argv.indexOf(`--${name}`)
    return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback
  }
  const size = Number(arg('size', '10000'))
  const seed = Number(arg('seed', String(DEFAULT_SEED)))
  const generated = ensureItemsFile(size, seed)
  const { file, generatedMs } = generated
  const qFile = queriesFile(size, seed)
  const stats = process.argv.includes('--stats')
  let items = generated.items
  if (!fs.existsSync(qFile) || stats) items ??= await readAll(file)
  if (!fs.existsSync(qFile)) {
    const tmp = `${qFile}.${process.pid}.tmp`
    fs.writeFileSync(tmp, JSON.stringify(buildQueries(items!, seed), null, 1))
    fs.renameSync(tmp, qFile)
  }
  const out: Record<string, unknown> = { file, queries: qFile, generatedMs, bytes: fs.statSync(file).size }
  if (stats) out.stats = corpusStats(items!)
  console.log(JSON.stringify(out))
}
