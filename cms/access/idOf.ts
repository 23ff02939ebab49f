/** The id of a relationship value as the API receives it: an id, or a populated object. */
export const idOf = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : v && typeof v === 'object' && 'id' in v ? String((v as { id: unknown }).id) : undefined
