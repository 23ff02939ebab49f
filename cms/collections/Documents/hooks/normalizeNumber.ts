import type { CollectionBeforeChangeHook } from 'payload'
import type { Document } from '../../../payload-types'
import { documentNumberKey, documentNumberShortKey, parseDocumentNumber } from '../../../../core/documentNumbers'

/** Stores the canonical keys search and duplicate detection compare, derived from the printed number. */
export const normalizeNumber: CollectionBeforeChangeHook<Document> = ({ data, originalDoc }) => {
  const printed = (data.number ?? originalDoc?.number ?? '').toString().normalize('NFC').trim()
  const parsed = printed ? parseDocumentNumber(printed) : null
  if (data.number !== undefined) data.number = printed
  data.numberKey = parsed ? documentNumberKey(parsed) : null
  data.numberShortKey = parsed ? documentNumberShortKey(parsed) : null
  return data
}
