/**
 * A province's back catalogue as a folder of text PDFs, for the folder-import benchmark: N party
 * documents printed in the 36-HD layout (partyPdf.ts), from a seeded
 * PRNG so the same N and seed give the same bytes. Bodies are the real names of party bodies; every
 * number, title and paragraph is made up.
 */
import fs from 'node:fs'
import path from 'node:path'
import { partyDocumentPdf, type PartyDocumentSpec } from './partyPdf'
import { prng, type Rng } from '../publish-to-live/corpus'

export const CORPUS_VERSION = 1
export const DEFAULT_SEED = 20261203

interface Issuer {
  org: { name: string; code: string; kind: 'trung-uong' | 'tinh-uy' | 'dang-bo-truc-thuoc' | 'dang-bo-co-so' | 'chi-bo' }
  parentBody?: string
  body: string
  onBehalf: string
  position: string
  place: string
  code: string
  types: [heading: string, code: string][]
  weight: number
}

/** The catalogue the benchmark database holds before the import, and how each body prints its header. */
export const ISSUERS: Issuer[] = [
  {
    org: { name: 'Ban Chấp hành Trung ương', code: 'TW', kind: 'trung-uong' },
    body: 'BAN CHẤP HÀNH TRUNG ƯƠNG',
    onBehalf: 'T/M BAN CHẤP HÀNH TRUNG ƯƠNG',
    position: 'TỔNG BÍ THƯ',
    place: 'Hà Nội',
    code: 'TW',
    types: [
      ['NGHỊ QUYẾT', 'NQ'],
      ['QUY ĐỊNH', 'QĐ'],
      ['KẾT LUẬN', 'KL'],
    ],
    weight: 1,
  },
  {
    org: { name: 'Bộ Chính trị', code: 'TW', kind: 'trung-uong' },
    body: 'BAN CHẤP HÀNH TRUNG ƯƠNG',
    onBehalf: 'T/M BỘ CHÍNH TRỊ',
    position: 'TỔNG BÍ THƯ',
    place: 'Hà Nội',
    code: 'TW',
    types: [
      ['NGHỊ QUYẾT', 'NQ'],
      ['CHỈ THỊ', 'CT'],
      ['KẾT LUẬN', 'KL'],
      ['QUY ĐỊNH', 'QĐ'],
    ],
    weight: 2,
  },
  {
    org: { name: 'Ban Bí thư', code: 'TW', kind: 'trung-uong' },
    body: 'BAN CHẤP HÀNH TRUNG ƯƠNG',
    onBehalf: 'T/M BAN BÍ THƯ',
    position: 'THƯỜNG TRỰC BAN BÍ THƯ',
    place: 'Hà Nội',
    code: 'TW',
    types: [
      ['CHỈ THỊ', 'CT'],
      ['KẾT LUẬN', 'KL'],
      ['THÔNG TRI', 'TT'],
    ],
    weight: 2,
  },
  {
    org: { name: 'Ban Thường vụ Tỉnh ủy Yên Bái', code: 'TU', kind: 'tinh-uy' },
    body: 'TỈNH ỦY YÊN BÁI',
    onBehalf: 'T/M BAN THƯỜNG VỤ',
    position: 'BÍ THƯ',
    place: 'Yên Bái',
    code: 'TU',
    types: [
      ['CHỈ THỊ', 'CT'],
      ['KẾ HOẠCH', 'KH'],
      ['CHƯƠNG TRÌNH', 'CTr'],
      ['ĐỀ ÁN', 'ĐA'],
    ],
    weight: 6,
  },
  {
    org: { name: 'Tỉnh ủy Yên Bái', code: 'TU', kind: 'tinh-uy' },
    body: 'TỈNH ỦY YÊN BÁI',
    onBehalf: 'T/M TỈNH ỦY',
    position: 'BÍ THƯ',
    place: 'Yên Bái',
    code: 'TU',
    types: [
      ['NGHỊ QUYẾT', 'NQ'],
      ['BÁO CÁO', 'BC'],
    ],
    weight: 3,
  },
  {
    org: { name: 'Đảng ủy xã Đông An', code: 'ĐU', kind: 'dang-bo-co-so' },
    parentBody: 'ĐẢNG BỘ TỈNH YÊN BÁI',
    body: 'ĐẢNG ỦY XÃ ĐÔNG AN',
    onBehalf: 'T/M ĐẢNG ỦY',
    position: 'BÍ THƯ',
    place: 'Đông An',
    code: 'ĐU',
    types: [
      ['NGHỊ QUYẾT', 'NQ'],
      ['KẾ HOẠCH', 'KH'],
      ['QUY CHẾ', 'QC'],
      ['THÔNG BÁO', 'TB'],
    ],
    weight: 6,
  },
  {
    org: { name: 'Chi bộ thôn Đông Hòa', code: 'CB', kind: 'chi-bo' },
    parentBody: 'ĐẢNG BỘ XÃ ĐÔNG AN',
    body: 'CHI BỘ THÔN ĐÔNG HÒA',
    onBehalf: 'T/M CHI BỘ',
    position: 'BÍ THƯ',
    place: 'Đông An',
    code: 'CB',
    types: [
      ['KẾ HOẠCH', 'KH'],
      ['BÁO CÁO', 'BC'],
      ['THÔNG BÁO', 'TB'],
    ],
    weight: 4,
  },
]

