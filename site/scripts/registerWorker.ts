import type { WorkerRequest } from '../offline/policy'

const REFRESHED_KEY = 'sotay:saved-refreshed'
const REFRESH_EVERY_MS = 12 * 60 * 60 * 1000

/** Saved documents are fetched again when the member is online, at most twice a day. */
function refreshSavedNow(): void {
  try {
    if (!navigator.onLine || Date.now() - Number(localStorage.getItem(REFRESHED_KEY) ?? 0) < REFRESH_EVERY_MS) return
    localStorage.setItem(REFRESHED_KEY, String(Date.now()))
  } catch {
    return
  }
  // No answer awaited: this script stays small enough to be inlined into every page.
  void navigator.serviceWorker.ready.then((registration) => registration.active?.postMessage({ type: 'refresh' } satisfies WorkerRequest))
}

/**
 * Registers the service worker once the page has loaded, so that installing it (it caches the
 * offline page) never competes with the page the member opened.
 */
export function registerWorker(): void {
  if (!('serviceWorker' in navigator)) return
  const start = () => navigator.serviceWorker.register('/sw.js').then(refreshSavedNow, () => undefined)
  if (document.readyState === 'complete') void start()
  else window.addEventListener('load', () => void start(), { once: true })
}
