import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, it, expect } from 'vitest'
import {
  DOCUMENT_CODES,
  type DocumentNumber,
  documentNumberCompactKey,
  documentNumberKey,
  documentNumberQueryKeys,
  documentNumberShortKey,
  findDocumentNumber,
  normalizeDocumentNumber,
  numberMatchesType,
  parseDocumentNumber,
  printedCode,
  tidyDocumentNumber,
  typeCodes,
  typeMismatchMessage,
  typesForCode,
  validateDocumentNumber,
} from '../../core/documentNumbers'
import { DOCUMENT_TYPES, type DocumentTypeSlug, documentTypeInfo, isDocumentTypeSlug } from '../../core/vocabulary'
import { fold, foldWords, slugify } from '../../core/vietnamese'

const nfd = (s: string) => s.normalize('NFD')
const VIETNAMESE_DIACRITIC = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i

function parsed(printed: string): DocumentNumber {
  const n = parseDocumentNumber(printed)
  if (n === null) throw new Error(`expected ${JSON.stringify(printed)} to parse`)
  return n
}

function found(query: string) {
  const f = findDocumentNumber(query)
  if (f === null) throw new Error(`expected a document number in ${JSON.stringify(query)}`)
  return f
}

describe('fold', () => {
  it('gives the same result for NFC and NFD input', () => {
    for (const s of [
      'Đảng Cộng sản Việt Nam',
      'Nghị quyết về công tác dân số trong tình hình mới',
      'Quy định số 08-QĐi/TW về trách nhiệm nêu gương',
      'Thường trực Tỉnh ủy Quảng Ngãi',
      'ướt át, ửng hồng, thuở ấy, người ở',
    ]) {
      expect(s.normalize('NFC')).not.toBe(nfd(s))
      expect(fold(nfd(s))).toBe(fold(s.normalize('NFC')))
    }
  })

  it('ignores the order of stacked combining marks', () => {
    // ệ typed as e + dot below + circumflex, and as e + circumflex + dot below.
    expect(fold('vi\u0065\u0323\u0302t')).toBe('viet')
    expect(fold('vi\u0065\u0302\u0323t')).toBe('viet')
  })

  it('folds đ/Đ (and the look-alike eth ð/Ð) to d', () => {
    expect(fold('Đảng')).toBe('dang')
    expect(fold('đường')).toBe('duong')
    expect(fold('ĐẢNG CỘNG SẢN VIỆT NAM')).toBe('dang cong san viet nam')
    expect(fold('Ðảng')).toBe('dang') // U+00D0
    expect(fold('ðường')).toBe('duong') // U+00F0
    expect(fold('QĐ QĐi ĐA ĐU')).toBe('qd qdi da du')
  })

  it('folds old and new tone placement to the same text', () => {
    const pairs: Array<[string, string]> = [
      ['hoà', 'hòa'],
      ['thuý', 'thúy'],
      ['xoá', 'xóa'],
      ['khoẻ', 'khỏe'],
      ['Tỉnh uỷ', 'Tỉnh ủy'],
      ['hoá học', 'hóa học'],
      ['loè', 'lòe'],
    ]
    for (const [oldStyle, newStyle] of pairs) {
      expect(oldStyle).not.toBe(newStyle)
      expect(fold(oldStyle)).toBe(fold(newStyle))
      expect(fold(nfd(oldStyle))).toBe(fold(newStyle))
    }
    expect(fold('Tỉnh uỷ')).toBe('tinh uy')
  })

  it('removes every Vietnamese vowel and tone mark', () => {
    expect(fold('a à á ả ã ạ ă ằ ắ ẳ ẵ ặ â ầ ấ ẩ ẫ ậ')).toBe('a a a a a a a a a a a a a a a a a a')
    expect(fold('ê ề ế ể ễ ệ ô ồ ố ổ ỗ ộ ơ ờ ớ ở ỡ ợ')).toBe('e e e e e e o o o o o o o o o o o o')
    expect(fold('ư ừ ứ ử ữ ự ỳ ý ỷ ỹ ỵ ì í ỉ ĩ ị')).toBe('u u u u u u y y y y y i i i i i')
    expect(fold('ƯỚT ÁT NGƯỜI Ở')).toBe('uot at nguoi o')
  })

  it('lower-cases mixed case', () => {
    expect(fold('NgHị QuYếT')).toBe('nghi quyet')
    expect(fold('BAN CHẤP HÀNH TRUNG ƯƠNG')).toBe('ban chap hanh trung uong')
  })

  it('collapses whitespace runs and trims, including NBSP, tabs, newlines and zero-width spaces', () => {
    expect(fold('  nghị \t quyết\n\nsố\u00A021 \u200B ')).toBe('nghi quyet so 21')
    expect(fold('   ')).toBe('')
    expect(fold('')).toBe('')
  })

  it('keeps digits and punctuation', () => {
    expect(fold('Số 21-NQ/TW, ngày 16/6/2022 (Hội nghị lần thứ năm).')).toBe('so 21-nq/tw, ngay 16/6/2022 (hoi nghi lan thu nam).')
  })

  it('drops soft hyphens and zero-width joiners that Word and PDF leave inside words', () => {
    expect(fold('nghị\u00ADquyết')).toBe('nghiquyet')
    expect(fold('Đả\u200Dng')).toBe('dang')
  })

  it('is idempotent', () => {
    const s = '  Nghị quyết số 21-NQ/TW   về Đảng  '
    expect(fold(fold(s))).toBe(fold(s))
  })

  it('keeps a long document fast enough for full-text indexing', () => {
    const paragraph = 'Tăng cường củng cố, xây dựng tổ chức cơ sở đảng và nâng cao chất lượng đội ngũ đảng viên trong giai đoạn mới. '
    const text = paragraph.repeat(20_000) // ≈ 2.3 MB
    const t0 = performance.now()
    const out = fold(text)
    const ms = performance.now() - t0
    expect(out.startsWith('tang cuong cung co, xay dung to chuc co so dang')).toBe(true)
    // Generous bound: a sanity check against accidental per-character work, not a benchmark.
    expect(ms).toBeLessThan(2_000)
  })
})

