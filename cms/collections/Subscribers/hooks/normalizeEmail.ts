import type { FieldHook } from 'payload'

/** One spelling per address, so "An@Gmail.com " and "an@gmail.com" are one subscriber. */
export const normalizeEmail: FieldHook = ({ value }) =>
  typeof value === 'string' ? value.trim().normalize('NFC').toLowerCase() : value
