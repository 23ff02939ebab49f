/** The calendar day of an ISO date-time ("2024-05-10T00:00:00.000Z" → "2024-05-10"); '' for none. */
export const isoDay = (iso: string | null | undefined): string => (iso ? iso.slice(0, 10) : '')
