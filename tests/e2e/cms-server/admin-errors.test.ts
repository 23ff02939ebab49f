/**
 * Refusals explain themselves: over REST (the admin's own API) the message is the full Vietnamese
 * reason — not "Field sau không hợp lệ: secrecy", nor "An unknown error occurred." as the production
 * build answered for workflow refusals — and the admin, in a real browser, shows it to the editor.
 */
import crypto from 'node:crypto'
import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { secrecyMessage } from '../../../cms/collections/Documents/hooks/refuseSecretPublication'
import { PUBLISH_FORBIDDEN } from '../../../cms/hooks/enforceWorkflow'
import { launchBrowser } from '../../helpers/site'
import { cms, createWorld, sendJson, type Account } from './world'

let world: Awaited<ReturnType<typeof createWorld>>
let browser: Browser
const tag = crypto.randomBytes(3).toString('hex')
const SECRECY = secrecyMessage('Mật')

beforeAll(async () => {
  world = await createWorld(`loi-${tag}`)
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

const secretDraft = async () => {
  const res = await sendJson(
    'POST',
    '/api/documents?draft=true',
    world.document(world.orgs.central, { secrecy: 'mat', title: `Dự thảo mật ${tag}` }),
    world.admin,
  )
  expect(res.status).toBe(201)
  return res.json.doc.id as string
}

describe('over REST', () => {
  it('a secrecy refusal carries the reason about the law', async () => {
    const id = await secretDraft()
    const res = await sendJson('PATCH', `/api/documents/${id}`, { _status: 'published' }, world.users.publisher.token)
    expect(res.status).toBe(400)
    expect(res.json.errors[0].message).toBe(SECRECY)
    expect(res.text).not.toContain('không hợp lệ: secrecy')
  })

  it('a weak password is refused with the password rule', async () => {
    const { editor } = world.users
    const res = await sendJson('PATCH', `/api/users/${editor.id}`, { password: 'abc12345' }, editor.token)
    expect(res.status).toBe(400)
    expect(res.json.errors[0].message).toMatch(/^Mật khẩu quá yếu\. .*12 ký tự/)
  })

  it('a workflow refusal carries its reason in the production build', async () => {
    const draft = await sendJson('POST', '/api/documents?draft=true', world.document(world.orgs.central), world.admin)
    const res = await sendJson('PATCH', `/api/documents/${draft.json.doc.id}`, { _status: 'published' }, world.users.editor.token)
    expect(res.status).toBe(403)
    expect(res.json.errors[0].message).toBe(PUBLISH_FORBIDDEN)
  })
})

/**
 * A browser signed in as `account`. The test server's public address (SERVER_URL: the only origin
 * Payload's CSRF check accepts, and the host Next checks server actions against) is not where it
 * listens, and Chromium keeps its own Origin and Host on what it sends; so the admin's writes (API
 * calls and server actions) are passed on by the test as if they came from that address.
 * Everything else is the real admin talking to the real server.
 */
async function signedIn(account: Account): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } })
  await context.addCookies([{ name: 'payload-token', value: account.token, url: cms.url }])
  const publicHost = new URL(cms.serverUrl).host
  await context.route(`${cms.url}/**`, async (route) => {
    const request = route.request()
    if (request.method() === 'GET' || request.method() === 'HEAD') return route.continue()
    const headers = { ...request.headers(), origin: cms.serverUrl, host: publicHost, 'x-forwarded-host': publicHost }
    try {
      await route.fulfill({ response: await route.fetch({ headers }) })
    } catch (error) {
      // A request still in flight when the test closes the page (the admin saves form state in
      // the background) has nobody left to answer; anything else is a real failure.
      if (!/disposed|closed/i.test(String(error))) throw error
    }
  })
  return context
}

/** The text of the error toast the admin shows. */
async function toastText(page: import('playwright-core').Page): Promise<string> {
  const toast = page.locator('[data-sonner-toast][data-type="error"]').first()
  await toast.waitFor({ state: 'visible', timeout: 20_000 })
  return (await toast.innerText()).replace(/\s+/g, ' ')
}

describe('in the admin (real browser)', () => {
  it('shows the publisher the full reason a secret document is not published', async () => {
    const id = await secretDraft()
    const context = await signedIn(world.users.publisher)
    const page = await context.newPage()
    await page.goto(`${cms.url}/admin/collections/documents/${id}`)
    await page.getByRole('button', { name: 'Xuất bản tài liệu' }).click()
    expect(await toastText(page)).toContain(SECRECY)
    await context.close()
    const after = await sendJson('GET', `/api/documents/${id}`, undefined, world.admin)
    expect(after.json._status).toBe('draft')
  })

  it('shows an editor why they cannot publish', async () => {
    const draft = await sendJson('POST', '/api/documents?draft=true', world.document(world.orgs.central), world.admin)
    const context = await signedIn(world.users.editor)
    const page = await context.newPage()
    await page.goto(`${cms.url}/admin/collections/documents/${draft.json.doc.id}`)
    await page.getByRole('button', { name: 'Xuất bản tài liệu' }).click()
    expect(await toastText(page)).toContain(PUBLISH_FORBIDDEN)
    await context.close()
  })

  it('shows the password rule when a weak password is chosen', async () => {
    const context = await signedIn(world.users.contributor)
    const page = await context.newPage()
    await page.goto(`${cms.url}/admin/account`, { waitUntil: 'networkidle' })
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click()
    // Typed key by key, as a person does: the form registers the new fields as they appear.
    // On a loaded machine the re-rendering form can drop a keystroke (then Payload's client-side
    // check of the confirmation answers instead of the server): check each value, retype if needed.
    for (const label of ['Mật khẩu mới', 'Xác nhận mật khẩu']) {
      const input = page.getByLabel(label)
      await input.waitFor({ state: 'visible' })
      for (let attempt = 0; attempt < 3 && (await input.inputValue()) !== 'abc12345'; attempt++) {
        await input.clear()
        await input.pressSequentially('abc12345', { delay: 20 })
      }
      expect(await input.inputValue()).toBe('abc12345')
    }
    // Payload validates the form state on the server as the fields change (debounced): saving before
    // that round trip ends would be judged on the half-typed state.
    await page.waitForLoadState('networkidle')
    await page.getByRole('button', { name: 'Lưu', exact: true }).click()
    const text = await toastText(page)
    expect(text).toContain('Mật khẩu quá yếu')
    expect(text).toContain('ít nhất ba trong bốn loại ký tự (chữ thường, chữ hoa, chữ số, ký hiệu)')
    await context.close()
  })
})
