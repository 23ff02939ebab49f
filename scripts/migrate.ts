/** `npm run migrate`: applies the committed schema migrations (SQLite); nothing to do on MongoDB. */
import { applyMigrations } from '../cms/lib/migrate'
import { payloadClient } from './lib/payload'

const payload = await payloadClient()
await applyMigrations(payload)
console.log('Migrations applied.')
process.exit(0)
