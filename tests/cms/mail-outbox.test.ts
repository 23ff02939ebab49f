import fs from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startPayload } from '../helpers/payload'

let payload: Payload

beforeAll(async () => {
  delete process.env.SMTP_URL
  payload = await startPayload()
})
afterAll(async () => {
  await payload?.destroy()
})

describe('mail without SMTP', () => {
  it('writes every message to the outbox as an .eml file', async () => {
    await payload.sendEmail({ to: 'dang.vien@example.vn', subject: 'Văn bản mới: 57-NQ/TW', text: 'Nội dung thư bằng tiếng Việt.' })
    const outbox = path.join(process.env.DATA_DIR!, 'outbox')
    const files = fs.readdirSync(outbox).filter((f) => f.endsWith('.eml'))
    expect(files).toHaveLength(1)
    const raw = fs.readFileSync(path.join(outbox, files[0]), 'utf8')
    expect(raw).toMatch(/^To: dang\.vien@example\.vn/m)
    expect(raw).toMatch(/^Subject: =\?UTF-8\?/m)
  })
})
