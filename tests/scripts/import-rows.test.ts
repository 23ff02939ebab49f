import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  CSV_COLUMNS,
  ImportFileError,
  checkImportFile,
  countLines,
  readImportRows,
  validateImportRow,
  type ImportRow,
  type RowResult,
} from '../../scripts/import/rows'

const CORPUS = path.resolve(__dirname, '../../../shared/corpus/corpus.jsonl')
const FIXTURES = path.resolve(__dirname, '../fixtures/import')
const SAMPLE_CSV = path.join(FIXTURES, 'corpus-sample.csv')
const BAD_ROWS = path.join(FIXTURES, 'bad-rows.jsonl')
const BAD_HEADER = path.join(FIXTURES, 'bad-header.csv')

const corpusRecords: Record<string, unknown>[] = readFileSync(CORPUS, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l))

async function collect(file: string): Promise<RowResult[]> {
  const out: RowResult[] = []
  for await (const r of readImportRows(file)) out.push(r)
  return out
}

/** Runs the reader and returns what was yielded before it threw (if it threw). */
async function collectUntilError(file: string): Promise<{ rows: RowResult[]; error: unknown }> {
  const rows: RowResult[] = []
  try {
    for await (const r of readImportRows(file)) rows.push(r)
  } catch (error) {
    return { rows, error }
  }
  return { rows, error: undefined }
}

const okRows = (results: RowResult[]): ImportRow[] => results.flatMap((r) => (r.ok ? [r.row] : []))
const rejection = (results: RowResult[], line: number) => {
  const r = results.find((x) => x.line === line)
  if (!r) throw new Error(`no result for line ${line}`)
  if (r.ok) throw new Error(`line ${line} was accepted: ${JSON.stringify(r.row).slice(0, 200)}`)
  return r
}
const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i
const fieldMentions = (reason: string) => reason.match(/Trường «/g)?.length ?? 0

/** Every string anywhere in `value` is NFC. */
function allStringsNfc(value: unknown): boolean {
  if (typeof value === 'string') return value === value.normalize('NFC')
  if (Array.isArray(value)) return value.every(allStringsNfc)
  if (value && typeof value === 'object') return Object.values(value).every(allStringsNfc)
  return true
}

let tmp: string
beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'import-rows-'))
})
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true })
})
const tmpFile = (name: string, content: string | Buffer) => {
  const file = path.join(tmp, name)
  writeFileSync(file, content)
  return file
}

describe('reference corpus (corpus.jsonl)', () => {
  it('parses every one of the 67 lines, with the counts per kind from the README', async () => {
    const results = await collect(CORPUS)
    expect(results.filter((r) => !r.ok)).toEqual([])
    expect(results).toHaveLength(67)
    expect(results.map((r) => r.line)).toEqual(Array.from({ length: 67 }, (_, i) => i + 1))
    const rows = okRows(results)
    const count = (kind: string) => rows.filter((r) => r.kind === kind).length
    expect(count('document')).toBe(43)
    expect(count('news')).toBe(12)
    expect(count('topic')).toBe(6)
    expect(count('announcement')).toBe(6)
    const docs = rows.filter((r) => r.kind === 'document')
    expect(docs.filter((d) => d.audience === 'public')).toHaveLength(39)
    const internal = docs.filter((d) => d.audience === 'members')
    expect(internal).toHaveLength(4)
    expect(internal.every((d) => d.id.startsWith('internal-'))).toBe(true)
    expect(await countLines(CORPUS)).toBe(67)
  })

  it('keeps every record exactly as written (documents only gain the default secrecy "none")', async () => {
    const rows = okRows(await collect(CORPUS))
    rows.forEach((row, i) => {
      const record = corpusRecords[i]!
      const expected = record.kind === 'document' ? { ...record, secrecy: 'none' } : record
      expect(row).toStrictEqual(expected)
    })
  })
})

