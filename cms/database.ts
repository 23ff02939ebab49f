import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { Env } from '../core/env/cms'

const dirname = path.dirname(fileURLToPath(import.meta.url))

/**
 * SQLite (embedded default) or MongoDB (production), chosen by DATABASE_URL. SQLite ids are UUID
 * strings so ids are strings under both. The SQLite schema only ever changes through committed
 * migrations (push is off), so no start ever stops at an interactive schema prompt.
 */
export function databaseAdapter(env: Env) {
  if (env.database.kind === 'mongodb') {
    return mongooseAdapter({
      url: env.database.url,
      migrationDir: path.resolve(dirname, 'migrations-mongodb'),
      transactionOptions: {},
    })
  }
  return sqliteAdapter({
    client: { url: env.database.url },
    idType: 'uuid',
    push: false,
    migrationDir: path.resolve(dirname, 'migrations'),
    transactionOptions: {},
    busyTimeout: 5000,
    wal: env.database.url !== ':memory:',
  })
}
