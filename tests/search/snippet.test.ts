/**
 * Snippet highlighting outside what the engine contract exercises: words split by a soft hyphen
 * (pasted from Word or PDF) are marked whole, as folding indexes them; terms that are not plain
 * letters and digits take the regular-expression path, which must accept any punctuation.
 */
import { describe, expect, it } from 'vitest'
import { buildSnippet } from '../../search/snippet'

describe('buildSnippet', () => {
  it('marks a word containing a soft hyphen as the whole word', () => {
    const html = buildSnippet(['Nghị quy\u00ADết của Bộ Chính trị về chuyển đổi số'], { exact: ['quyet'], prefixes: [] })
    expect(html).toContain('<mark>quy\u00ADết</mark>')
    expect(buildSnippet(['Nghị quy\u00ADết của Bộ Chính trị'], { exact: ['quy'], prefixes: [] })).not.toContain('<mark>')
  })

  it('marks accented words and completed prefixes, whatever the case or normalization', () => {
    const text = 'ĐẢNG ỦY xã Hòa Phong triển khai Nghị quyết'.normalize('NFD')
    const html = buildSnippet([text], { exact: ['dang', 'uy'], prefixes: ['trie'] })
    expect(html.match(/<mark>/g)).toHaveLength(3)
    expect(html).toContain(`<mark>${'triển'.normalize('NFD')}</mark>`)
  })

  it('takes terms with punctuation without failing', () => {
    expect(() => buildSnippet(['Quy định 27-QĐ/TW về công nghệ'], { exact: ['27-qd/tw', 'x.y', 'a+b'], prefixes: [] })).not.toThrow()
  })
})