describe('CSV sample derived from the corpus (corpus-sample.csv)', () => {
  it('has the canonical header and is reproducible from make-csv.mjs', () => {
    const text = readFileSync(SAMPLE_CSV, 'utf8')
    expect(text.charCodeAt(0)).toBe(0xfeff)
    expect(text.slice(1, text.indexOf('\r\n')).split(',')).toEqual([...CSV_COLUMNS])
    const regenerated = path.join(tmp, 'regenerated.csv')
    execFileSync(process.execPath, [path.join(FIXTURES, 'make-csv.mjs'), CORPUS, regenerated])
    expect(readFileSync(regenerated, 'utf8')).toBe(text)
  })

  it('parses to rows deep-equal to the same records read from the JSONL', async () => {
    const fromJsonl = new Map(okRows(await collect(CORPUS)).map((r) => [r.id, r]))
    const results = await collect(SAMPLE_CSV)
    expect(results.filter((r) => !r.ok)).toEqual([])
    const rows = okRows(results)
    expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(['document', 'news', 'topic', 'announcement']))
    expect(rows.length).toBeGreaterThanOrEqual(8)
    for (const row of rows) expect(row).toStrictEqual(fromJsonl.get(row.id))
    // The edge cases made it through: superseded + null supersededBy, and an announcement without a meeting.
    const noMeeting = rows.find((r) => r.id === 'ann-2024-11-dong-hoa-ra-soat-thong-tin')
    expect(noMeeting).toMatchObject({ meetingAt: null, location: null })
    expect(rows.find((r) => r.id === 'quy-dinh-47-tw-2011')).toMatchObject({ status: 'superseded', supersededBy: 'quy-dinh-37-tw-2021' })
  })

  it('reports the physical line each record starts on, and the spreadsheet row', async () => {
    const physical = readFileSync(SAMPLE_CSV, 'utf8')
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)
    const results = await collect(SAMPLE_CSV)
    results.forEach((r, i) => {
      expect(r.sheetRow).toBe(i + 2)
      const id = r.ok ? r.row.id : r.id
      expect(physical[r.line - 1]!.startsWith(`${r.ok ? r.row.kind : ''},${id},`)).toBe(true)
    })
    // Multi-paragraph cells span several lines, so later records start well below their spreadsheet row.
    expect(results.at(-1)!.line).toBeGreaterThan(results.at(-1)!.sheetRow!)
  })
})

describe('bad-rows.jsonl', () => {
  let results: RowResult[]
  beforeAll(async () => {
    results = await collect(BAD_ROWS)
  })

  it('yields one result per non-blank line with true line numbers', () => {
    expect(results.map((r) => r.line)).toEqual([1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15])
  })

  it('accepts the good rows, whatever their neighbours', () => {
    expect(results.filter((r) => r.ok).map((r) => r.line)).toEqual([1, 3, 6, 10, 13])
    const rows = okRows(results)
    expect(rows.map((r) => r.kind)).toEqual(['document', 'document', 'news', 'topic', 'announcement'])
    const full = rows[1]!
    expect(full).toMatchObject({
      id: 'internal-quy-che-03-cb-tdp7-2024',
      term: '2022 - 2025',
      signer: 'T/M Chi ủy, Bí thư Chi bộ',
      secrecy: 'mat',
      attachments: ['quy-che-03-2024.pdf', 'phu-luc/phu-luc-1.docx'],
    })
    expect(rows[2]).toMatchObject({ kind: 'news', cover: 'anh/hoi-nghi-chi-bo.jpg', relatedDocuments: ['internal-quy-che-03-cb-tdp7-2024'] })
    const topic = rows[3]!
    expect(topic.kind === 'topic' && topic.questions[2]!.choices).toHaveLength(2)
  })

  const expectations: [line: number, id: string, fragments: string[]][] = [
    [2, 'internal-ke-hoach-02-cb-tdp7-2023', ['không phải JSON hợp lệ', 'ký tự thứ']],
    [5, 'bai-viet-2024-01-gioi-thieu', ['Trường «Loại bản ghi» (kind)', '«bai-viet»', 'document (văn bản)']],
    [7, 'internal-thong-bao-02-cb-tdp7-2024', ['Trường «Tiêu đề» (title)', 'bắt buộc']],
    [8, 'internal-thong-bao-03-cb-tdp7-2023', ['Trường «Ngày ban hành» (issuedAt)', '«2023-02-30»', 'không phải là ngày có thật']],
    [9, 'Nghị-Quyết-05-CB-2023', ['Trường «Mã định danh» (id)', 'chữ hoa', 'có dấu', '«nghi-quyet-05-cb-2023»']],
    [11, 'internal-quy-che-02-cb-tdp7-2023', ['Trường «Văn bản thay thế» (supersededBy)', 'bắt buộc', 'superseded']],
    [12, 'topic-2024-03-sinh-hoat-chuyen-de', ['Trường «Đáp án đúng» của câu hỏi số 2 (questions[1].answer)', 'từ 0 đến 3']],
    [14, 'internal-quy-che-03-cb-tdp7-2024', ['Trường «Mã định danh» (id)', 'bị trùng', 'dòng 3']],
    [15, 'news-2024-01-12-tdp7-hop-chi-uy', ['Trường «Cơ quan ban hành» (issuer)', 'không dùng cho bản ghi loại news']],
  ]

  it.each(expectations)('rejects line %i (%s) with a Vietnamese reason naming the problem', (line, id, fragments) => {
    const r = rejection(results, line)
    expect(r.id).toBe(id)
    for (const f of fragments) expect(r.reason).toContain(f)
    expect(r.reason).toBe(r.reason.normalize('NFC'))
    expect(r.reason).toMatch(VIETNAMESE)
    // Each bad row has exactly one thing wrong, and only that is reported.
    if (line !== 2) expect(fieldMentions(r.reason)).toBe(1)
  })

  it('gives exact, editor-readable reasons', () => {
    expect(rejection(results, 8).reason).toBe('Trường «Ngày ban hành» (issuedAt): «2023-02-30» không phải là ngày có thật trên lịch')
    expect(rejection(results, 7).reason).toBe('Trường «Tiêu đề» (title): bắt buộc nhưng đang bị thiếu hoặc để trống')
  })
})