describe('foldWords', () => {
  it('splits folded text on anything that is not a letter or digit', () => {
    expect(foldWords('Nghị quyết 21-NQ/TW, về “Đảng”!')).toEqual(['nghi', 'quyet', '21', 'nq', 'tw', 've', 'dang'])
    expect(foldWords('ngày 16/6/2022 — (lần 2)')).toEqual(['ngay', '16', '6', '2022', 'lan', '2'])
  })

  it('returns no tokens for empty or punctuation-only input', () => {
    expect(foldWords('')).toEqual([])
    expect(foldWords(' -/ … “” ')).toEqual([])
  })

  it('is Unicode-aware: letters of other scripts stay tokens', () => {
    // æ and ø have no decomposition: they stay letters inside the word instead of splitting it.
    expect(foldWords('Ærø, Köln')).toEqual(['ærø', 'koln'])
    expect(foldWords('Москва и Köln')).toEqual(['москва', 'и', 'koln'])
    expect(foldWords('北京 2024')).toEqual(['北京', '2024'])
  })

  it('gives the same tokens for NFC and NFD input', () => {
    const s = 'Thường trực Tỉnh ủy Yên Bái ban hành Đề án 11-ĐA/TU'
    expect(foldWords(nfd(s))).toEqual(foldWords(s))
    expect(foldWords(s)).toEqual(['thuong', 'truc', 'tinh', 'uy', 'yen', 'bai', 'ban', 'hanh', 'de', 'an', '11', 'da', 'tu'])
  })
})

describe('slugify', () => {
  it('produces readable ASCII slugs', () => {
    expect(slugify('Nghị quyết 21-NQ/TW')).toBe('nghi-quyet-21-nq-tw')
    expect(slugify('  Đảng bộ tỉnh Thái Bình!! ')).toBe('dang-bo-tinh-thai-binh')
    expect(slugify(nfd('Quy định số 08-QĐi/TW'))).toBe('quy-dinh-so-08-qdi-tw')
    expect(slugify('—')).toBe('')
  })

  it('cuts long slugs at a word boundary', () => {
    const slug = slugify('Nghị quyết số 21 về công tác dân số trong tình hình mới', 20)
    expect(slug).toBe('nghi-quyet-so-21-ve')
    expect(slug.length).toBeLessThanOrEqual(20)
    expect(slugify('abcdefghijklmnop', 5)).toBe('abcde')
  })
})

