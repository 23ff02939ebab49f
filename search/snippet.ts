/**
 * Snippets: the best passage of a hit as escaped HTML with <mark> around matched words, and
 * nothing else. Both engines end here: the embedded engine finds the passage itself on the
 * original (accented) text, Meilisearch's own crop comes back with private-use markers that are
 * turned into <mark> after escaping. Either way every character of item text is escaped, so text
 * containing "<script>" comes out as "&lt;script&gt;".
 */
import { fold } from '../core/vietnamese'
import { escapeHtml } from '../core/html'

/** Private-use characters standing for <mark> and </mark> until the text has been escaped. */
export const MARK_OPEN = '\uE000'
export const MARK_CLOSE = '\uE001'

/** About two lines on a phone. */
export const SNIPPET_CHARS = 220
const LEAD_CHARS = 40

const tidy = (html: string) => html.replace(/\s+/g, ' ')

/** Text with MARK_OPEN/MARK_CLOSE markers → escaped HTML with balanced <mark> elements. */
export function markedToHtml(marked: string): string {
  let html = ''
  let open = false
  let run = ''
  const flush = () => {
    html += tidy(escapeHtml(run))
    run = ''
  }
  for (const ch of marked) {
    if (ch === MARK_OPEN || ch === MARK_CLOSE) {
      flush()
      if (ch === MARK_OPEN && !open) html += '<mark>'
      if (ch === MARK_CLOSE && open) html += '</mark>'
      open = ch === MARK_OPEN ? true : ch === MARK_CLOSE ? false : open
    } else run += ch
  }
  flush()
  if (open) html += '</mark>'
  return html.replace(/<mark>(\s*)<\/mark>/g, '$1').trim()
}

// ---------------------------------------------------------------------------------------------
// Finding folded terms in original text
// ---------------------------------------------------------------------------------------------

// What fold() removes between letters: combining marks (NFD input) and invisible joiners.
const SKIPPABLE = '[\\u0300-\\u036F\\u1AB0-\\u1AFF\\u1DC0-\\u1DFF\\u20D0-\\u20FF\\uFE20-\\uFE2F\\u00AD\\u200C\\u200D\\u2060]*'
const WORD_CHAR = '[\\p{L}\\p{M}\\p{N}]'

/** For each ASCII letter or digit, every precomposed Latin character that folds to it. */
const FOLD_CLASS = new Map<string, string>()
{
  const variants = new Map<string, string[]>()
  const ranges: Array<[number, number]> = [
    [0x30, 0x39],
    [0x41, 0x5a],
    [0x61, 0x7a],
    [0xc0, 0x24f],
    [0x1e00, 0x1eff],
  ]
  for (const [from, to] of ranges) {
    for (let cp = from; cp <= to; cp++) {
      const ch = String.fromCodePoint(cp)
      const folded = fold(ch)
      if (/^[a-z0-9]$/.test(folded)) variants.set(folded, [...(variants.get(folded) ?? []), ch])
    }
  }
  for (const [base, chars] of variants) FOLD_CLASS.set(base, chars.length === 1 ? chars[0] : `[${chars.join('')}]`)
}

// Not '-': with the u flag, "\-" outside a character class is a syntax error (a term like "nq-tw").
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')

function foldedPattern(term: string): string {
  let pattern = ''
  for (const ch of term) pattern += (FOLD_CLASS.get(ch) ?? escapeRegExp(ch)) + SKIPPABLE
  return pattern
}

/** Folded words to mark: whole words, and the prefixes a last word was completed from. */
export interface HighlightTerms {
  exact: Iterable<string>
  prefixes: Iterable<string>
}

/**
 * One regular expression finding every word of the original text whose folded form is one of the
 * terms (or starts with one of the prefixes), whatever its accents, case or normalization form.
 */
export function termMatcher(terms: HighlightTerms): RegExp | null {
  const alternatives: Array<[string, string]> = []
  for (const t of new Set(terms.exact)) if (t) alternatives.push([t, `${foldedPattern(t)}(?!${WORD_CHAR})`])
  for (const p of new Set(terms.prefixes)) if (p) alternatives.push([p, `${foldedPattern(p)}${WORD_CHAR}*`])
  if (alternatives.length === 0) return null
  alternatives.sort((a, b) => b[0].length - a[0].length)
  return new RegExp(`(?<!${WORD_CHAR})(?:${alternatives.map(([, re]) => re).join('|')})`, 'giu')
}

interface Match {
  start: number
  end: number
  key: string
}

const MAX_MATCHES_PER_FIELD = 200

function findMatches(text: string, matcher: RegExp): Match[] {
  const matches: Match[] = []
  matcher.lastIndex = 0
  for (const m of text.matchAll(matcher)) {
    if (m[0].length === 0) continue
    matches.push({ start: m.index, end: m.index + m[0].length, key: fold(m[0]) })
    if (matches.length >= MAX_MATCHES_PER_FIELD) break
  }
  return matches
}