describe('bad-header.csv', () => {
  it('is refused as a whole before any row is yielded', async () => {
    const { rows, error } = await collectUntilError(BAD_HEADER)
    expect(rows).toEqual([])
    expect(error).toBeInstanceOf(ImportFileError)
    const e = error as ImportFileError
    expect(e.code).toBe('csv-header')
    expect(e.message).toContain('«Ngày ban hành» (có phải ý bạn là «issuedAt»?)')
    expect(e.message).toContain('«ghiChu»')
    expect(e.message).toContain('Tệp chưa được nhập')
    expect(e.message).toBe(e.message.normalize('NFC'))
  })

  it('is refused by the preflight check too, while good files pass it', async () => {
    await expect(checkImportFile(BAD_HEADER)).rejects.toBeInstanceOf(ImportFileError)
    await expect(checkImportFile(SAMPLE_CSV)).resolves.toMatchObject({ format: 'csv', delimiter: ',', columns: [...CSV_COLUMNS] })
    await expect(checkImportFile(CORPUS)).resolves.toEqual({ format: 'jsonl' })
  })

  it('also refuses duplicate columns and a header without kind/id', async () => {
    const dup = tmpFile('dup.csv', 'kind,id,title,Title\ndocument,a,b,c\n')
    await expect(collect(dup)).rejects.toThrow(/«title» xuất hiện nhiều lần/)
    const noId = tmpFile('noid.csv', 'kind,title\nnews,Tin\n')
    await expect(collect(noId)).rejects.toThrow(/thiếu cột bắt buộc «id»/)
    const empty = tmpFile('empty.csv', '')
    await expect(collect(empty)).rejects.toMatchObject({ code: 'empty' })
  })
})

describe('NFC normalisation', () => {
  const ids = [
    'quyet-dinh-27-tw-2021',
    'news-2024-03-14-hoa-phong-tap-huan-so-tay-dang-vien',
    'topic-2024-07-sinh-hoat-chi-bo',
    'ann-2024-07-tdp7-sinh-hoat-thuong-ky',
  ]

  it('turns NFD JSONL input into the same NFC rows', async () => {
    const lines = readFileSync(CORPUS, 'utf8')
      .split('\n')
      .filter((l) => ids.some((id) => l.includes(`"id":"${id}"`)))
    expect(lines).toHaveLength(ids.length)
    const nfd = lines.map((l) => l.normalize('NFD')).join('\n')
    expect(nfd).not.toBe(lines.join('\n'))
    const rows = okRows(await collect(tmpFile('nfd.jsonl', nfd)))
    const expected = okRows(await collect(CORPUS)).filter((r) => ids.includes(r.id))
    expect(rows).toStrictEqual(expected)
    expect(allStringsNfc(rows)).toBe(true)
  })

  it('turns NFD CSV input into the same NFC rows', async () => {
    const nfd = readFileSync(SAMPLE_CSV, 'utf8').normalize('NFD')
    const rows = okRows(await collect(tmpFile('nfd.csv', nfd)))
    expect(rows).toStrictEqual(okRows(await collect(SAMPLE_CSV)))
    expect(rows).toHaveLength(8)
    expect(allStringsNfc(rows)).toBe(true)
  })
})

