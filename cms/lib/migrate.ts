import type { Payload } from 'payload'

/**
 * Applies the committed migrations of the active adapter. The list is imported (not read from disk
 * at run time) so it works the same under tsx, Next, Vitest and a bundled production server.
 */
export async function applyMigrations(payload: Payload): Promise<void> {
  const { migrations } = payload.db.name === 'mongoose' ? await import('../migrations-mongodb/index') : await import('../migrations/index')
  if (migrations.length === 0) return
  await payload.db.migrate({ migrations: migrations as never })
}
