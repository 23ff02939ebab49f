/**
 * Instant search: as the member types, fetch the form's search page for the new query and swap in its results
 * region. The server renders results the same way for everyone, with or without JavaScript.
 */
export function initInstantSearch(form: HTMLFormElement): void {
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')
  const region = document.getElementById('ket-qua')
  if (!input || !region) return
  let timer: ReturnType<typeof setTimeout> | undefined
  let inflight: AbortController | undefined

  const update = async () => {
    const q = input.value.trim()
    // The form's own page: the public search, or the members' (same markup, more results).
    const page = new URL(form.action, location.href).pathname
    const url = q ? `${page}?q=${encodeURIComponent(q)}` : page
    inflight?.abort()
    inflight = new AbortController()
    try {
      const response = await fetch(url, { signal: inflight.signal, headers: { Accept: 'text/html' } })
      const html = await response.text()
      const next = new DOMParser().parseFromString(html, 'text/html').getElementById('ket-qua')
      if (!next) return
      region.innerHTML = next.innerHTML
      history.replaceState(null, '', url)
    } catch (error) {
      if ((error as Error).name !== 'AbortError') region.setAttribute('aria-busy', 'false')
    }
  }
  input.addEventListener('input', () => {
    clearTimeout(timer)
    timer = setTimeout(update, 300)
  })
}
