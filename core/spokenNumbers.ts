/**
 * Spoken numbers: Vietnamese number words, as a speech recogniser (or a member typing what they
 * would say) writes them, turned into digits inside a search query, so "nghị quyết hai mươi mốt"
 * means what "nghị quyết 21" means. Runs on the query before document-number detection
 * (core/documentNumbers.ts findDocumentNumber), which only understands digits. Node built-ins only.
 *
 * The rule, designed to leave ordinary words alone (most number words are also everyday words:
 * "năm" is five and year, "sau" after, "ba" father, "tư" private, "không" not):
 *
 * 1. Only a well-formed number phrase is converted: "hai mươi mốt", "một trăm bốn mươi bốn",
 *    "hai nghìn không trăm hai mươi tư", "mười lăm", "năm". Variants: mốt/một and tư/bốn and
 *    lăm/năm after the tens, linh/lẻ for a zero tens digit, mười/mươi as the tens word, nghìn/ngàn,
 *    bảy/bẩy, "không trăm" inside thousands, and the spoken year form "hai nghìn hai mươi tư".
 *    Phrases whose meaning is not settled are left as they are: "một trăm hai" (120 colloquially,
 *    102 sloppily), the short forms "một trăm mốt" (110) and "hai nghìn mốt", "trăm năm" (a
 *    hundred years), digit by digit ("một bốn bốn"). "mười năm" after a type word is read as 15
 *    (recognisers and accent-free typing write năm for lăm), and so is "hai mươi năm" as the whole
 *    query; inside other words without a trigger ("hai mươi năm đổi mới") it stays.
 * 2. …and only in one of these places:
 *    - right after a document-type word, optionally followed by "số": "chỉ thị năm" → "chỉ thị 5";
 *    - right after "số" (number): "số hai mươi mốt" → "số 21";
 *    - right after "năm" (year) when the value is a year (1930–2099):
 *      "năm hai nghìn không trăm hai mươi tư" → "năm 2024";
 *    - the whole query is one phrase of two or more words: "hai mươi mốt" → "21" (a lone "năm",
 *      "một" or "ba" is a word).
 * 3. A phrase directly followed by another number (digits or a number word) is ambiguous
 *    ("chỉ thị năm hai mươi mốt", "kế hoạch năm năm") and left alone, except for "năm" (year):
 *    "năm" followed by digits or by a year phrase is the word year, never the digit 5, so
 *    "nghị quyết năm 2024" stays and "nghị quyết hai mươi mốt năm hai nghìn mười bảy" becomes
 *    "nghị quyết 21 năm 2017".
 * 4. A query with any Vietnamese diacritic is matched on the exact spellings (so "sau", "tu",
 *    "nam" in an accented query are the words sau, tu, nam); a query typed entirely without
 *    accents is matched on folded spellings ("nghi quyet hai muoi mot" → "nghi quyet 21").
 *    Type words are always matched folded.
 * Numbers go up to 999 999 (nghìn); document sequence numbers have at most five digits.
 */
import { fold } from './vietnamese'
import { DOCUMENT_TYPES } from './vocabulary'

type Word =
  | { kind: 'digit'; value: number } // một … chín: a digit anywhere
  | { kind: 'unit'; value: number } // mốt, tư, lăm: only as the units digit after tens or linh/lẻ
  | { kind: 'zero' } // không: only in "không trăm"
  | { kind: 'ten' } // mười: 10 on its own, or the tens word after a digit
  | { kind: 'tens' } // mươi: the tens word after a digit
  | { kind: 'hundred' }
  | { kind: 'thousand' }
  | { kind: 'odd' } // linh, lẻ: zero tens ("một trăm linh năm" = 105)

const digit = (value: number): Word => ({ kind: 'digit', value })
const unit = (value: number): Word => ({ kind: 'unit', value })

