/**
 * Vietnamese phone numbers as members type them ("0912 345 678", "+84 912.345.678", "84912345678")
 * in one canonical form, "0912345678": what the CMS stores as a member's sign-in name and what the
 * site sends when a member signs in. Null when it is not a Vietnamese number.
 */
export function normalizePhone(input: string): string | null {
  const digits = input.normalize('NFC').replace(/[\s.\-()]/g, '')
  const national = /^\+?84(\d{9,10})$/.exec(digits)?.[1] ?? /^0(\d{9,10})$/.exec(digits)?.[1] ?? null
  if (!national) return null
  const phone = `0${national}`
  // Mobile numbers have 10 digits; landlines (02x area codes) 11.
  return /^0[35789]\d{8}$/.test(phone) || /^02\d{9}$/.test(phone) ? phone : null
}

/** Whether a sign-in name is an e-mail address (else it is read as a phone number). */
export const looksLikeEmail = (identifier: string): boolean => identifier.includes('@')
