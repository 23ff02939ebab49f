import type { FieldHook } from 'payload'
import type { Subscriber } from '../../../payload-types'

/** One spelling per address, so "An@Gmail.com " and "an@gmail.com" are one subscriber. */
export const normalizeEmail: FieldHook<Subscriber, string | undefined> = ({ value }) =>
  typeof value === 'string' ? value.trim().normalize('NFC').toLowerCase() : value