const ACCENTED_WORDS = new Map<string, Word>([
  ['một', digit(1)],
  ['hai', digit(2)],
  ['ba', digit(3)],
  ['bốn', digit(4)],
  ['năm', digit(5)],
  ['sáu', digit(6)],
  ['bảy', digit(7)],
  ['bẩy', digit(7)],
  ['tám', digit(8)],
  ['chín', digit(9)],
  ['mốt', unit(1)],
  ['tư', unit(4)],
  ['lăm', unit(5)],
  ['không', { kind: 'zero' }],
  ['mười', { kind: 'ten' }],
  ['mươi', { kind: 'tens' }],
  ['trăm', { kind: 'hundred' }],
  ['nghìn', { kind: 'thousand' }],
  ['ngàn', { kind: 'thousand' }],
  ['linh', { kind: 'odd' }],
  ['lẻ', { kind: 'odd' }],
])

// Folded spellings: "mot" is một and mốt, "muoi" is mười and mươi (so it acts as both).
const FOLDED_WORDS = new Map<string, Word>([
  ['mot', digit(1)],
  ['hai', digit(2)],
  ['ba', digit(3)],
  ['bon', digit(4)],
  ['nam', digit(5)],
  ['sau', digit(6)],
  ['bay', digit(7)],
  ['tam', digit(8)],
  ['chin', digit(9)],
  ['tu', unit(4)],
  ['lam', unit(5)],
  ['khong', { kind: 'zero' }],
  ['muoi', { kind: 'ten' }],
  ['tram', { kind: 'hundred' }],
  ['nghin', { kind: 'thousand' }],
  ['ngan', { kind: 'thousand' }],
  ['linh', { kind: 'odd' }],
  ['le', { kind: 'odd' }],
])

/** Document-type words as folded syllables ("nghi quyet"), longest first. */
const TYPE_WORDS: readonly string[][] = [...new Set(DOCUMENT_TYPES.map((t) => fold(t.label)))]
  .map((label) => label.split(' '))
  .sort((a, b) => b.length - a.length)

const MIN_YEAR = 1930
const MAX_YEAR = 2099
const isYear = (n: number) => n >= MIN_YEAR && n <= MAX_YEAR

const TOKEN = /[\p{L}\p{M}\p{N}]+/gu
const DIACRITIC = /[\u0300-\u036f]|[đĐ]/

interface Token {
  text: string
  start: number
  end: number
  folded: string
  word: Word | undefined
  digits: boolean
}

/** A parsed phrase: its value and the index of the first token after it. */
interface Phrase {
  value: number
  next: number
}

/** null: not a number here; 'unsure': number words whose meaning is not settled (left alone). */
type Parse = Phrase | null | 'unsure'

class Parser {
  private readonly yearWords = new Map<number, boolean>()

  constructor(
    private readonly tokens: Token[],
    private readonly gaps: string[],
  ) {}

  private word(i: number): Word | undefined {
    if (i >= this.tokens.length) return undefined
    return this.tokens[i]!.word
  }

  /** Whether token i is joined to token i-1 by whitespace only: a phrase never spans punctuation ("hai, ba"). */
  private joined(i: number): boolean {
    return i < this.tokens.length && /^\s+$/.test(this.gaps[i]!)
  }

  /** The word at i, when it continues the phrase that ends at i-1. */
  private next(i: number): Word | undefined {
    return this.joined(i) ? this.word(i) : undefined
  }

  /**
   * "năm" followed by digits or by a year phrase is the word year: "năm 2024",
   * "năm hai nghìn hai mươi tư".
   */
  isYearWord(i: number): boolean {
    // Asked again and again for the same token while phrases are tried; remembered so a query of
    // many number words stays linear.
    let known = this.yearWords.get(i)
    if (known === undefined) {
      known = this.yearWordAt(i)
      this.yearWords.set(i, known)
    }
    return known
  }

  private yearWordAt(i: number): boolean {
    const t = this.tokens[i]
    if (t?.folded !== 'nam' || t.word?.kind !== 'digit') return false
    if (!this.joined(i + 1)) return false
    if (this.tokens[i + 1]!.digits) return true
    const p = this.number(i + 1)
    return p !== null && p !== 'unsure' && isYear(p.value)
  }