describe('document types', () => {
  const required: Array<[DocumentTypeSlug, string, string[]]> = [
    ['nghi-quyet', 'Nghị quyết', ['nq']],
    ['chi-thi', 'Chỉ thị', ['ct']],
    ['quy-dinh', 'Quy định', ['qd', 'qdi']],
    ['quyet-dinh', 'Quyết định', ['qd']],
    ['ket-luan', 'Kết luận', ['kl']],
    ['huong-dan', 'Hướng dẫn', ['hd']],
    ['thong-bao', 'Thông báo', ['tb']],
    ['ke-hoach', 'Kế hoạch', ['kh']],
    ['de-an', 'Đề án', ['da']],
    ['bao-cao', 'Báo cáo', ['bc']],
    ['quy-che', 'Quy chế', ['qc']],
    ['chuong-trinh', 'Chương trình', ['ctr']],
    ['thong-tri', 'Thông tri', ['tt']],
    ['cong-van', 'Công văn', ['cv']],
  ]

  it.each(required)('%s is labelled %s with codes %j', (slug, label, codes) => {
    expect(isDocumentTypeSlug(slug)).toBe(true)
    expect(documentTypeInfo(slug).label).toBe(label)
    expect(typeCodes(slug)).toEqual(codes)
  })

  it('has unique ASCII slugs that are the slugified labels, and NFC labels with diacritics', () => {
    const slugs = DOCUMENT_TYPES.map((t) => t.slug)
    expect(new Set(slugs).size).toBe(slugs.length)
    for (const t of DOCUMENT_TYPES) {
      expect(t.slug).toMatch(/^[a-z]+(-[a-z]+)*$/)
      expect(slugify(t.label)).toBe(t.slug)
      expect(t.label).toBe(t.label.normalize('NFC'))
      expect(t.codes.length).toBe(t.printed.length)
      t.codes.forEach((code, i) => expect(fold(t.printed[i])).toBe(code))
    }
  })

  it('shares QĐ between quyết định and quy định, and QĐi belongs to quy định only', () => {
    expect(typesForCode('qd')).toEqual(['quy-dinh', 'quyet-dinh'])
    expect(typesForCode('QĐ')).toEqual(['quy-dinh', 'quyet-dinh'])
    expect(typesForCode('QĐi')).toEqual(['quy-dinh'])
    expect(typesForCode('XX')).toEqual([])
    expect(printedCode('qdi')).toBe('QĐi')
    expect(printedCode('ctr')).toBe('CTr')
    expect(DOCUMENT_CODES).toContain('qdi')
  })

  it('hands out copies that callers cannot use to corrupt the table', () => {
    const codes = typeCodes('nghi-quyet')
    codes.push('xx')
    expect(typeCodes('nghi-quyet')).toEqual(['nq'])
  })

  it('rejects unknown slugs', () => {
    expect(isDocumentTypeSlug('nghi quyet')).toBe(false)
    expect(isDocumentTypeSlug('Nghị quyết')).toBe(false)
  })
})

