/** `npm run migrate`: applies committed schema migrations (SQLite); harmless on MongoDB. */
import { payloadClient } from './lib/payload'

const payload = await payloadClient()
await payload.db.migrate()
console.log('Migrations applied.')
process.exit(0)