  /** The units digit after tens or linh/lẻ: any digit or mốt/tư/lăm, but not "năm" meaning year. */
  private units(i: number): Phrase | null {
    const w = this.next(i)
    if (!w || (w.kind !== 'digit' && w.kind !== 'unit')) return null
    if (this.isYearWord(i)) return null
    return { value: w.value, next: i + 1 }
  }

  /** 1–99: "năm", "mười", "mười lăm", "hai mươi", "hai mươi mốt". */
  private below100(i: number, first: Word | undefined): Parse {
    if (!first) return null
    if (first.kind === 'ten') {
      const u = this.units(i + 1)
      return u ? { value: 10 + u.value, next: u.next } : { value: 10, next: i + 1 }
    }
    if (first.kind !== 'digit') return null
    const after = this.next(i + 1)
    if (first.value >= 2 && (after?.kind === 'tens' || after?.kind === 'ten')) {
      const u = this.units(i + 2)
      return u ? { value: first.value * 10 + u.value, next: u.next } : { value: first.value * 10, next: i + 2 }
    }
    if (this.isYearWord(i)) return null
    return { value: first.value, next: i + 1 }
  }

  /** What may follow "trăm": linh/lẻ + digit, tens, or nothing. A bare digit is unsure. */
  private afterHundred(i: number, hundreds: number): Parse {
    const w = this.next(i)
    if (!w) return { value: hundreds, next: i }
    if (w.kind === 'odd') {
      const u = this.units(i + 1)
      return u ? { value: hundreds + u.value, next: u.next } : 'unsure'
    }
    if (w.kind === 'ten' || (w.kind === 'digit' && w.value >= 2 && ['tens', 'ten'].includes(this.next(i + 1)?.kind ?? ''))) {
      const rest = this.below100(i, w)
      return rest === null || rest === 'unsure' ? rest : { value: hundreds + rest.value, next: rest.next }
    }
    // "một trăm hai" (120 or 102?), "trăm năm" (a hundred years): not a settled number.
    if (w.kind === 'digit' && this.isYearWord(i)) return { value: hundreds, next: i }
    if (w.kind === 'digit' || w.kind === 'unit') return 'unsure'
    return { value: hundreds, next: i }
  }

  /** 0–999; "không trăm" only inside thousands. */
  private below1000(i: number, first: Word | undefined, inThousands: boolean): Parse {
    if (!first) return null
    const after = this.next(i + 1)
    if (after?.kind === 'hundred' && (first.kind === 'digit' || (first.kind === 'zero' && inThousands))) {
      return this.afterHundred(i + 2, first.kind === 'digit' ? first.value * 100 : 0)
    }
    if (first.kind === 'zero') return null
    return this.below100(i, first)
  }

  /** A whole number phrase starting at token i (up to 999 999). */
  number(i: number): Parse {
    const head = this.below1000(i, this.word(i), false)
    if (head === null || head === 'unsure') return head
    if (this.next(head.next)?.kind !== 'thousand') return head
    const thousands = head.value * 1000
    const j = head.next + 1
    const w = this.next(j)
    if (!w) return { value: thousands, next: j }
    if (w.kind === 'odd') {
      const u = this.units(j + 1)
      return u ? { value: thousands + u.value, next: u.next } : 'unsure'
    }
    if (
      w.kind === 'zero' ||
      this.next(j + 1)?.kind === 'hundred' ||
      w.kind === 'ten' ||
      (w.kind === 'digit' && ['tens', 'ten'].includes(this.next(j + 1)?.kind ?? ''))
    ) {
      const rest = this.below1000(j, w, true)
      return rest === null || rest === 'unsure' ? rest : { value: thousands + rest.value, next: rest.next }
    }
    // "hai nghìn mốt", "hai nghìn hai": 2100, 2200 or 2001, 2002? Not settled.
    if (w.kind === 'digit' && this.isYearWord(j)) return { value: thousands, next: j }
    if (w.kind === 'digit' || w.kind === 'unit') return 'unsure'
    return { value: thousands, next: j }
  }