describe('CSV conventions', () => {
  const header =
    'kind,id,type,number,issuer,level,issuedAt,title,summary,fields,status,supersededBy,audience,lead,body,category,publishedAt,source,relatedDocuments'
  const doc =
    'document,chi-thi-01-cb-2024,chi-thi,01-CT/CB,Chi bộ thôn Đông Hòa,co-so,2024-01-05,Về sinh hoạt chi bộ,"Đoạn một.\n\nĐoạn hai, có dấu ""nháy""."," Xây dựng Đảng | Chuyển đổi số ",in-force,,members,,,,,,'
  const news = (id: string, extra: Partial<Record<'issuer' | 'related', string>> = {}) =>
    `news,${id},,,${extra.issuer ?? ''},,,Tin ngắn,,,,,,Sapo.,"Một.\n\nHai.\n\nBa.",quoc-te,2024-02-01,Ban Biên tập,${extra.related ?? ''}`

  it('handles CRLF, blank lines, empty rows, multi-line cells, lists and inapplicable columns', async () => {
    const lines = [
      header, // 1
      doc, // 2-4
      '', // 5
      ',,,,,,,,,,,,,,,,,,', // 6: spreadsheet's empty row
      news('tin-a', { issuer: 'Đảng ủy xã' }), // 7-11
      `${news('tin-b')},thừa`, // 12-16: one cell too many
      news('tin-c', { related: 'chi-thi-01-cb-2024| chi-thi-01-cb-2024 |' }), // 17-21
    ]
    const file = tmpFile('conventions.csv', `${lines.join('\n').replace(/\n/g, '\r\n')}\r\n`)
    const results = await collect(file)
    expect(results.map((r) => [r.line, r.sheetRow, r.ok])).toEqual([
      [2, 2, true],
      [7, 5, false],
      [12, 6, false],
      [17, 7, true],
    ])
    const [d, a, b, c] = results
    expect(d!.ok && d!.row).toMatchObject({
      summary: 'Đoạn một.\n\nĐoạn hai, có dấu "nháy".',
      fields: ['Xây dựng Đảng', 'Chuyển đổi số'],
      supersededBy: null,
      secrecy: 'none',
    })
    expect(d!.ok && 'attachments' in d!.row).toBe(false)
    expect(!a!.ok && a!.reason).toBe('Trường «Cơ quan ban hành» (issuer) không dùng cho bản ghi loại news (tin tức); hãy để trống hoặc bỏ trường này')
    expect(!b!.ok && b!.reason).toContain('20 ô nhưng dòng tiêu đề chỉ có 19 cột')
    expect(c!.ok && c!.row).toMatchObject({ body: 'Một.\n\nHai.\n\nBa.', relatedDocuments: ['chi-thi-01-cb-2024'] })
    expect(await countLines(file)).toBe(21)
  })

  it('rejects an unreadable questions cell once, naming the column', async () => {
    const file = tmpFile(
      'questions.csv',
      'kind,id,month,title,theme,body,questions\ntopic,topic-2024-05-x,2024-05,Tiêu đề,Chủ đề,"Một.\n\nHai.\n\nBa.","[{""question"": ""Hỏi?"""\n',
    )
    const [r] = await collect(file)
    expect(r).toMatchObject({ line: 2, ok: false, id: 'topic-2024-05-x' })
    expect(!r!.ok && r!.reason).toContain('Trường «Câu hỏi trắc nghiệm» (questions): ô này phải chứa một mảng JSON hợp lệ')
    expect(!r!.ok && fieldMentions(r!.reason)).toBe(1)
  })

  it('keeps the rows before an unclosed quote and reports where the damage starts', async () => {
    const unclosed = news('tin-x').replace('"Một.\n\nHai.\n\nBa."', '"Một. Hai. Ba.')
    const singleLine = news('tin-y').replace('"Một.\n\nHai.\n\nBa."', 'Một')
    const file = tmpFile('unclosed.csv', `${header}\n${doc}\n${unclosed}\n${singleLine}\n`)
    const results = await collect(file)
    expect(results).toHaveLength(2)
    expect(results[0]).toMatchObject({ line: 2, ok: true })
    const last = results[1]!
    expect(last.line).toBe(5)
    expect(!last.ok && last.reason).toContain('mở dấu nháy kép («"») mà không đóng, nên phần tệp từ sau dòng 4 đến hết tệp')
  })

  it('recovers after stray quotes: the damaged lines are rejected, the next record is read', async () => {
    const file = tmpFile('stray.csv', `${header}\n${doc}\n${news('tin-x').replace('"Một.', '"Một." hỏng "')}\n${news('tin-y')}\n`)
    const results = await collect(file)
    expect(results[0]).toMatchObject({ line: 2, ok: true })
    expect(results.slice(1, -1).every((r) => !r.ok && r.reason.includes('ô'))).toBe(true)
    expect(results.at(-1)).toMatchObject({ line: 10, ok: true, row: { id: 'tin-y' } })
  })

  it('accepts a semicolon-delimited file (Excel with Vietnamese regional settings)', async () => {
    const file = tmpFile(
      'semicolon.csv',
      'kind;id;title;body;organization;meetingAt;location;publishedAt\nannouncement;ann-x;Thông báo họp;"Họp; đủ.";Chi bộ A;2024-03-03T19:30:00+07:00;Nhà văn hóa;2024-03-01\n',
    )
    const results = await collect(file)
    expect(results).toEqual([
      {
        line: 2,
        sheetRow: 2,
        ok: true,
        row: {
          kind: 'announcement',
          id: 'ann-x',
          title: 'Thông báo họp',
          body: 'Họp; đủ.',
          organization: 'Chi bộ A',
          meetingAt: '2024-03-03T19:30:00+07:00',
          location: 'Nhà văn hóa',
          publishedAt: '2024-03-01',
          audience: 'members',
        },
      },
    ])
  })
})