describe('parseDocumentNumber', () => {
  const cases: Array<[string, DocumentNumber]> = [
    ['21-NQ/TW', { seq: 21, code: 'nq', issuer: 'tw', year: null }],
    ['08-QĐi/TW', { seq: 8, code: 'qdi', issuer: 'tw', year: null }],
    ['11-ĐA/TU', { seq: 11, code: 'da', issuer: 'tu', year: null }],
    ['06-CTr/TU', { seq: 6, code: 'ctr', issuer: 'tu', year: null }],
    ['10-HD/BTGDVTU', { seq: 10, code: 'hd', issuer: 'btgdvtu', year: null }],
    ['132-CV/TU', { seq: 132, code: 'cv', issuer: 'tu', year: null }],
    ['96-CV/VPTU', { seq: 96, code: 'cv', issuer: 'vptu', year: null }],
    ['02-QC/ĐU', { seq: 2, code: 'qc', issuer: 'du', year: null }],
    ['339-QĐ/TW', { seq: 339, code: 'qd', issuer: 'tw', year: null }],
    ['12345-CV/TU', { seq: 12345, code: 'cv', issuer: 'tu', year: null }],
    ['1-TTr/TU', { seq: 1, code: 'ttr', issuer: 'tu', year: null }],
    ['15/2024/NĐ-CP', { seq: 15, code: 'nd', issuer: 'cp', year: 2024 }],
    ['13/2023/NĐ-CP', { seq: 13, code: 'nd', issuer: 'cp', year: 2023 }],
    ['15/2024/QĐ-TTg', { seq: 15, code: 'qd', issuer: 'ttg', year: 2024 }],
    ['01/2024/TT-BTC-BNV', { seq: 1, code: 'tt', issuer: 'btcbnv', year: 2024 }],
    ['123/QĐ-UBND', { seq: 123, code: 'qd', issuer: 'ubnd', year: null }],
    ['45/CT-TTg', { seq: 45, code: 'ct', issuer: 'ttg', year: null }],
  ]

  it.each(cases)('parses %s', (printed, expected) => {
    expect(parseDocumentNumber(printed)).toEqual(expected)
    expect(parseDocumentNumber(nfd(printed))).toEqual(expected)
  })

  it('drops leading zeros from the sequence number', () => {
    expect(parsed('08-QĐi/TW').seq).toBe(8)
    expect(parsed('008-QĐi/TW').seq).toBe(8)
    expect(normalizeDocumentNumber('08-QĐi/TW')).toBe(normalizeDocumentNumber('8-QĐi/TW'))
    expect(parsed('05/2024/NĐ-CP').seq).toBe(5)
  })

  it('tolerates spaces, case, NFD, typographic dashes, D for Đ and a leading "Số:"', () => {
    const spellings = [
      '27-QĐ/TW',
      ' 27-QĐ/TW ',
      '27 - QĐ / TW',
      '27-qđ/tw',
      '27-Qđ/Tw',
      nfd('27-QĐ/TW'),
      '27-QD/TW',
      '27-qd/tw',
      '27–QĐ/TW', // en dash
      '27‑QĐ/TW', // non-breaking hyphen
      '27−QĐ/TW', // minus sign
      '27-QĐ∕TW', // division slash
      '２７－ＱĐ／ＴＷ', // full-width
      '27-QÐ/TW', // eth instead of Đ
      '27-Q\u00ADĐ/TW', // soft hyphen
      'Số 27-QĐ/TW',
      'Số: 27-QĐ/TW',
      'số 27-QĐ/TW',
      nfd('SỐ: 27-QĐ/TW'),
      '027-QĐ/TW',
    ]
    for (const s of spellings) expect(normalizeDocumentNumber(s), JSON.stringify(s)).toBe('27-qd/tw')
  })

  it('reads the mistyped state shape of a party number onto the same key', () => {
    expect(normalizeDocumentNumber('27/QĐ-TW')).toBe('27-qd/tw')
  })

  const garbage = [
    '',
    '   ',
    'abc',
    '21',
    'NQ/TW',
    '21-NQ',
    '21-NQ/',
    '-NQ/TW',
    '/NQ-TW',
    '0-NQ/TW',
    '00-NQ/TW',
    '123456-NQ/TW',
    '21-XY/TW',
    '21-UBND/TW',
    '21-NQ/TƯ',
    '21-NQ/TW.',
    '21_NQ/TW',
    '21.NQ/TW',
    '21 NQ/TW',
    '21 NQ TW',
    '21NQ/TW',
    '21--NQ/TW',
    '21-NQ//TW',
    '21-NQ/1TW',
    '21-NQ/TW/2024',
    '21-NQ/TW 22-NQ/TW',
    '15/24/NĐ-CP',
    '15/1800/NĐ-CP',
    '15/20245/NĐ-CP',
    '123/UBND-VX',
    '٢١-NQ/TW',
    'Nghị quyết 21-NQ/TW',
    '21-NQ/TW?',
  ]
  it.each(garbage)('rejects %j', (s) => {
    expect(parseDocumentNumber(s)).toBeNull()
  })
})

