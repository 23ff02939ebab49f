import { escapeHtml as e } from '../../../core/html'

/**
 * One description of a message, rendered twice: as HTML (single column, 18 px text, 44 px buttons,
 * no images, so it reads well on a phone and through a screen reader) and as plain text with the
 * same words and links. Every template goes through here, so the two parts never drift apart.
 */
export interface ItemView {
  /** "Nghị quyết số 57-NQ/TW", "Tin tức", "Chuyên đề tháng 07/2024" */
  label: string
  title: string
  facts: string[]
  excerpt: string
  url: string
  linkLabel: string
}

export type Block =
  | { kind: 'paragraph'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'button'; label: string; url: string }
  | { kind: 'link'; label: string; url: string }
  | { kind: 'item'; item: ItemView /** h2 alone, h3 under a section heading */; level?: 2 | 3 }
  | { kind: 'note'; text: string }

export interface MailLayout {
  subject: string
  /** Shown by mail apps next to the subject. */
  preview: string
  heading: string
  blocks: Block[]
  /** Why this mail came, and how to stop it. */
  footer: Block[]
  siteName: string
  siteUrl: string
}

const FONT = "font-family: Arial, 'Noto Sans', 'Segoe UI', Roboto, sans-serif;"
const STYLE = {
  p: `margin: 0 0 16px; font-size: 18px; line-height: 1.6; color: #1b1b1b; ${FONT}`,
  h2: `margin: 28px 0 12px; font-size: 21px; line-height: 1.3; color: #1b1b1b; ${FONT}`,
  note: `margin: 0 0 12px; font-size: 16px; line-height: 1.6; color: #4a4a4a; ${FONT}`,
  button: `display: inline-block; min-height: 24px; padding: 12px 22px; background: #9b1c1c; color: #ffffff; font-size: 18px; font-weight: bold; line-height: 24px; text-decoration: none; border-radius: 6px; ${FONT}`,
  link: 'color: #0a4a8f; text-decoration: underline;',
  card: 'margin: 0 0 20px; padding: 16px; background: #f6f3ee; border-left: 5px solid #9b1c1c; border-radius: 4px;',
}

function blockHtml(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
      return `<p style="${STYLE.p}">${e(block.text)}</p>`
    case 'heading':
      return `<h2 style="${STYLE.h2}">${e(block.text)}</h2>`
    case 'note':
      return `<p style="${STYLE.note}">${e(block.text)}</p>`
    case 'list':
      return `<ul style="margin: 0 0 16px; padding-left: 24px;">${block.items.map((i) => `<li style="${STYLE.p} margin-bottom: 6px;">${e(i)}</li>`).join('')}</ul>`
    case 'button':
      return `<p style="${STYLE.p} margin: 8px 0 24px;"><a href="${e(block.url)}" style="${STYLE.button}">${e(block.label)}</a></p>`
    case 'link':
      return `<p style="${STYLE.note}"><a href="${e(block.url)}" style="${STYLE.link}">${e(block.label)}</a></p>`
    case 'item': {
      const { item } = block
      return [
        `<div style="${STYLE.card}">`,
        `<p style="${STYLE.note} margin-bottom: 4px; font-weight: bold; color: #9b1c1c;">${e(item.label)}</p>`,
        `<h${block.level ?? 2} style="margin: 0 0 8px; font-size: 20px; line-height: 1.35; ${FONT}"><a href="${e(item.url)}" style="${STYLE.link} color: #1b1b1b;">${e(item.title)}</a></h${block.level ?? 2}>`,
        ...item.facts.map((f) => `<p style="${STYLE.note} margin-bottom: 2px;">${e(f)}</p>`),
        item.excerpt ? `<p style="${STYLE.p} margin-top: 10px;">${e(item.excerpt)}</p>` : '',
        `<p style="${STYLE.p} margin-bottom: 0;"><a href="${e(item.url)}" style="${STYLE.link} font-weight: bold;">${e(item.linkLabel)}</a></p>`,
        `</div>`,
      ].join('')
    }
  }
}

function blockText(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
    case 'note':
      return block.text
    case 'heading':
      return `${block.text.toUpperCase()}\n${'-'.repeat(Math.min(block.text.length, 60))}`
    case 'list':
      return block.items.map((i) => `• ${i}`).join('\n')
    case 'button':
    case 'link':
      return `${block.label}:\n${block.url}`
    case 'item': {
      const { item } = block
      return [item.label, item.title, ...item.facts, item.excerpt, `${item.linkLabel}: ${item.url}`].filter(Boolean).join('\n')
    }
  }
}

export function renderMail(mail: MailLayout): { subject: string; html: string; text: string } {
  const html = [
    '<!doctype html>',
    '<html lang="vi" dir="ltr">',
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light only">',
    `<title>${e(mail.subject)}</title></head>`,
    `<body style="margin: 0; padding: 0; background: #efece6;">`,
    `<div style="display: none; max-height: 0; overflow: hidden;">${e(mail.preview)}</div>`,
    `<div role="article" aria-roledescription="email" aria-label="${e(mail.subject)}" lang="vi" style="max-width: 600px; margin: 0 auto; padding: 24px 16px; background: #ffffff;">`,
    `<p style="${STYLE.note} margin-bottom: 8px; font-weight: bold; color: #9b1c1c;">${e(mail.siteName)}</p>`,
    `<h1 style="margin: 0 0 20px; font-size: 24px; line-height: 1.3; color: #1b1b1b; ${FONT}">${e(mail.heading)}</h1>`,
    ...mail.blocks.map(blockHtml),
    `<hr style="margin: 28px 0 16px; border: 0; border-top: 1px solid #d6d0c4;">`,
    ...mail.footer.map(blockHtml),
    `<p style="${STYLE.note}"><a href="${e(mail.siteUrl)}" style="${STYLE.link}">${e(mail.siteName)}</a></p>`,
    '</div></body></html>',
  ].join('\n')
  const text = [
    mail.siteName,
    '',
    mail.heading,
    '='.repeat(Math.min(mail.heading.length, 60)),
    '',
    mail.blocks.map(blockText).join('\n\n'),
    '',
    '———',
    '',
    mail.footer.map(blockText).join('\n\n'),
    '',
    `${mail.siteName}: ${mail.siteUrl}`,
  ].join('\n')
  return { subject: mail.subject.normalize('NFC'), html: html.normalize('NFC'), text: text.normalize('NFC') }
}