describe('file-level refusals', () => {
  it('refuses unknown extensions, with a hint for .json and spreadsheets', async () => {
    const txt = tmpFile('data.txt', '{}\n')
    await expect(collect(txt)).rejects.toMatchObject({ code: 'unsupported-format' })
    const json = tmpFile('data.json', '[]')
    await expect(collect(json)).rejects.toThrow(/\.jsonl/)
    await expect(collect(tmpFile('data.xlsx', 'x'))).rejects.toThrow(/CSV UTF-8/)
  })

  it('refuses a missing file and non-UTF-8 files', async () => {
    await expect(collect(path.join(tmp, 'missing.jsonl'))).rejects.toMatchObject({ code: 'not-found' })
    // "Đảng" in Windows-1258 is not valid UTF-8.
    const cp1258 = tmpFile('cp1258.csv', Buffer.concat([Buffer.from('kind,id,title\nnews,a,'), Buffer.from([0xd0, 0xe3, 0x6e, 0x67]), Buffer.from('\n')]))
    await expect(collect(cp1258)).rejects.toMatchObject({ code: 'encoding' })
    const utf16 = tmpFile('utf16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('kind,id\n', 'utf16le')]))
    await expect(collect(utf16)).rejects.toMatchObject({ code: 'encoding' })
  })
})

describe('JSONL details', () => {
  const corpusLine = (id: string) =>
    readFileSync(CORPUS, 'utf8')
      .split('\n')
      .find((l) => l.includes(`"id":"${id}"`))!

  it('accepts a BOM, CRLF and blank lines, keeping line numbers true', async () => {
    const a = corpusLine('quyet-dinh-27-tw-2021')
    const b = corpusLine('ann-2024-11-dong-hoa-ra-soat-thong-tin')
    const file = tmpFile('bom.jsonl', `\uFEFF${a}\r\n\r\n   \r\n${b}\r\n[1, 2]\r\n`)
    const results = await collect(file)
    expect(results.map((r) => [r.line, r.ok])).toEqual([
      [1, true],
      [4, true],
      [5, false],
    ])
    expect(!results[2]!.ok && results[2]!.reason).toContain('phải là một đối tượng JSON')
    expect(await countLines(file)).toBe(5)
  })

  const base = {
    kind: 'document',
    id: 'cong-van-15-cv-tu-2020',
    type: 'cong-van',
    number: '15-CV/TU',
    issuer: 'Tỉnh ủy',
    level: 'tinh',
    issuedAt: '2020-04-01',
    title: 'Về việc báo cáo',
    summary: 'Tóm tắt.',
    fields: [],
    status: 'in-force',
    supersededBy: null,
    audience: 'public',
  }
  const reasonOf = (input: unknown) => {
    const r = validateImportRow(input)
    if (r.ok) throw new Error('accepted')
    return r.reason
  }

  it('is a little more permissive than the corpus where a back catalogue needs it', () => {
    const r = validateImportRow({ ...base, term: 13, signer: null, fullText: '', attachments: ['.\\cv\\15.pdf'] })
    expect(r.ok && r.row).toStrictEqual({ ...base, term: '13', secrecy: 'none', attachments: ['cv/15.pdf'] })
    const minimal = validateImportRow({ ...base, fields: undefined, supersededBy: undefined })
    expect(minimal.ok && minimal.row).toMatchObject({ fields: [], supersededBy: null })
  })

  it('explains common editor mistakes', () => {
    expect(reasonOf({ ...base, issuedAt: '1/4/2020' })).toBe(
      'Trường «Ngày ban hành» (issuedAt): «1/4/2020» phải được viết theo dạng NĂM-THÁNG-NGÀY (YYYY-MM-DD), tức là «2020-04-01»',
    )
    expect(reasonOf({ ...base, type: 'Công văn' })).toContain('có phải ý bạn là «cong-van»?')
    expect(reasonOf({ ...base, issueAt: '2020-04-01' })).toContain('Trường «issueAt» không được hỗ trợ (có phải ý bạn là «issuedAt»?)')
    expect(reasonOf({ ...base, status: 'expired', supersededBy: 'x-1' })).toContain('Trường «Văn bản thay thế» (supersededBy): chỉ được ghi khi')
    expect(reasonOf({ ...base, secrecy: 'mat' })).toContain('Trường «Đối tượng được xem» (audience)')
    expect(reasonOf({ ...base, attachments: ['../../etc/passwd'] })).toContain('Trường «Tệp đính kèm», mục thứ 1 (attachments[0])')
    expect(
      reasonOf({ kind: 'news', id: 'n', title: 't', lead: 'l', body: 'b', category: 'quoc-te', publishedAt: '2024-01-01', source: 's', cover: 'anh.pdf' }),
    ).toContain('Trường «Ảnh bìa» (cover): «anh.pdf» không phải tệp ảnh')
    expect(reasonOf({ ...base, summary: 'Đảng b\uFFFD' })).toContain('ký tự lỗi mã hóa')
  })

  it('checks announcements and quizzes', () => {
    const ann = { kind: 'announcement', id: 'ann-1', title: 'T', body: 'B', organization: 'Chi bộ', publishedAt: '2024-01-01' }
    expect(validateImportRow({ ...ann }).ok).toBe(true)
    expect(reasonOf({ ...ann, meetingAt: '2024-01-05 19:30' })).toContain('Trường «Thời gian họp» (meetingAt): «2024-01-05 19:30» thiếu múi giờ')
    expect(reasonOf({ ...ann, location: 'Nhà văn hóa' })).toBe(
      'Trường «Địa điểm họp» (location): phải để trống khi thông báo không có «Thời gian họp» (meetingAt)',
    )
    expect(reasonOf({ ...ann, meetingAt: '2024-01-05T19:30:00+07:00' })).toContain('Trường «Địa điểm họp» (location): bắt buộc')
    expect(reasonOf({ ...ann, audience: 'public' })).toContain('chỉ nhận giá trị «members»')
    const q = { question: 'Hỏi?', choices: ['A', 'B', 'C'], answer: 2, explanation: 'Vì C.' }
    const topic = { kind: 'topic', id: 'topic-1', month: '2024-01', title: 'T', theme: 'C', body: 'B', questions: [q] }
    expect(validateImportRow(topic).ok).toBe(true)
    expect(reasonOf({ ...topic, month: '1/2024' })).toContain('tức là «2024-01»')
    expect(reasonOf({ ...topic, questions: [{ ...q, choices: ['A', 'B', 'A'] }] })).toContain('phương án số 1 và số 3 trùng nhau')
    expect(reasonOf({ ...topic, questions: [{ ...q, choices: ['A'], answer: 0 }] })).toContain('Trường «Các phương án» của câu hỏi số 1 (questions[0].choices)')
    expect(reasonOf({ ...topic, questions: [{ ...q, answer: '2' }] })).toContain('viết không có dấu nháy')
    expect(reasonOf({ ...topic, questions: [] })).toContain('Trường «Câu hỏi trắc nghiệm» (questions): phải có ít nhất một mục')
  })
})