describe('validateDocumentNumber', () => {
  it('accepts valid numbers', () => {
    for (const s of ['21-NQ/TW', '08-QĐi/TW', '15/2024/NĐ-CP', '123/QĐ-UBND', ' 11 - đa / tu ']) {
      expect(validateDocumentNumber(s)).toBe(true)
    }
  })

  function message(s: string): string {
    const m = validateDocumentNumber(s)
    if (m === true) throw new Error(`expected ${JSON.stringify(s)} to be rejected`)
    expect(m).toBe(m.normalize('NFC'))
    expect(m).toMatch(VIETNAMESE_DIACRITIC)
    return m
  }

  it('explains the expected form in Vietnamese', () => {
    for (const s of ['abc', '21', 'NQ/TW', '-NQ/TW', '21 NQ/TW', '21-NQ', '21-NQ//TW', '', '21-XY/TW']) {
      const m = message(s)
      expect(m).toContain('số-LOẠI/CƠ QUAN')
      expect(m).toContain('ví dụ 21-NQ/TW')
    }
  })

  it('names the specific problem', () => {
    expect(message('')).toContain('Chưa nhập')
    expect(message('21')).toContain('thiếu ký hiệu loại văn bản và cơ quan ban hành')
    expect(message('21-NQ')).toContain('Thiếu ký hiệu cơ quan ban hành')
    expect(message('NQ/TW')).toContain('phải bắt đầu bằng số thứ tự')
    expect(message('0-NQ/TW')).toContain('lớn hơn 0')
    expect(message('123456-NQ/TW')).toContain('nhiều nhất 5 chữ số')
    expect(message('21 NQ/TW')).toContain('khoảng trắng')
    expect(message('21-NQ/TƯ')).toContain('“Ư”')
    expect(message('21_NQ/TW')).toContain('“_”')
    expect(message('15/24/NĐ-CP')).toContain('Năm ban hành “24”')
    expect(message('21-NQ/1TW')).toContain('bắt đầu bằng chữ cái')
    const unknown = message('21-XY/TW')
    expect(unknown).toContain('“XY”')
    expect(unknown).toContain('NQ, CT, QĐ, QĐi')
  })

  it('agrees with parseDocumentNumber', () => {
    for (const s of ['21-NQ/TW', '21-NQ', 'abc', '15/2024/NĐ-CP', '0-NQ/TW', '27/QĐ-TW']) {
      expect(validateDocumentNumber(s) === true).toBe(parseDocumentNumber(s) !== null)
    }
  })
})

describe('document number keys', () => {
  it('uses "seq-code/issuer" without a year and "seq/year/code-issuer" with one', () => {
    expect(documentNumberKey(parsed('27-QĐ/TW'))).toBe('27-qd/tw')
    expect(documentNumberKey(parsed('08-QĐi/TW'))).toBe('8-qdi/tw')
    expect(documentNumberKey(parsed('10-HD/BTGDVTU'))).toBe('10-hd/btgdvtu')
    expect(documentNumberKey(parsed('15/2024/NĐ-CP'))).toBe('15/2024/nd-cp')
    expect(documentNumberKey(parsed('123/QĐ-UBND'))).toBe('123-qd/ubnd')
    expect(documentNumberKey({ seq: 27, code: 'qd', issuer: null, year: null })).toBe('27-qd')
  })

  it('keeps QĐ and QĐi apart, and Đ and D together', () => {
    expect(normalizeDocumentNumber('08-QĐi/TW')).not.toBe(normalizeDocumentNumber('08-QĐ/TW'))
    expect(normalizeDocumentNumber('11-ĐA/TU')).toBe(normalizeDocumentNumber('11-DA/TU'))
  })

  it('gives short and compact keys', () => {
    expect(documentNumberShortKey(parsed('27-QĐ/TW'))).toBe('27-qd')
    expect(documentNumberShortKey(parsed('15/2024/NĐ-CP'))).toBe('15-nd')
    expect(documentNumberCompactKey(parsed('27-QĐ/TW'))).toBe('27qdtw')
  })

  it('tidies the printed form without changing meaningful case', () => {
    expect(tidyDocumentNumber(' Số: 08 – QÐi / TW ')).toBe('08-QĐi/TW')
    expect(tidyDocumentNumber(nfd('15 /2024/ NĐ-CP'))).toBe('15/2024/NĐ-CP')
    expect(tidyDocumentNumber('21-NQ')).toBeNull()
  })
})

