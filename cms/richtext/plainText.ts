/**
 * Conversions between plain text (paragraphs separated by a blank line, as in the import format)
 * and Payload's Lexical rich text, so imports, search indexing and e-mail share one rule.
 */

type LexicalNode = { type: string; text?: string; children?: LexicalNode[]; [key: string]: unknown }
export type LexicalState = { root: LexicalNode }

const textNode = (text: string): LexicalNode => ({ type: 'text', text, format: 0, detail: 0, mode: 'normal', style: '', version: 1 })

const paragraph = (text: string): LexicalNode => ({
  type: 'paragraph',
  format: '',
  indent: 0,
  version: 1,
  direction: 'ltr',
  textFormat: 0,
  textStyle: '',
  children: text ? [textNode(text)] : [],
})

export function plainTextToLexical(text: string): LexicalState {
  const paragraphs = text
    .normalize('NFC')
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean)
  return {
    root: { type: 'root', format: '', indent: 0, version: 1, direction: 'ltr', children: paragraphs.map(paragraph) },
  }
}

const BLOCK_TYPES = new Set(['paragraph', 'heading', 'quote', 'listitem', 'list', 'table', 'tablerow'])

/** Paragraphs joined by a blank line; line breaks kept; formatting dropped. */
export function lexicalToPlainText(state: unknown): string {
  const root = (state as LexicalState | null | undefined)?.root
  if (!root) return ''
  const blocks: string[] = []
  const walk = (node: LexicalNode, out: string[]): void => {
    if (node.type === 'text' && typeof node.text === 'string') out.push(node.text)
    else if (node.type === 'linebreak') out.push('\n')
    else if (node.type === 'tab') out.push('\t')
    for (const child of node.children ?? []) {
      if (BLOCK_TYPES.has(child.type) && child.type !== 'list') {
        const inner: string[] = []
        walk(child, inner)
        const text = inner.join('').trim()
        if (text) blocks.push(text)
      } else walk(child, out)
    }
  }
  const rest: string[] = []
  walk(root, rest)
  const tail = rest.join('').trim()
  if (tail) blocks.push(tail)
  return blocks.join('\n\n')
}
