/**
 * Voice search: a microphone button on the search form, revealed only where the browser offers
 * speech recognition (Chrome and Edge as webkitSpeechRecognition, Safari, some Android browsers);
 * everywhere else the form stays the plain one. What is heard in Vietnamese fills the box and
 * searches. Spoken numbers ("nghị quyết hai mươi mốt") are read by the server
 * (core/spokenNumbers.ts via parseSearchParams), so the box shows what the member said.
 */

// Not in TypeScript's DOM library: the part of the Web Speech API used here.
interface RecognitionAlternative {
  transcript: string
}
interface RecognitionResult {
  readonly isFinal: boolean
  readonly length: number
  [index: number]: RecognitionAlternative
}
interface RecognitionEvent extends Event {
  readonly resultIndex: number
  readonly results: { readonly length: number; [index: number]: RecognitionResult }
}
interface RecognitionErrorEvent extends Event {
  readonly error: string
}
interface Recognition extends EventTarget {
  lang: string
  interimResults: boolean
  continuous: boolean
  maxAlternatives: number
  start(): void
  stop(): void
  abort(): void
  onstart: (() => void) | null
  onresult: ((event: RecognitionEvent) => void) | null
  onerror: ((event: RecognitionErrorEvent) => void) | null
  onend: (() => void) | null
}
type RecognitionConstructor = new () => Recognition

export function recognitionConstructor(): RecognitionConstructor | undefined {
  const w = window as unknown as { SpeechRecognition?: RecognitionConstructor; webkitSpeechRecognition?: RecognitionConstructor }
  return w.SpeechRecognition ?? w.webkitSpeechRecognition
}

const LISTENING = 'Đang nghe… Đồng chí hãy nói từ khóa hoặc số hiệu văn bản.'

/** Plain-Vietnamese messages for the recogniser's error codes; null for those that need none. */
export function errorMessage(code: string): string | null {
  switch (code) {
    case 'aborted':
      return null
    case 'not-allowed':
    case 'service-not-allowed':
      return 'Trình duyệt chưa được phép dùng micrô. Đồng chí hãy cho phép dùng micrô cho trang này trong cài đặt của trình duyệt rồi thử lại, hoặc gõ từ khóa vào ô tìm kiếm.'
    case 'no-speech':
      return 'Chưa nghe thấy tiếng nói. Đồng chí bấm nút micrô rồi nói lại, gần micrô hơn một chút.'
    case 'audio-capture':
      return 'Không tìm thấy micrô trên thiết bị này. Đồng chí hãy gõ từ khóa vào ô tìm kiếm.'
    case 'network':
      return 'Không kết nối được dịch vụ nhận dạng giọng nói. Đồng chí kiểm tra mạng rồi thử lại, hoặc gõ từ khóa.'
    case 'language-not-supported':
      return 'Trình duyệt này chưa nhận dạng được tiếng Việt. Đồng chí hãy gõ từ khóa vào ô tìm kiếm.'
    default:
      return 'Không nhận dạng được giọng nói. Đồng chí thử lại hoặc gõ từ khóa vào ô tìm kiếm.'
  }
}

export function initVoiceSearch(form: HTMLFormElement): void {
  const Recognition = recognitionConstructor()
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')
  const button = form.querySelector<HTMLButtonElement>('[data-voice-search]')
  const status = form.querySelector<HTMLElement>('[data-voice-status]')
  if (!Recognition || !input || !button || !status) return
  button.hidden = false

  let recognition: Recognition | null = null
  let heard = ''
  let failed = false

  const finish = () => {
    recognition = null
    button.setAttribute('aria-pressed', 'false')
  }

  const search = (text: string) => {
    input.value = text
    status.textContent = `Đã nghe: “${text}”. Đang tìm…`
    if (form.hasAttribute('data-instant')) {
      // The instant search listens for typing; the results region updates without leaving the page.
      input.dispatchEvent(new Event('input', { bubbles: true }))
      status.textContent = `Đã nghe: “${text}”.`
    } else {
      form.requestSubmit()
    }
  }

  // Leaving the page (or putting it in the back-forward cache) must not leave the microphone on,
  // nor an old "Đang tìm…" for when the member comes back.
  window.addEventListener('pagehide', () => {
    recognition?.abort()
    finish()
    status.textContent = ''
  })

  button.addEventListener('click', () => {
    if (recognition) {
      // A second press stops listening; whatever was heard so far is still used.
      recognition.stop()
      return
    }
    const r = new Recognition()
    recognition = r
    heard = ''
    failed = false
    r.lang = 'vi-VN'
    r.interimResults = true
    r.continuous = false
    r.maxAlternatives = 1
    r.onstart = () => {
      button.setAttribute('aria-pressed', 'true')
      status.textContent = LISTENING
    }
    r.onresult = (event) => {
      let text = ''
      let final = false
      for (let i = 0; i < event.results.length; i++) {
        text += event.results[i]![0]?.transcript ?? ''
        final ||= event.results[i]!.isFinal
      }
      heard = text.replace(/\s+/g, ' ').trim()
      // Interim words show in the box as they come, so the member sees they are being heard.
      if (heard) input.value = heard
      if (final && heard) {
        r.onresult = null
        r.stop()
        finish()
        search(heard)
      }
    }
    r.onerror = (event) => {
      failed = true
      finish()
      status.textContent = errorMessage(event.error) ?? ''
    }
    r.onend = () => {
      if (recognition !== r) return
      finish()
      if (heard) search(heard)
      else if (!failed) status.textContent = errorMessage('no-speech') ?? ''
    }
    // Set before start(): a browser that refuses at once fires onerror from inside it.
    button.setAttribute('aria-pressed', 'true')
    status.textContent = LISTENING
    try {
      r.start()
    } catch {
      finish()
      status.textContent = errorMessage('') ?? ''
    }
  })
}
