/**
 * What the site keeps of each CMS record: plain JSON, rich text already rendered to HTML,
 * relations as ids resolved at render time against the (public-only) collections.
 */
export type DocumentType = import('../core/vocabulary').DocumentTypeSlug
export type Validity = 'in-force' | 'expired' | 'superseded'

export interface DocumentEntry {
  id: string
  slug: string
  type: DocumentType
  number: string
  title: string
  issuerId: string
  level: 'trung-uong' | 'tinh' | 'huyen' | 'co-so'
  issuedAt: string // YYYY-MM-DD, Vietnam calendar day
  term: string
  signer: string
  summaryHtml: string
  fullTextHtml: string
  status: Validity
  subjectIds: string[]
  attachmentIds: string[]
  replaces: string[]
  guides: string[]
  implements: string[]
  amends: string[]
  updatedAt: string
}

export interface NewsEntry {
  id: string
  slug: string
  title: string
  category: string
  lead: string
  bodyHtml: string
  coverId: string | null
  relatedIds: string[]
  publishedAt: string // YYYY-MM-DD
  source: string
  updatedAt: string
}

export interface QuizQuestion {
  question: string
  choices: string[]
  /** 1-based, as editors number the choices. */
  answer: number
  explanation: string
}

export interface TopicEntry {
  id: string
  slug: string
  month: string // YYYY-MM
  title: string
  theme: string
  bodyHtml: string
  relatedIds: string[]
  questions: QuizQuestion[]
  updatedAt: string
}

export interface OrganizationEntry {
  id: string
  name: string
  code: string
  slug: string
  kind: string
}

export interface SubjectEntry {
  id: string
  name: string
  slug: string
}

export interface FileEntry {
  id: string
  title: string
  filename: string
  mimeType: string
  filesize: number
  updatedAt: string
}

export interface ImageSize {
  filename: string
  width: number
  height: number
  mimeType: string
}

export interface MediaEntry {
  id: string
  alt: string
  caption: string
  original: ImageSize
  /** Payload's generated sizes (webp), narrowest first. */
  sizes: Record<string, ImageSize>
  updatedAt: string
}
