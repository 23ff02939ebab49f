/**
 * The header reader of the folder import (cms/originals/header.ts) on text laid out as the
 * 36-HD header is, without a PDF: paragraphs (as DOCX gives them) and positioned two-column rows
 * (as a PDF text layer or OCR gives them), with generated fields that must all come back.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readHeader } from '../../cms/originals/header'
import type { Segment } from '../../cms/originals/layout'
import { DOCUMENT_TYPES } from '../../core/vocabulary'

const PARTY_TYPES = DOCUMENT_TYPES.filter((t) => t.party && t.slug !== 'quy-dinh' && t.slug !== 'quyet-dinh')
const BODIES = [
  { lines: ['BAN CHẤP HÀNH TRUNG ƯƠNG'], code: 'TW', level: 'trung-uong' },
  { lines: ['TỈNH ỦY YÊN BÁI'], code: 'TU', level: 'tinh' },
  { lines: ['ĐẢNG BỘ TỈNH QUẢNG NGÃI', 'HUYỆN ỦY SƠN TỊNH'], code: 'HU', level: 'huyen' },
  { lines: ['ĐẢNG BỘ XÃ HÒA PHONG', 'CHI BỘ THÔN ĐÔNG HÒA'], code: 'CB', level: 'co-so' },
]
const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Đỗ', 'Võ', 'Đặng']
const GIVEN = ['Văn', 'Thị', 'Đức', 'Quang', 'Minh', 'Thu', 'Hải', 'Anh', 'Lan', 'Dũng']
const WORDS = [
  'tăng',
  'cường',
  'công',
  'tác',
  'xây',
  'dựng',
  'đảng',
  'chi',
  'bộ',
  'đảng',
  'viên',
  'chuyển',
  'đổi',
  'số',
  'nâng',
  'cao',
  'chất',
  'lượng',
  'sinh',
  'hoạt',
]
const PLACES = ['Hà Nội', 'Yên Bái', 'Quảng Ngãi', 'Hòa Phong', 'Buôn Ma Thuột']
const MARKINGS = [undefined, 'MẬT', 'TỐI MẬT', 'TUYỆT MẬT'] as const
const SECRECY = { MẬT: 'mat', 'TỐI MẬT': 'toi-mat', 'TUYỆT MẬT': 'tuyet-mat' } as const

const headerArb = fc.record({
  body: fc.constantFrom(...BODIES),
  seq: fc.integer({ min: 1, max: 9999 }),
  type: fc.constantFrom(...PARTY_TYPES),
  date: fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2025-12-31T00:00:00Z'), noInvalidDate: true }),
  place: fc.constantFrom(...PLACES),
  title: fc.array(fc.constantFrom(...WORDS), { minLength: 3, maxLength: 24 }),
  signer: fc.tuple(fc.constantFrom(...SURNAMES), fc.array(fc.constantFrom(...GIVEN), { minLength: 1, maxLength: 3 })),
  marking: fc.constantFrom(...MARKINGS),
})
type Header = typeof headerArb extends fc.Arbitrary<infer T> ? T : never

function printedLines(h: Header) {
  const [y, m, d] = [h.date.getUTCFullYear(), h.date.getUTCMonth() + 1, h.date.getUTCDate()]
  return {
    number: `${h.seq}-${h.type.printed[0]}/${h.body.code}`,
    dateLine: `${h.place}, ngày ${String(d).padStart(2, '0')} tháng ${m} năm ${y}`,
    iso: h.date.toISOString().slice(0, 10),
    title: `về ${h.title.join(' ')}`,
    signer: [h.signer[0], ...h.signer[1]].join(' '),
  }
}

/** DOCX order: the header table's left cell, then its right cell, then the body and the signature. */
function asParagraphs(h: Header): Segment[] {
  const p = printedLines(h)
  const texts = [
    ...h.body.lines,
    '*',
    `Số ${p.number}`,
    ...(h.marking ? [h.marking] : []),
    'ĐẢNG CỘNG SẢN VIỆT NAM',
    p.dateLine,
    h.type.label.toUpperCase(),
    p.title,
    'Các cấp ủy, tổ chức đảng quán triệt và thực hiện nghiêm túc.',
    'Nơi nhận:',
    '- Như trên,',
    'T/M BAN THƯỜNG VỤ',
    'BÍ THƯ',
    '(Đã ký)',
    p.signer,
  ]
  return texts.map((text) => ({ text, page: 1, startsBlock: true }))
}