  /** A phrase at i that ends cleanly: not directly followed by more digits or number words. */
  settled(i: number): Phrase | null {
    const p = this.number(i)
    if (p === null || p === 'unsure') return null
    if (this.joined(p.next)) {
      const t = this.tokens[p.next]!
      if (t.digits || (t.word && !this.isYearWord(p.next))) return null
    }
    return p
  }
}

function tokenize(query: string, accented: boolean): { tokens: Token[]; gaps: string[] } {
  const words = accented ? ACCENTED_WORDS : FOLDED_WORDS
  const tokens: Token[] = []
  const gaps: string[] = []
  let last = 0
  for (const m of query.matchAll(TOKEN)) {
    const text = m[0]
    const folded = fold(text)
    gaps.push(query.slice(last, m.index))
    last = m.index + text.length
    tokens.push({
      text,
      start: m.index,
      end: last,
      folded,
      word: words.get(accented ? text.toLowerCase() : folded),
      digits: /^\p{N}+$/u.test(text),
    })
  }
  return { tokens, gaps }
}

/** Number of tokens of a document-type word starting at i ("nghị quyết"), or 0. */
function typeWordAt(tokens: Token[], gaps: string[], i: number): number {
  for (const syllables of TYPE_WORDS) {
    if (syllables.every((s, k) => tokens[i + k]?.folded === s && (k === 0 || /^\s+$/.test(gaps[i + k]!)))) return syllables.length
  }
  return 0
}

/** "số" (number); "so" only in a query typed without accents, where it cannot be told from số. */
const isSo = (t: Token | undefined, accented: boolean) => t !== undefined && (accented ? t.text.toLowerCase() === 'số' : t.folded === 'so')

/**
 * The query with spoken number phrases written as digits, following the rule above; the query
 * itself (same string) when there is nothing to convert. Expects NFC (the result is NFC).
 */
export function normalizeSpokenNumbers(query: string): string {
  const text = query.normalize('NFC')
  const accented = DIACRITIC.test(text.normalize('NFD'))
  const { tokens, gaps } = tokenize(text, accented)
  if (!tokens.some((t) => t.word)) return query
  const parser = new Parser(tokens, gaps)
  const replacements: Array<{ start: number; end: number; value: number }> = []
  const convert = (from: number, p: Phrase) => replacements.push({ start: tokens[from]!.start, end: tokens[p.next - 1]!.end, value: p.value })
  // A trigger and its phrase may be separated by spaces and a colon ("số: hai mươi mốt").
  const near = (i: number) => i < tokens.length && /^[\s:]+$/.test(gaps[i]!)

  // The whole query as one phrase of at least two words.
  const whole = parser.number(0)
  if (tokens.length >= 2 && whole && whole !== 'unsure' && whole.next === tokens.length) {
    convert(0, whole)
  } else {
    let i = 0
    while (i < tokens.length) {
      let at = -1
      const typeWord = typeWordAt(tokens, gaps, i)
      if (typeWord > 0) {
        at = i + typeWord
        if (near(at) && isSo(tokens[at], accented)) at += 1
      } else if (isSo(tokens[i], accented)) {
        at = i + 1
      }
      if (at >= 0 && near(at)) {
        const p = parser.settled(at)
        if (p) {
          convert(at, p)
          i = p.next
          continue
        }
      }
      // "năm" + a year phrase: the year.
      if (tokens[i]!.folded === 'nam' && parser.isYearWord(i) && !tokens[i + 1]!.digits) {
        const p = parser.settled(i + 1)
        if (p && isYear(p.value)) {
          convert(i + 1, p)
          i = p.next
          continue
        }
      }
      i += Math.max(1, typeWord)
    }
  }
  if (replacements.length === 0) return query
  let out = ''
  let last = 0
  for (const r of replacements) {
    out += `${text.slice(last, r.start)}${r.value}`
    last = r.end
  }
  return out + text.slice(last)
}
