/** `npm run seed`: loads the demo content (idempotent: re-running updates the same items). */
import { applyMigrations } from '../cms/lib/migrate'
import { payloadClient } from './lib/payload'
import { seedDemoContent } from './seed/demo'

const payload = await payloadClient()
await applyMigrations(payload)
await seedDemoContent(payload, { meetings: true })
console.log('Demo content loaded.')
process.exit(0)