/** PDF/OCR order: rows top to bottom, the two header columns side by side on the same rows. */
function asRows(h: Header): Segment[] {
  const p = printedLines(h)
  const out: Segment[] = []
  const at = (text: string, row: number, x0: number, x1: number, startsBlock = false, page = 1) =>
    out.push({ text, page, startsBlock, box: { x0, x1, top: row * 20, bottom: row * 20 + 14 } })
  const left = [...h.body.lines, '*', `Số ${p.number}`, ...(h.marking ? [h.marking] : [])]
  const right = ['ĐẢNG CỘNG SẢN VIỆT NAM', p.dateLine]
  for (let row = 0; row < Math.max(left.length, right.length); row++) {
    if (left[row]) at(left[row], row, 60, 260, row === 0)
    if (right[row]) at(right[row], row, 300, 540, row === 0)
  }
  let row = Math.max(left.length, right.length) + 2
  at(h.type.label.toUpperCase(), row++, 250, 350, true)
  // A long trích yếu wraps onto a second centred line.
  const words = p.title.split(' ')
  const half = Math.ceil(words.length / 2)
  at(words.slice(0, words.length > 8 ? half : words.length).join(' '), row++, 90, 510)
  if (words.length > 8) at(words.slice(half).join(' '), row++, 120, 480)
  row += 2
  at('Các cấp ủy, tổ chức đảng quán triệt và thực hiện nghiêm túc nghị quyết này.', row++, 60, 540, true)
  row += 2
  at('Nơi nhận:', row, 60, 140, true)
  at('T/M BAN THƯỜNG VỤ', row++, 320, 520, true)
  at('- Như trên,', row, 60, 160)
  at('BÍ THƯ', row++, 380, 460)
  at('- Lưu Văn phòng.', row++, 60, 200)
  row += 3
  at(p.signer, row, 350, 500, true)
  return out
}

describe('readHeader', () => {
  for (const [layout, build] of [
    ['paragraphs (DOCX)', asParagraphs],
    ['two-column rows (PDF text layer, OCR)', asRows],
  ] as const) {
    it(`reads every field of a generated header laid out as ${layout}`, () => {
      fc.assert(
        fc.property(headerArb, (h) => {
          const p = printedLines(h)
          const r = readHeader(build(h))
          expect(r.notes).toEqual([])
          expect({
            partyHeading: r.partyHeading,
            number: r.number,
            type: r.type,
            issuedAt: r.issuedAt,
            place: r.place,
            title: r.title,
            signer: r.signer,
            secrecy: r.secrecy,
            level: r.level,
            issuerLines: r.issuerLines,
          }).toEqual({
            partyHeading: true,
            number: p.number,
            type: h.type.slug,
            issuedAt: p.iso,
            place: h.place,
            title: `V${p.title.slice(1)}`,
            signer: p.signer,
            secrecy: h.marking ? SECRECY[h.marking] : 'none',
            level: h.body.level,
            issuerLines: h.body.lines,
          })
        }),
        { numRuns: 200 },
      )
    })
  }

  it('reads number, place, date and a secrecy marking that OCR merged into one line', () => {
    const r = readHeader(
      [
        'BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG CỘNG SẢN VIỆT NAM',
        'Số 21-NQ/TW Hà Nội, ngày 16 tháng 6 năm 2022',
        'MẬT',
        'NGHỊ QUYẾT',
        'về công tác dân số trong tình hình mới',
      ].map((text) => ({ text, page: 1, startsBlock: true })),
    )
    expect(r).toMatchObject({
      number: '21-NQ/TW',
      issuedAt: '2022-06-16',
      place: 'Hà Nội',
      secrecy: 'mat',
      type: 'nghi-quyet',
      title: 'Về công tác dân số trong tình hình mới',
    })
  })

  it('leaves out what is not there or not real, and says so', () => {
    const r = readHeader(
      ['TỈNH ỦY YÊN BÁI', 'Số 12-QĐ/TU', 'ĐẢNG CỘNG SẢN VIỆT NAM', 'Yên Bái, ngày 30 tháng 02 năm 2023', 'về công tác cán bộ'].map((text) => ({
        text,
        page: 1,
        startsBlock: true,
      })),
    )
    expect(r.issuedAt).toBeUndefined()
    expect(r.type).toBeUndefined()
    expect(r.signer).toBeUndefined()
    expect(r.notes).toEqual([
      'Ngày ghi trên văn bản «Yên Bái, ngày 30 tháng 02 năm 2023» không phải là ngày có thật hoặc nằm ngoài khoảng 1930 đến nay.',
      'Không đọc được trích yếu (dòng nội dung tóm tắt dưới tên loại văn bản).',
      'Không thấy tên loại văn bản, và ký hiệu trong số 12-QĐ/TU dùng chung cho quy định và quyết định: hãy chọn loại văn bản.',
      'Không tìm thấy họ tên người ký ở cuối văn bản.',
    ])
    for (const note of r.notes) expect(note).toBe(note.normalize('NFC'))
  })

  it('reads nothing from a page without text, and does not claim the document is not secret', () => {
    const r = readHeader([])
    expect(r.secrecy).toBeUndefined()
    expect(r.notes).toEqual(['Không đọc được chữ nào trong tệp.'])
  })
})
