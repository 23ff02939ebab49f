/** Text size and contrast: stored per device, applied to <html> (see the inline script in BaseHead). */
const SIZE_KEY = 'sotay:text-size'
const CONTRAST_KEY = 'sotay:contrast'

const store = {
  get: (key: string) => {
    try {
      return localStorage.getItem(key) ?? ''
    } catch {
      return ''
    }
  },
  set: (key: string, value: string) => {
    try {
      if (value) localStorage.setItem(key, value)
      else localStorage.removeItem(key)
    } catch {
      // Private mode or storage disabled: the choice still applies to this page.
    }
  },
}

export function initReadingControls(): void {
  const root = document.documentElement
  const panel = document.querySelector<HTMLElement>('[data-reading-controls]')
  if (!panel) return
  const sizeButtons = [...panel.querySelectorAll<HTMLButtonElement>('button[data-text-size]')]
  const contrast = panel.querySelector<HTMLButtonElement>('[data-contrast-toggle]')!

  const render = () => {
    const size = root.dataset.textSize ?? ''
    for (const b of sizeButtons) b.setAttribute('aria-pressed', String(b.dataset.textSize === size))
    contrast.setAttribute('aria-pressed', String(root.dataset.contrast === 'high'))
  }
  for (const b of sizeButtons) {
    b.addEventListener('click', () => {
      const size = b.dataset.textSize ?? ''
      if (size) root.dataset.textSize = size
      else delete root.dataset.textSize
      store.set(SIZE_KEY, size)
      render()
    })
  }
  contrast.addEventListener('click', () => {
    const high = root.dataset.contrast !== 'high'
    if (high) root.dataset.contrast = 'high'
    else delete root.dataset.contrast
    store.set(CONTRAST_KEY, high ? 'high' : '')
    render()
  })
  render()
}
