import { isDocumentPath, OFFLINE_PATH, SAVED_CACHE, savedPageLabel } from '../offline/policy'
import { askWorker } from './workerClient'

/**
 * The list of saved documents on the offline page, read from the phone's saved copies (so it is
 * the same list offline and online). Each can be removed.
 */
export async function initSavedList(root: HTMLElement): Promise<void> {
  if (!('caches' in window)) return
  const list = root.querySelector<HTMLUListElement>('ul')!
  const empty = root.querySelector<HTMLElement>('[data-saved-empty]')!
  const cache = await caches.open(SAVED_CACHE)
  const saved: Array<{ path: string; name: string; title: string }> = []
  for (const request of await cache.keys()) {
    const path = new URL(request.url).pathname
    if (!isDocumentPath(path)) continue
    const html = await (await cache.match(request))!.text()
    saved.push({ path, ...savedPageLabel(html) })
  }
  saved.sort((a, b) => a.name.localeCompare(b.name, 'vi'))
  list.replaceChildren(
    ...saved.map(({ path, name, title }) => {
      const item = document.createElement('li')
      item.className = 'card'
      const heading = document.createElement('h2')
      heading.className = 'card-title'
      const link = document.createElement('a')
      link.href = path
      link.textContent = name || title
      heading.append(link)
      const lede = document.createElement('p')
      lede.textContent = name ? title : ''
      const remove = document.createElement('button')
      remove.type = 'button'
      remove.className = 'button'
      remove.textContent = 'Bỏ lưu'
      remove.setAttribute('aria-label', `Bỏ lưu ${name || title}`)
      remove.addEventListener('click', async () => {
        remove.disabled = true
        const reply = await askWorker({ type: 'remove', path })
        if (reply.ok) item.remove()
        else remove.disabled = false
        empty.hidden = list.children.length > 0
      })
      item.append(heading, lede, remove)
      return item
    }),
  )
  empty.hidden = saved.length > 0
}

/** Shown when the worker answered with this page in place of one that is not saved. */
export function showOfflineNotice(notice: HTMLElement): void {
  if (location.pathname !== OFFLINE_PATH) notice.hidden = false
}