describe('numberMatchesType and typeMismatchMessage', () => {
  it('accepts QĐ for both quy định and quyết định, QĐi for quy định only', () => {
    const qd = parsed('37-QĐ/TW')
    expect(numberMatchesType(qd, 'quy-dinh')).toBe(true)
    expect(numberMatchesType(qd, 'quyet-dinh')).toBe(true)
    expect(numberMatchesType(qd, 'chi-thi')).toBe(false)
    const qdi = parsed('08-QĐi/TW')
    expect(numberMatchesType(qdi, 'quy-dinh')).toBe(true)
    expect(numberMatchesType(qdi, 'quyet-dinh')).toBe(false)
  })

  it('warns in Vietnamese when 21-NQ/TW is filed as a chỉ thị', () => {
    const n = parsed('21-NQ/TW')
    expect(numberMatchesType(n, 'chi-thi')).toBe(false)
    const m = typeMismatchMessage(n, 'chi-thi')
    expect(m).not.toBeNull()
    expect(m).toContain('“NQ”')
    expect(m).toContain('nghị quyết')
    expect(m).toContain('“Chỉ thị”')
    expect(m).toBe(m!.normalize('NFC'))
    expect(typeMismatchMessage(n, 'nghi-quyet')).toBeNull()
    expect(typeMismatchMessage(parsed('08-QĐi/TW'), 'quyet-dinh')).toContain('quy định')
  })
})