// The common case — every term plain ASCII letters and digits, as query words are — needs no
// regular expression: each word of the text is folded character by character (cached) and looked
// up. A Unicode regexp built per query costs V8 3–10 ms to compile, on nearly every request.
const SKIPPABLE_CHAR = new RegExp(`^${SKIPPABLE.slice(0, -1)}$`, 'u')
const WORD_CHAR_TEST = new RegExp(`^${WORD_CHAR}$`, 'u')
const foldedChars = new Map<string, string | null>()

/** A character folded: its ASCII base, '' for a mark or invisible joiner, null for a separator. */
function foldChar(ch: string): string | null {
  let folded = foldedChars.get(ch)
  if (folded === undefined) {
    folded = SKIPPABLE_CHAR.test(ch) ? '' : WORD_CHAR_TEST.test(ch) ? fold(ch) : null
    if (foldedChars.size > 20_000) foldedChars.clear()
    foldedChars.set(ch, folded)
  }
  return folded
}

const PLAIN_TERM = /^[a-z0-9]+$/

function findWordMatches(text: string, exact: Set<string>, prefixes: string[]): Match[] {
  const matches: Match[] = []
  let start = -1
  let end = -1
  let word = ''
  const close = () => {
    if (start >= 0 && word && (exact.has(word) || prefixes.some((p) => word.startsWith(p)))) matches.push({ start, end, key: word })
    start = -1
    word = ''
  }
  let i = 0
  for (const ch of text) {
    const folded = foldChar(ch)
    if (folded === null) close()
    else if (start >= 0 || folded) {
      if (start < 0) start = i
      word += folded
      // A word ends at its last letter or digit, not at a trailing mark or joiner.
      if (folded) end = i + ch.length
    }
    i += ch.length
    if (matches.length >= MAX_MATCHES_PER_FIELD) return matches
  }
  close()
  return matches
}

/** Moves a cut point to a nearby space so words are not chopped, within `slack` characters. */
function snapStart(text: string, at: number, limit: number): number {
  if (at <= 0) return 0
  for (let i = at; i < Math.min(limit, at + 15); i++) if (/\s/.test(text[i - 1])) return i
  return at
}

function snapEnd(text: string, at: number, floor: number): number {
  if (at >= text.length) return text.length
  for (let i = at; i > Math.max(floor, at - 25); i--) if (/\s/.test(text[i])) return i
  return at
}

function render(text: string, from: number, to: number, matches: Match[]): string {
  let html = from > 0 ? '…' : ''
  let pos = from
  for (const m of matches) {
    if (m.start < from || m.end > to) continue
    html += `${tidy(escapeHtml(text.slice(pos, m.start)))}<mark>${escapeHtml(text.slice(m.start, m.end))}</mark>`
    pos = m.end
  }
  html += tidy(escapeHtml(text.slice(pos, to)))
  if (to < text.length) html = `${html.replace(/\s+$/, '')}…`
  return html.replace(/^…\s+/, '…').trim()
}

/**
 * The best passage among `fields` (in order of preference: summary, body, attachment text): the
 * window of about SNIPPET_CHARS characters holding the most distinct matched words, then the most
 * matches. Without any match, the opening of the first non-empty field.
 */
export function buildSnippet(fields: string[], terms: HighlightTerms, maxChars = SNIPPET_CHARS): string {
  const exact = new Set([...terms.exact].filter(Boolean))
  const prefixes = [...new Set(terms.prefixes)].filter(Boolean)
  const plain = [...exact, ...prefixes].every((t) => PLAIN_TERM.test(t))
  const matcher = plain ? null : termMatcher({ exact, prefixes })
  const find = plain ? (text: string) => findWordMatches(text, exact, prefixes) : (text: string) => findMatches(text, matcher!)
  let best: { field: number; from: number; to: number; matches: Match[]; score: number } | null = null
  if (exact.size + prefixes.length > 0) {
    fields.forEach((text, field) => {
      if (!text) return
      const matches = find(text)
      for (let i = 0; i < matches.length; i++) {
        const from = Math.max(0, Math.min(matches[i].start - LEAD_CHARS, text.length - maxChars))
        const to = from + maxChars
        const keys = new Set<string>()
        let count = 0
        for (let j = i; j < matches.length && matches[j].end <= to; j++) {
          keys.add(matches[j].key)
          count++
        }
        const score = keys.size * 1000 + count
        if (!best || score > best.score) best = { field, from, to, matches, score }
      }
    })
  }
  if (best) {
    const { field, from, to, matches } = best as { field: number; from: number; to: number; matches: Match[] }
    const text = fields[field]
    const inWindow = matches.filter((m) => m.start >= from && m.end <= to)
    const start = snapStart(text, from, inWindow[0]?.start ?? to)
    const end = snapEnd(text, Math.min(to, text.length), inWindow[inWindow.length - 1]?.end ?? start)
    return render(text, start, end, inWindow)
  }
  const text = fields.find((f) => f?.trim()) ?? ''
  return render(text, 0, snapEnd(text, Math.min(maxChars, text.length), 0), [])
}