const TOPICS = [
  'tăng cường công tác xây dựng, chỉnh đốn Đảng và hệ thống chính trị',
  'nâng cao chất lượng sinh hoạt chi bộ',
  'đẩy mạnh chuyển đổi số trong các cơ quan đảng',
  'học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
  'công tác kiểm tra, giám sát và kỷ luật của Đảng',
  'phát triển đảng viên ở vùng đồng bào dân tộc thiểu số',
  'bảo vệ nền tảng tư tưởng của Đảng',
  'thực hiện Quy định về những điều đảng viên không được làm',
  'công tác dân vận của hệ thống chính trị',
  'xây dựng nông thôn mới gắn với giảm nghèo bền vững',
]
const PEOPLE = ['Nguyễn Văn Thành', 'Trần Thị Hoa', 'Lê Quang Minh', 'Phạm Đức Long', 'Hoàng Thị Lan', 'Đỗ Mạnh Hùng', 'Vũ Văn Bình', 'Bùi Thị Thu']
const SENTENCES = [
  'Các cấp ủy, tổ chức đảng quán triệt sâu sắc mục tiêu, nhiệm vụ, giải pháp đề ra, cụ thể hóa thành chương trình, kế hoạch phù hợp với điều kiện của địa phương, đơn vị.',
  'Người đứng đầu cấp ủy chịu trách nhiệm trực tiếp trước cấp ủy cấp trên về kết quả thực hiện, định kỳ sơ kết, tổng kết, rút kinh nghiệm.',
  'Đổi mới nội dung, phương thức tuyên truyền, tạo sự thống nhất cao về nhận thức và hành động trong cán bộ, đảng viên và nhân dân.',
  'Tăng cường kiểm tra, giám sát việc thực hiện; kịp thời biểu dương, khen thưởng tập thể, cá nhân có thành tích, chấn chỉnh những hạn chế, thiếu sót.',
  'Bố trí đủ nguồn lực, phân công rõ người, rõ việc, rõ thời gian, rõ kết quả và báo cáo tiến độ hằng quý.',
]

export interface BenchDocument {
  file: string
  spec: PartyDocumentSpec
  issuer: string
}

function documentAt(i: number, r: Rng): BenchDocument {
  const issuer = r.weighted(ISSUERS.map((x) => [x, x.weight] as const))
  const [heading, code] = r.pick(issuer.types)
  const year = r.int(2000, 2025)
  // Numbers are unique per run: the sequence is the document's index, so no two collide.
  const number = `${i + 1}-${code}/${issuer.code}`
  const paragraphs = Array.from({ length: r.int(3, 9) }, () => `${r.pick(SENTENCES)} ${r.pick(SENTENCES)}`)
  const spec: PartyDocumentSpec = {
    parentBody: issuer.parentBody,
    body: issuer.body,
    number,
    secrecy: r.chance(0.03) ? 'MẬT' : undefined,
    place: issuer.place,
    date: [year, r.int(1, 12), r.int(1, 28)],
    type: heading,
    title: `về ${r.pick(TOPICS)}${r.chance(0.5) ? ` giai đoạn ${year}–${year + 5}` : ''}`,
    paragraphs,
    signature: { onBehalf: issuer.onBehalf, position: issuer.position, name: r.pick(PEOPLE) },
    recipients: ['- Như trên,', '- Lưu văn phòng.'],
  }
  const folder = `${year}/${issuer.code.toLowerCase().replace('đ', 'd')}`
  return { file: `${folder}/${String(i + 1).padStart(5, '0')}-${code.toLowerCase().replace('đ', 'd')}.pdf`, spec, issuer: issuer.org.name }
}

export function buildCorpus(count: number, seed = DEFAULT_SEED): BenchDocument[] {
  const r = prng(seed)
  return Array.from({ length: count }, (_, i) => documentAt(i, r))
}

/** Writes the PDFs into `dir` (skipped when `dir/corpus.json` says it already holds this corpus). */
export async function writeCorpus(dir: string, count: number, seed = DEFAULT_SEED): Promise<{ cached: boolean; bytes: number; ms: number }> {
  const stamp = path.join(dir, 'corpus.json')
  const key = JSON.stringify({ count, seed, version: CORPUS_VERSION })
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === key) {
    return { cached: true, bytes: 0, ms: 0 }
  }
  const started = performance.now()
  fs.rmSync(dir, { recursive: true, force: true })
  let bytes = 0
  for (const d of buildCorpus(count, seed)) {
    const pdf = await partyDocumentPdf(d.spec)
    fs.mkdirSync(path.dirname(path.join(dir, 'pdfs', d.file)), { recursive: true })
    fs.writeFileSync(path.join(dir, 'pdfs', d.file), pdf)
    bytes += pdf.length
  }
  fs.writeFileSync(stamp, key)
  return { cached: false, bytes, ms: performance.now() - started }
}