describe('findDocumentNumber', () => {
  it('resolves every spelling of 27-QĐ/TW to the same key', () => {
    const key = normalizeDocumentNumber('27-QĐ/TW')
    for (const q of [
      '27-QĐ/TW',
      '27/QĐ-TW',
      'qđ 27/tw',
      'QĐ 27/TW',
      '27 qd tw',
      '27 QĐ TW',
      '27qdtw',
      'qd 27 tw',
      'QĐ-27/TW',
      nfd('Quyết định số 27-QĐ/TW'),
      'quyet dinh so 27 qd tw',
    ]) {
      const f = found(q)
      expect(documentNumberQueryKeys(f), q).toEqual([key])
      expect(f.rest, q).toBe('')
    }
  })

  it('offers short keys when no issuer was typed, one per candidate code', () => {
    expect(documentNumberQueryKeys(found('quy định 213'))).toEqual(['213-qd', '213-qdi'])
    expect(documentNumberQueryKeys(found('nghị định 13/2023'))).toEqual([documentNumberShortKey(parsed('13/2023/NĐ-CP'))])
    expect(documentNumberQueryKeys(found('15/2024/nđ-cp'))).toEqual([normalizeDocumentNumber('15/2024/NĐ-CP')])
  })

  it('detects a number without issuer and offers the short key', () => {
    const f = found('QĐ 27')
    expect(f).toEqual({ seq: 27, codes: ['qd'], issuer: null, year: null, rest: '' })
    expect(documentNumberQueryKeys(f)).toEqual([documentNumberShortKey(parsed('27-QĐ/TW'))])
  })

  const cases: Array<[string, { seq: number; codes: string[]; issuer: string | null; year: number | null }]> = [
    ['nq 57', { seq: 57, codes: ['nq'], issuer: null, year: null }],
    ['NQ57', { seq: 57, codes: ['nq'], issuer: null, year: null }],
    ['08-QĐi/TW', { seq: 8, codes: ['qdi'], issuer: 'tw', year: null }],
    ['qdi 08', { seq: 8, codes: ['qdi'], issuer: null, year: null }],
    ['nghi quyet 21', { seq: 21, codes: ['nq'], issuer: null, year: null }],
    ['nghiquyet 21', { seq: 21, codes: ['nq'], issuer: null, year: null }],
    ['Nghị quyết số 21', { seq: 21, codes: ['nq'], issuer: null, year: null }],
    ['quyết định 213', { seq: 213, codes: ['qd'], issuer: null, year: null }],
    ['quy dinh 213', { seq: 213, codes: ['qd', 'qdi'], issuer: null, year: null }],
    ['Quy định 213', { seq: 213, codes: ['qd', 'qdi'], issuer: null, year: null }],
    ['qd 213', { seq: 213, codes: ['qd'], issuer: null, year: null }],
    ['chỉ thị 35 tw', { seq: 35, codes: ['ct'], issuer: 'tw', year: null }],
    ['chi thi 35 trung uong', { seq: 35, codes: ['ct'], issuer: 'tw', year: null }],
    ['chỉ thị 05 của Bộ Chính trị', { seq: 5, codes: ['ct'], issuer: 'tw', year: null }],
    ['Nghị quyết số 21-NQ/TW', { seq: 21, codes: ['nq'], issuer: 'tw', year: null }],
    ['đề án 11-đa/tu', { seq: 11, codes: ['da'], issuer: 'tu', year: null }],
    ['de an 11', { seq: 11, codes: ['da'], issuer: null, year: null }],
    ['chương trình 06-CTr/TU', { seq: 6, codes: ['ctr'], issuer: 'tu', year: null }],
    ['thông tri 3', { seq: 3, codes: ['tt'], issuer: null, year: null }],
    ['hướng dẫn 10 btgdvtu', { seq: 10, codes: ['hd'], issuer: 'btgdvtu', year: null }],
    ['cv 132/tu', { seq: 132, codes: ['cv'], issuer: 'tu', year: null }],
    ['15/2024/nđ-cp', { seq: 15, codes: ['nd'], issuer: 'cp', year: 2024 }],
    ['Nghị định số 13/2023/NĐ-CP', { seq: 13, codes: ['nd'], issuer: 'cp', year: 2023 }],
    ['123/QĐ-UBND', { seq: 123, codes: ['qd'], issuer: 'ubnd', year: null }],
    ['2015-CV/TU', { seq: 2015, codes: ['cv'], issuer: 'tu', year: null }],
    ['21 nq', { seq: 21, codes: ['nq'], issuer: null, year: null }],
    ['nghị định 13/2023', { seq: 13, codes: ['nd'], issuer: null, year: 2023 }],
  ]
  it.each(cases)('reads %j', (query, expected) => {
    expect(found(query)).toEqual({ ...expected, rest: '' })
    // Members type without accents; NFD input arrives from some keyboards.
    expect(found(fold(query))).toEqual({ ...expected, rest: '' })
    expect(found(nfd(query))).toEqual({ ...expected, rest: '' })
  })

  it('returns the rest of the query, folded, without the number', () => {
    expect(found('tìm NQ 57 về khoa học công nghệ').rest).toBe('tim ve khoa hoc cong nghe')
    expect(found('Nghị quyết số 21-NQ/TW, về công tác dân số').rest).toBe('ve cong tac dan so')
    expect(found('21 nq ve dan so').rest).toBe('ve dan so')
    expect(found('quy định 213 đảng viên đang công tác').rest).toBe('dang vien dang cong tac')
    expect(found('kết luận 21 hội nghị trung ương 4')).toMatchObject({ seq: 21, issuer: null, rest: 'hoi nghi trung uong 4' })
    expect(found('quy định 213 đã ngưng hiệu lực')).toMatchObject({ seq: 213, issuer: null, rest: 'da ngung hieu luc' })
    expect(found('Quyết định 1234/QĐ-UBND ngày 5/6/2024')).toMatchObject({ seq: 1234, issuer: 'ubnd', rest: 'ngay 5/6/2024' })
  })

  it('reads syllable-like issuer codes only at the end of the query', () => {
    expect(found('chi thi 19 tu')).toMatchObject({ seq: 19, codes: ['ct'], issuer: 'tu', rest: '' })
    expect(found('nghị quyết 21 từ năm 2017')).toMatchObject({ seq: 21, issuer: null, rest: 'tu nam 2017' })
    expect(found('nghị quyết 21 năm 2017')).toMatchObject({ seq: 21, issuer: null, rest: 'nam 2017' })
  })

  const notNumbers = [
    '',
    '21',
    'số 21',
    '2024',
    '12/3/2024',
    'ngày 12/3/2024',
    'quyết định 12/3/2024',
    'nghị quyết 2024',
    'nghi quyet nam 2024',
    'chỉ thị tỉnh ủy 2023',
    'chỉ thị 2023 tỉnh ủy',
    'kế hoạch 5 năm',
    'nghị quyết',
    'NQ/TW',
    'học tập nghị quyết đại hội 13',
    'hoà bình 21',
    '10.000 đảng viên',
    'quy định 19 điều đảng viên không được làm',
    '213 đảng viên',
    '50% nq',
    'nq 0',
    'thông tin 21',
    'an toàn thông tin 2024',
  ]
  it.each(notNumbers)('does not take %j for a document number', (q) => {
    expect(findDocumentNumber(q)).toBeNull()
  })
})

// ---------------------------------------------------------------------------------------------
// The shared corpus: real party document numbers
// ---------------------------------------------------------------------------------------------

interface CorpusDocument {
  kind: 'document'
  id: string
  type: string
  number: string
  issuedAt: string
  title: string
  summary: string
}
type CorpusRecord = CorpusDocument | { kind: 'news' | 'topic' | 'announcement'; id: string; [key: string]: unknown }

