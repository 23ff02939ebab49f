/**
 * Reads an article aloud with speechSynthesis, one sentence per utterance: Chrome on Android cuts
 * long utterances, and per-sentence utterances let us highlight what is being read. Pausing
 * cancels and remembers the sentence, because pause()/resume() are unreliable on Android.
 */
const BLOCKS = 'h1, h2, h3, h4, p, li, blockquote, td, th, dt, dd, figcaption, legend, label'

interface Sentence {
  text: string
  range: Range
  block: Element
}

export function findVietnameseVoice(voices: SpeechSynthesisVoice[]): SpeechSynthesisVoice | undefined {
  const vi = voices.filter((v) => v.lang.toLowerCase().replace('_', '-').startsWith('vi'))
  return vi.find((v) => v.localService) ?? vi[0]
}

/** Splits a block's text into sentences, as ranges over its text nodes. */
function sentencesOf(block: Element): Sentence[] {
  // A line break ends a run of text: "Quyết định số 27-QĐ/TW<br>Ban hành…" is two lines, not "TWBan".
  const runs: Text[][] = [[]]
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT)
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    // Text inside a nested block is read as that block's own sentences.
    if ((n.parentElement?.closest(BLOCKS) ?? block) !== block) continue
    if (n.nodeType === Node.TEXT_NODE) runs[runs.length - 1]!.push(n as Text)
    else if (n.nodeName === 'BR') runs.push([])
  }
  return runs.flatMap((nodes) => sentencesOfRun(nodes, block))
}

function sentencesOfRun(nodes: Text[], block: Element): Sentence[] {
  const full = nodes.map((n) => n.data).join('')
  if (!full.trim()) return []
  const bounds: Array<[number, number]> = []
  if (typeof Intl !== 'undefined' && 'Segmenter' in Intl) {
    for (const s of new Intl.Segmenter('vi', { granularity: 'sentence' }).segment(full)) bounds.push([s.index, s.index + s.segment.length])
  } else {
    const re = /[^.!?…]+[.!?…]*\s*/g
    for (let m = re.exec(full); m; m = re.exec(full)) bounds.push([m.index, m.index + m[0].length])
  }
  const locate = (offset: number): [Text, number] => {
    let seen = 0
    for (const node of nodes) {
      if (offset <= seen + node.data.length) return [node, offset - seen]
      seen += node.data.length
    }
    const last = nodes[nodes.length - 1]!
    return [last, last.data.length]
  }
  return bounds
    .map(([start, end]) => {
      const text = full.slice(start, end).trim()
      const range = document.createRange()
      const [startNode, startOffset] = locate(start)
      const [endNode, endOffset] = locate(end)
      range.setStart(startNode, startOffset)
      range.setEnd(endNode, endOffset)
      return { text, range, block }
    })
    .filter((s) => /[\p{L}\p{N}]/u.test(s.text))
}

export function initReadAloud(panel: HTMLElement): void {
  const synth = window.speechSynthesis
  const targets = [...document.querySelectorAll(panel.dataset.readAloud || '[data-readable]')]
  if (!synth || typeof SpeechSynthesisUtterance === 'undefined' || targets.length === 0) return

  const button = (action: string) => panel.querySelector<HTMLButtonElement>(`[data-action="${action}"]`)!
  const status = panel.querySelector<HTMLElement>('.status')!
  let voice: SpeechSynthesisVoice | undefined
  let sentences: Sentence[] = []
  let index = 0
  let state: 'idle' | 'playing' | 'paused' = 'idle'
  let run = 0 // utterances of a cancelled run must not advance the current one
  const highlights = 'highlights' in CSS ? (CSS as unknown as { highlights: Map<string, unknown> }).highlights : undefined

  const mark = (s: Sentence | undefined) => {
    document.querySelector('.reading-now')?.classList.remove('reading-now')
    if (!s) {
      highlights?.delete('read-aloud')
      return
    }
    if (highlights && typeof Highlight !== 'undefined') highlights.set('read-aloud', new Highlight(s.range))
    else s.block.classList.add('reading-now')
    const rect = s.range.getBoundingClientRect()
    if (rect.top < 0 || rect.bottom > window.innerHeight) s.block.scrollIntoView({ block: 'center', behavior: 'smooth' })
  }

  const render = () => {
    button('play').hidden = state !== 'idle'
    button('pause').hidden = state !== 'playing'
    button('resume').hidden = state !== 'paused'
    button('stop').hidden = state === 'idle'
    status.textContent =
      state === 'idle' ? '' : `${state === 'paused' ? 'Đã tạm dừng' : 'Đang đọc'} câu ${Math.min(index + 1, sentences.length)}/${sentences.length}`
  }

  const speak = () => {
    const current = ++run
    const sentence = sentences[index]
    if (!sentence) {
      stop()
      // Heard to the end: the members' pages count this as studied (components/StudyMark.astro).
      panel.dispatchEvent(new CustomEvent('readaloud:finished', { bubbles: true }))
      return
    }
    const utterance = new SpeechSynthesisUtterance(sentence.text)
    utterance.lang = voice?.lang ?? 'vi-VN'
    if (voice) utterance.voice = voice
    utterance.rate = 0.95
    utterance.onend = () => {
      if (current !== run || state !== 'playing') return
      index += 1
      speak()
    }
    utterance.onerror = (event) => {
      if (current !== run || event.error === 'interrupted' || event.error === 'canceled') return
      stop()
      status.textContent = 'Không đọc được văn bản trên thiết bị này.'
    }
    mark(sentence)
    render()
    synth.speak(utterance)
  }

  const stop = () => {
    run++
    state = 'idle'
    synth.cancel()
    index = 0
    mark(undefined)
    render()
  }

  button('play').addEventListener('click', () => {
    sentences = targets.flatMap((t) => (t.matches(BLOCKS) ? [t] : [...t.querySelectorAll(BLOCKS)])).flatMap(sentencesOf)
    if (!sentences.length) return
    synth.cancel()
    index = 0
    state = 'playing'
    speak()
  })
  button('pause').addEventListener('click', () => {
    run++
    state = 'paused'
    synth.cancel()
    render()
  })
  button('resume').addEventListener('click', () => {
    state = 'playing'
    speak()
  })
  button('stop').addEventListener('click', stop)
  window.addEventListener('pagehide', () => synth.cancel())

  // Remembered for the head script, which keeps the panel's place on the next page while the
  // voices load (a panel appearing late would push the article down).
  const pickVoice = () => {
    voice = findVietnameseVoice(synth.getVoices())
    panel.hidden = !voice
    try {
      if (voice) localStorage.setItem('sotay:voice', 'vi')
      else if (synth.getVoices().length > 0) localStorage.removeItem('sotay:voice')
    } catch {
      // Storage disabled: the panel simply appears when the voice is found.
    }
  }
  pickVoice()
  synth.addEventListener?.('voiceschanged', pickVoice)
}
