'use client'
import type React from 'react'
import { useEffect, useState } from 'react'

interface Result {
  file: string
  outcome: 'created' | 'needs-review' | 'duplicate' | 'failed'
  label: string
  documentId?: string
  existing?: { id: string }
  missingLabels: string[]
  reason?: string
  notes: string[]
}

/** The form of the bulk upload view: files in, one line per file out, each linking to its draft. */
export function ImportOriginalsForm() {
  const [busy, setBusy] = useState<number | null>(null)
  const [results, setResults] = useState<Result[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  // Until React has taken over the page, a click would submit the form natively (a reload that
  // loses the chosen files), so the button waits.
  const [ready, setReady] = useState(false)
  useEffect(() => setReady(true), [])

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const input = event.currentTarget.elements.namedItem('files') as HTMLInputElement
    const files = [...(input.files ?? [])]
    if (!files.length) {
      setError('Chưa chọn tệp nào.')
      return
    }
    const body = new FormData()
    for (const f of files) body.append('files', f, f.name)
    setBusy(files.length)
    setError(null)
    setResults(null)
    try {
      const res = await fetch('/api/import-originals', { method: 'POST', body, credentials: 'include' })
      const json = await res.json().catch(() => null)
      if (!res.ok) setError(json?.errors?.[0]?.message ?? `Máy chủ từ chối yêu cầu (mã ${res.status}).`)
      else setResults(json.results)
    } catch {
      setError('Không gửi được tệp lên máy chủ: hãy kiểm tra kết nối mạng rồi thử lại.')
    } finally {
      setBusy(null)
    }
  }

  return (
    <div>
      <form onSubmit={submit} style={{ display: 'flex', gap: '1rem', alignItems: 'center', flexWrap: 'wrap', margin: '1.5rem 0' }}>
        <label htmlFor="import-originals-files">Tệp bản gốc</label>
        <input
          id="import-originals-files"
          name="files"
          type="file"
          multiple
          accept=".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        />
        <button type="submit" className="btn btn--style-primary btn--size-medium" disabled={!ready || busy !== null}>
          Tải lên và tạo bản nháp
        </button>
      </form>
      <p role="status" aria-live="polite">
        {busy !== null ? `Đang đọc ${busy} tệp… Bản quét cần nhận dạng chữ nên có thể mất vài chục giây mỗi trang.` : ''}
      </p>
      {error && (
        <p role="alert" style={{ color: 'var(--theme-error-500)' }}>
          {error}
        </p>
      )}
      {results && (
        <table className="table" style={{ width: '100%' }}>
          <caption style={{ textAlign: 'left', fontWeight: 600, marginBottom: '.5rem' }}>Kết quả ({results.length} tệp)</caption>
          <thead>
            <tr>
              <th scope="col">Tệp</th>
              <th scope="col">Kết quả</th>
              <th scope="col">Chi tiết</th>
            </tr>
          </thead>
          <tbody>
            {results.map((r) => (
              <tr key={r.file} data-outcome={r.outcome}>
                <td>{r.file}</td>
                <td>
                  {r.documentId ? (
                    <a href={`/admin/collections/documents/${r.documentId}`}>{r.label}</a>
                  ) : r.existing ? (
                    <a href={`/admin/collections/documents/${r.existing.id}`}>{r.label}</a>
                  ) : (
                    r.label
                  )}
                </td>
                <td>{[r.reason, r.missingLabels.length ? `Chưa đọc được: ${r.missingLabels.join(', ')}.` : '', ...r.notes].filter(Boolean).join(' ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}
