import { SAVED_CACHE, type WorkerReply } from '../offline/policy'
import { askWorker } from './workerClient'

type Failure = Extract<WorkerReply, { ok: false }>['reason']

const MESSAGES: Record<'saving' | 'removing' | 'saved' | 'removed' | Failure, string> = {
  saving: 'Đang lưu văn bản vào máy…',
  removing: 'Đang bỏ lưu…',
  saved: 'Đã lưu. Văn bản và tệp đính kèm đọc được cả khi không có mạng, trong mục “Văn bản đã lưu”.',
  removed: 'Đã bỏ lưu văn bản này khỏi máy.',
  network: 'Chưa lưu được: cần có mạng để tải văn bản về máy. Xin thử lại.',
  refused: 'Văn bản này không được phép lưu trên máy.',
  'not-public': 'Văn bản này không còn trên thư viện nên không lưu được.',
}

/** The "Lưu để đọc khi không có mạng" toggle of a document page. */
export async function initSaveOffline(root: HTMLElement): Promise<void> {
  if (!('serviceWorker' in navigator) || !('caches' in window)) return
  const button = root.querySelector<HTMLButtonElement>('button[data-save]')!
  const status = root.querySelector<HTMLElement>('.status')!
  const path = location.pathname
  const setPressed = (saved: boolean) => button.setAttribute('aria-pressed', String(saved))
  setPressed(Boolean(await caches.match(path, { cacheName: SAVED_CACHE })))

  button.addEventListener('click', async () => {
    const saved = button.getAttribute('aria-pressed') === 'true'
    button.disabled = true
    status.textContent = MESSAGES[saved ? 'removing' : 'saving']
    const reply = await askWorker({ type: saved ? 'remove' : 'save', path })
    button.disabled = false
    if (reply.ok) {
      setPressed(!saved)
      status.textContent = MESSAGES[saved ? 'removed' : 'saved']
    } else {
      status.textContent = MESSAGES[reply.reason]
    }
  })
}