const corpusPath = path.resolve(__dirname, '../../../shared/corpus/corpus.jsonl')
const records: CorpusRecord[] = readFileSync(corpusPath, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as CorpusRecord)
const documents = records.filter((r): r is CorpusDocument => r.kind === 'document')

function proseOf(r: CorpusRecord): string {
  const parts: string[] = []
  const walk = (v: unknown): void => {
    if (typeof v === 'string') parts.push(v)
    else if (Array.isArray(v)) v.forEach(walk)
    else if (v && typeof v === 'object') Object.values(v).forEach(walk)
  }
  for (const [k, v] of Object.entries(r)) if (!['id', 'kind', 'number', 'relatedDocuments', 'supersededBy'].includes(k)) walk(v)
  return parts.join('\n')
}

describe('shared corpus', () => {
  it('has documents', () => {
    expect(documents.length).toBeGreaterThan(0)
  })

  it.each(documents.map((d) => [d.id, d] as const))('%s: number parses and its code matches its type', (_id, d) => {
    expect(isDocumentTypeSlug(d.type)).toBe(true)
    const n = parsed(d.number)
    expect(validateDocumentNumber(d.number)).toBe(true)
    expect(numberMatchesType(n, d.type as DocumentTypeSlug)).toBe(true)
    expect(typeMismatchMessage(n, d.type as DocumentTypeSlug)).toBeNull()

    const key = documentNumberKey(n)
    expect(key).toMatch(/^[1-9]\d{0,4}-[a-z]+\/[a-z][a-z0-9]*$/)
    expect(tidyDocumentNumber(d.number)).toBe(d.number)
    // The corpus ids embed the printed sequence and the issuer code: "de-an-11-tu-yen-bai-2022".
    const printedSeq = d.number.split('-')[0]
    expect(d.id.replace(/^internal-/, '')).toMatch(new RegExp(`^${d.type}-${printedSeq}-${n.issuer}-`))

    // A member's search finds the same key however the number is typed.
    const label = documentTypeInfo(d.type as DocumentTypeSlug).label
    for (const q of [d.number, fold(d.number), `${label} số ${d.number}`, fold(`${label} số ${d.number}`), `${n.code} ${n.seq} ${n.issuer}`]) {
      expect(documentNumberQueryKeys(found(q)), q).toContain(key)
    }
    const loose = found(fold(`${label} ${printedSeq}`))
    expect(loose.seq).toBe(n.seq)
    expect(loose.codes).toContain(n.code)
  })

  it('only repeats a key for different documents issued in different years', () => {
    const byKey = new Map<string, CorpusDocument[]>()
    for (const d of documents) {
      const key = normalizeDocumentNumber(d.number)!
      byKey.set(key, [...(byKey.get(key) ?? []), d])
    }
    for (const [, docs] of byKey) {
      const years = docs.map((d) => d.issuedAt.slice(0, 4))
      expect(new Set(years).size).toBe(years.length)
    }
  })

  it('finds every number cited in the prose, with a type word that fits, pointing at a corpus document', () => {
    const known = new Set(documents.map((d) => normalizeDocumentNumber(d.number)))
    const citation = /([\p{L}]+ [\p{L}]+ )?số (\d{1,5}-[\p{L}]+\/[\p{L}]+)/gu
    let checked = 0
    for (const r of records) {
      for (const m of proseOf(r).matchAll(citation)) {
        const f = found(m[0])
        const key = normalizeDocumentNumber(m[2])
        expect(key, m[0]).not.toBeNull()
        expect(documentNumberQueryKeys(f), `${r.id}: ${m[0]}`).toContain(key)
        expect(known.has(key), `${r.id} cites ${m[2]}`).toBe(true)
        const typeWord = m[1]?.trim()
        const wordType = DOCUMENT_TYPES.find((t) => fold(t.label) === fold(typeWord ?? ''))
        if (wordType) expect(typeCodes(wordType.slug), `${r.id}: ${m[0]}`).toContain(parsed(m[2]).code)
        checked++
      }
    }
    expect(checked).toBeGreaterThan(50)
  })

  it('folds all corpus text to ASCII letters', () => {
    for (const r of records) {
      const letters = fold(proseOf(r)).replace(/[^\p{L}]/gu, '')
      expect(letters, r.id).toMatch(/^[a-z]*$/)
      expect(fold(nfd(proseOf(r))), r.id).toBe(fold(proseOf(r)))
    }
  })
})
