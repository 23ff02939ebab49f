/**
 * The publish-to-live benchmark corpus, as plain data: organizations, subjects, N items (3 documents
 * for every news item) and monthly topics, all derived from one seeded PRNG. No Payload here, so
 * the same seed always describes the same library; generate.ts writes it into the CMS.
 *
 * Text is assembled from Vietnamese phrase banks (NFC). The names of bodies are the real names of
 * party bodies, but every number, title and summary is made up: this corpus is for measuring, never
 * for publishing.
 */
import { DOCUMENT_TYPES, type DocumentTypeSlug } from '../../core/vocabulary'
import { parseDocumentNumber } from '../../core/documentNumbers'
import { slugify } from '../../core/vietnamese'

/** Bumped whenever the corpus for a given seed changes, so cached databases are regenerated. */
export const CORPUS_VERSION = 1
export const DEFAULT_SEED = 20261122

// ---------------------------------------------------------------------------------------------
// Deterministic randomness
// ---------------------------------------------------------------------------------------------

/** sfc32 seeded through splitmix32: fast, good enough, identical on every platform. */
export function prng(seed: number) {
  let s = seed >>> 0
  const split = () => {
    s = (s + 0x9e3779b9) >>> 0
    let z = s
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0
    return (z ^ (z >>> 16)) >>> 0
  }
  let a = split(),
    b = split(),
    c = split(),
    d = split()
  const next = () => {
    const t = (((a + b) >>> 0) + d) >>> 0
    d = (d + 1) >>> 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) >>> 0
    c = ((c << 21) | (c >>> 11)) >>> 0
    c = (c + t) >>> 0
    return t / 4294967296
  }
  for (let i = 0; i < 12; i++) next()
  const r = {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!,
    chance: (p: number) => next() < p,
    weighted: <T>(entries: ReadonlyArray<readonly [T, number]>): T => {
      const total = entries.reduce((sum, [, w]) => sum + w, 0)
      let x = next() * total
      for (const [value, w] of entries) if ((x -= w) < 0) return value
      return entries[entries.length - 1]![0]
    },
    /** k distinct elements, in list order. */
    sample: <T>(list: readonly T[], k: number): T[] => {
      const chosen = new Set<number>()
      while (chosen.size < Math.min(k, list.length)) chosen.add(Math.floor(next() * list.length))
      return [...chosen].sort((x, y) => x - y).map((i) => list[i]!)
    },
  }
  return r
}
export type Rng = ReturnType<typeof prng>

// ---------------------------------------------------------------------------------------------
// Organizations and subjects
// ---------------------------------------------------------------------------------------------

export type OrganizationKind = 'trung-uong' | 'tinh-uy' | 'dang-bo-truc-thuoc' | 'dang-bo-co-so' | 'chi-bo'
export type Level = 'trung-uong' | 'tinh' | 'huyen' | 'co-so'

export interface OrganizationSpec {
  key: string
  name: string
  /** Printed issuing-body code, the part after "/" (or after "-" in state numbers). */
  code: string
  kind: OrganizationKind
  parent?: string
  level: Level
  /** How often this body issues, relative to the others. */
  weight: number
  /** The document types it issues. */
  types: DocumentTypeSlug[]
  /** Term scheme for party numbering: central congress terms, provincial 5-year terms, or yearly (state). */
  terms: 'central' | 'provincial' | 'year'
  /** Last day it issued anything (district party committees were dissolved on 1/7/2025). */
  until?: string
}

export const ORGANIZATIONS: OrganizationSpec[] = [
  {
    key: 'bchtw',
    name: 'Ban Chấp hành Trung ương',
    code: 'TW',
    kind: 'trung-uong',
    level: 'trung-uong',
    weight: 3,
    types: ['nghi-quyet', 'quy-dinh', 'ket-luan', 'quyet-dinh'],
    terms: 'central',
  },
  {
    key: 'bct',
    name: 'Bộ Chính trị',
    code: 'TW',
    kind: 'trung-uong',
    level: 'trung-uong',
    weight: 6,
    types: ['nghi-quyet', 'chi-thi', 'quy-dinh', 'ket-luan', 'quyet-dinh', 'thong-bao', 'de-an', 'quy-che'],
    terms: 'central',
  },
  {
    key: 'bbt',
    name: 'Ban Bí thư',
    code: 'TW',
    kind: 'trung-uong',
    level: 'trung-uong',
    weight: 5,
    types: ['chi-thi', 'quyet-dinh', 'ket-luan', 'thong-bao', 'quy-dinh', 'thong-tri', 'huong-dan'],
    terms: 'central',
  },
  {
    key: 'vptw',
    name: 'Văn phòng Trung ương Đảng',
    code: 'VPTW',
    kind: 'trung-uong',
    level: 'trung-uong',
    weight: 3,
    types: ['huong-dan', 'cong-van', 'thong-bao', 'ke-hoach'],
    terms: 'central',
  },
  {
    key: 'btctw',
    name: 'Ban Tổ chức Trung ương',
    code: 'BTCTW',
    kind: 'trung-uong',
    level: 'trung-uong',
    weight: 3,
    types: ['huong-dan', 'cong-van', 'ke-hoach', 'bao-cao'],
    terms: 'central',
  },
  {
    key: 'ubkttw',
    name: 'Ủy ban Kiểm tra Trung ương',
    code: 'UBKTTW',
    kind: 'trung-uong',
    level: 'trung-uong',
    weight: 2,
    types: ['huong-dan', 'thong-bao', 'quyet-dinh', 'bao-cao'],
    terms: 'central',
  },
  {
    key: 'btgdvtw',
    name: 'Ban Tuyên giáo và Dân vận Trung ương',
    code: 'BTGDVTW',
    kind: 'trung-uong',
    level: 'trung-uong',
    weight: 3,
    types: ['huong-dan', 'cong-van', 'ke-hoach', 'de-an'],
    terms: 'central',
  },
  { key: 'cp', name: 'Chính phủ', code: 'CP', kind: 'trung-uong', level: 'trung-uong', weight: 2, types: ['nghi-dinh'], terms: 'year' },
  { key: 'bnv', name: 'Bộ Nội vụ', code: 'BNV', kind: 'trung-uong', level: 'trung-uong', weight: 1, types: ['thong-tu'], terms: 'year' },
  {
    key: 'bchtinh',
    name: 'Ban Chấp hành Đảng bộ tỉnh',
    code: 'TU',
    kind: 'tinh-uy',
    level: 'tinh',
    weight: 3,
    types: ['nghi-quyet', 'quy-che', 'chuong-trinh'],
    terms: 'provincial',
  },
  {
    key: 'btvtu',
    name: 'Ban Thường vụ Tỉnh ủy',
    code: 'TU',
    kind: 'tinh-uy',
    level: 'tinh',
    weight: 12,
    types: [
      'chi-thi',
      'ke-hoach',
      'quyet-dinh',
      'thong-bao',
      'ket-luan',
      'de-an',
      'quy-che',
      'chuong-trinh',
      'phuong-an',
      'quy-hoach',
      'to-trinh',
      'bao-cao',
      'quy-dinh',
    ],
    terms: 'provincial',
  },
  {
    key: 'vptu',
    name: 'Văn phòng Tỉnh ủy',
    code: 'VPTU',
    kind: 'tinh-uy',
    level: 'tinh',
    weight: 4,
    types: ['cong-van', 'huong-dan', 'thong-bao'],
    terms: 'provincial',
  },
  {
    key: 'btctu',
    name: 'Ban Tổ chức Tỉnh ủy',
    code: 'BTCTU',
    kind: 'tinh-uy',
    level: 'tinh',
    weight: 4,
    types: ['huong-dan', 'cong-van', 'to-trinh'],
    terms: 'provincial',
  },
  {
    key: 'ubkttu',
    name: 'Ủy ban Kiểm tra Tỉnh ủy',
    code: 'UBKTTU',
    kind: 'tinh-uy',
    level: 'tinh',
    weight: 3,
    types: ['thong-bao', 'quyet-dinh', 'bao-cao'],
    terms: 'provincial',
  },
  {
    key: 'btgdvtu',
    name: 'Ban Tuyên giáo và Dân vận Tỉnh ủy',
    code: 'BTGDVTU',
    kind: 'tinh-uy',
    level: 'tinh',
    weight: 4,
    types: ['huong-dan', 'ke-hoach', 'cong-van', 'de-an'],
    terms: 'provincial',
  },
  {
    key: 'ducq',
    name: 'Đảng ủy các cơ quan Đảng tỉnh',
    code: 'ĐU',
    kind: 'dang-bo-truc-thuoc',
    parent: 'btvtu',
    level: 'tinh',
    weight: 4,
    types: ['nghi-quyet', 'ke-hoach', 'chuong-trinh', 'bao-cao', 'thong-bao'],
    terms: 'provincial',
  },
  {
    key: 'duubnd',
    name: 'Đảng ủy Ủy ban nhân dân tỉnh',
    code: 'ĐU',
    kind: 'dang-bo-truc-thuoc',
    parent: 'btvtu',
    level: 'tinh',
    weight: 3,
    types: ['nghi-quyet', 'ke-hoach', 'chuong-trinh', 'bao-cao', 'thong-bao'],
    terms: 'provincial',
  },
  {
    key: 'hu',
    name: 'Huyện ủy Văn Bàn',
    code: 'HU',
    kind: 'dang-bo-truc-thuoc',
    parent: 'btvtu',
    level: 'huyen',
    weight: 5,
    types: ['nghi-quyet', 'chi-thi', 'ke-hoach', 'thong-bao', 'bao-cao', 'chuong-trinh', 'quyet-dinh'],
    terms: 'provincial',
    until: '2025-06-30',
  },
  {
    key: 'duhp',
    name: 'Đảng ủy xã Hòa Phong',
    code: 'ĐU',
    kind: 'dang-bo-co-so',
    parent: 'hu',
    level: 'co-so',
    weight: 4,
    types: ['nghi-quyet', 'ke-hoach', 'bao-cao', 'quy-che', 'thong-bao', 'phuong-an'],
    terms: 'provincial',
  },
  {
    key: 'dunc',
    name: 'Đảng ủy phường Nam Cường',
    code: 'ĐU',
    kind: 'dang-bo-co-so',
    parent: 'btvtu',
    level: 'co-so',
    weight: 3,
    types: ['nghi-quyet', 'ke-hoach', 'bao-cao', 'quy-che', 'thong-bao'],
    terms: 'provincial',
  },
  {
    key: 'cbtdp7',
    name: 'Chi bộ Tổ dân phố số 7',
    code: 'CB',
    kind: 'chi-bo',
    parent: 'dunc',
    level: 'co-so',
    weight: 2,
    types: ['nghi-quyet', 'ke-hoach', 'bao-cao', 'thong-bao'],
    terms: 'provincial',
  },
  {
    key: 'cbdh',
    name: 'Chi bộ thôn Đông Hòa',
    code: 'CB',
    kind: 'chi-bo',
    parent: 'duhp',
    level: 'co-so',
    weight: 2,
    types: ['nghi-quyet', 'ke-hoach', 'bao-cao', 'thong-bao'],
    terms: 'provincial',
  },
]

export const SUBJECTS = [
  'Xây dựng Đảng',
  'Tổ chức - Cán bộ',
  'Kiểm tra - Giám sát',
  'Tư tưởng - Văn hóa',
  'Dân vận',
  'Kinh tế - Xã hội',
  'Quốc phòng - An ninh',
  'Đối ngoại',
  'Chuyển đổi số',
  'Khoa học - Công nghệ',
  'Giáo dục - Đào tạo',
  'Y tế - Dân số',
  'Nông nghiệp - Nông thôn',
  'Phòng, chống tham nhũng',
  'Văn phòng cấp ủy',
] as const
type Subject = (typeof SUBJECTS)[number]

// ---------------------------------------------------------------------------------------------
// Phrase banks
// ---------------------------------------------------------------------------------------------

/** What documents of a subject are about: object phrases ("công tác …"), tasks and targets. */
const TOPICS: Record<Subject, { objects: string[]; tasks: string[]; targets: string[] }> = {
  'Xây dựng Đảng': {
    objects: [
      'công tác xây dựng, chỉnh đốn Đảng',
      'chất lượng sinh hoạt chi bộ',
      'công tác phát triển đảng viên',
      'năng lực lãnh đạo và sức chiến đấu của tổ chức cơ sở đảng',
      'công tác quản lý đảng viên',
      'việc thực hiện Điều lệ Đảng',
      'vai trò tiên phong, gương mẫu của cán bộ, đảng viên',
      'công tác đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên',
    ],
    tasks: [
      'đổi mới nội dung, hình thức sinh hoạt chi bộ theo hướng thiết thực',
      'rà soát, sàng lọc đưa những đảng viên không đủ tư cách ra khỏi Đảng',
      'chú trọng kết nạp đảng viên là đoàn viên thanh niên ưu tú',
      'kiện toàn, củng cố các tổ chức cơ sở đảng yếu kém',
      'phân công đảng viên phụ trách hộ gia đình ở khu dân cư',
      'nâng cao chất lượng đội ngũ bí thư chi bộ',
      'thực hiện nghiêm nguyên tắc tập trung dân chủ',
    ],
    targets: [
      'hằng năm có trên {p}% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên',
      'tỷ lệ kết nạp đảng viên mới hằng năm đạt từ {p2}% trở lên so với tổng số đảng viên',
      '100% thôn, tổ dân phố có chi bộ đảng',
    ],
  },
  'Tổ chức - Cán bộ': {
    objects: [
      'công tác cán bộ',
      'công tác quy hoạch, luân chuyển cán bộ',
      'việc sắp xếp tổ chức bộ máy của hệ thống chính trị',
      'đội ngũ cán bộ chủ chốt các cấp',
      'công tác đánh giá cán bộ',
      'việc phân cấp quản lý cán bộ',
      'chính sách đối với cán bộ, công chức cấp xã',
    ],
    tasks: [
      'xây dựng đội ngũ cán bộ đủ phẩm chất, năng lực và uy tín',
      'đánh giá cán bộ thực chất, gắn với kết quả thực hiện nhiệm vụ',
      'thực hiện luân chuyển cán bộ gắn với quy hoạch',
      'sắp xếp tổ chức bộ máy tinh gọn, hoạt động hiệu lực, hiệu quả',
      'tinh giản biên chế gắn với cơ cấu lại đội ngũ',
      'quan tâm đào tạo, bồi dưỡng cán bộ trẻ, cán bộ nữ, cán bộ người dân tộc thiểu số',
    ],
    targets: [
      'tỷ lệ cán bộ nữ trong cấp ủy đạt từ {p2}% trở lên',
      'giảm ít nhất {p2}% số đơn vị sự nghiệp công lập',
      '100% cán bộ diện quy hoạch được đào tạo, bồi dưỡng theo chức danh',
    ],
  },
  'Kiểm tra - Giám sát': {
    objects: [
      'công tác kiểm tra, giám sát và kỷ luật của Đảng',
      'việc thi hành kỷ luật đảng',
      'công tác giải quyết tố cáo, khiếu nại trong Đảng',
      'hoạt động của ủy ban kiểm tra các cấp',
      'việc kiểm tra tài chính đảng',
    ],
    tasks: [
      'tăng cường kiểm tra khi có dấu hiệu vi phạm',
      'giám sát thường xuyên việc tu dưỡng, rèn luyện đạo đức, lối sống của đảng viên',
      'xử lý kịp thời, nghiêm minh tổ chức đảng, đảng viên vi phạm',
      'nâng cao chất lượng đội ngũ cán bộ kiểm tra',
      'công khai kết quả kiểm tra, giám sát theo quy định',
    ],
    targets: ['100% tổ chức cơ sở đảng xây dựng và thực hiện chương trình kiểm tra, giám sát hằng năm', 'hằng năm kiểm tra ít nhất {p}% số chi bộ trực thuộc'],
  },
  'Tư tưởng - Văn hóa': {
    objects: [
      'việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
      'công tác bảo vệ nền tảng tư tưởng của Đảng',
      'công tác tuyên truyền, giáo dục chính trị tư tưởng',
      'việc xây dựng và phát triển văn hóa, con người Việt Nam',
      'công tác nắm bắt, định hướng dư luận xã hội',
    ],
    tasks: [
      'đưa việc học tập và làm theo Bác thành nội dung sinh hoạt thường xuyên của chi bộ',
      'chủ động đấu tranh phản bác các quan điểm sai trái, thù địch trên không gian mạng',
      'phát huy vai trò nêu gương của người đứng đầu',
      'đổi mới phương thức tuyên truyền, tăng cường ứng dụng mạng xã hội',
      'xây dựng, nhân rộng các điển hình tiên tiến',
    ],
    targets: ['100% cán bộ, đảng viên đăng ký và thực hiện việc làm theo gương Bác', 'trên {p}% khu dân cư đạt danh hiệu văn hóa'],
  },
  'Dân vận': {
    objects: [
      'công tác dân vận',
      'việc thực hiện quy chế dân chủ ở cơ sở',
      'phong trào thi đua “Dân vận khéo”',
      'vai trò của Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội',
      'mối quan hệ mật thiết giữa Đảng với Nhân dân',
    ],
    tasks: [
      'lắng nghe, giải quyết kịp thời các kiến nghị chính đáng của Nhân dân',
      'phát huy quyền làm chủ của Nhân dân theo phương châm “dân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát, dân thụ hưởng”',
      'xây dựng và nhân rộng các mô hình “Dân vận khéo”',
      'tăng cường đối thoại giữa người đứng đầu cấp ủy với Nhân dân',
    ],
    targets: ['mỗi năm mỗi xã, phường có ít nhất một mô hình “Dân vận khéo”', 'trên {p}% kiến nghị của Nhân dân được giải quyết dứt điểm'],
  },
  'Kinh tế - Xã hội': {
    objects: [
      'nhiệm vụ phát triển kinh tế - xã hội',
      'công tác giảm nghèo bền vững',
      'việc thu hút đầu tư và phát triển doanh nghiệp',
      'phát triển du lịch',
      'quản lý đất đai, tài nguyên và bảo vệ môi trường',
      'phát triển hạ tầng giao thông',
    ],
    tasks: [
      'cải thiện môi trường đầu tư kinh doanh',
      'huy động các nguồn lực cho phát triển hạ tầng',
      'đẩy mạnh cải cách thủ tục hành chính',
      'phát triển kinh tế tập thể, hợp tác xã',
      'bảo đảm an sinh xã hội, chăm lo đời sống Nhân dân',
    ],
    targets: [
      'tốc độ tăng trưởng kinh tế bình quân đạt từ {p3}%/năm trở lên',
      'tỷ lệ hộ nghèo giảm bình quân {p4}%/năm',
      'thu nhập bình quân đầu người tăng {p2}% so với đầu nhiệm kỳ',
    ],
  },
  'Quốc phòng - An ninh': {
    objects: [
      'công tác quốc phòng, quân sự địa phương',
      'nhiệm vụ bảo đảm an ninh, trật tự',
      'việc xây dựng thế trận lòng dân',
      'phong trào toàn dân bảo vệ an ninh Tổ quốc',
      'công tác giáo dục quốc phòng và an ninh',
    ],
    tasks: [
      'xây dựng khu vực phòng thủ vững chắc',
      'chủ động nắm chắc tình hình, không để bị động, bất ngờ',
      'xây dựng lực lượng dân quân tự vệ vững mạnh, rộng khắp',
      'giữ vững an ninh chính trị, trật tự an toàn xã hội ở cơ sở',
    ],
    targets: ['100% cán bộ diện quy định được bồi dưỡng kiến thức quốc phòng và an ninh', 'trên {p}% xã, phường đạt tiêu chuẩn an toàn về an ninh, trật tự'],
  },
  'Đối ngoại': {
    objects: [
      'công tác đối ngoại',
      'hoạt động đối ngoại nhân dân',
      'hợp tác hữu nghị với các địa phương nước bạn',
      'công tác thông tin đối ngoại',
      'hội nhập quốc tế',
    ],
    tasks: [
      'chủ động mở rộng quan hệ hợp tác với các địa phương nước ngoài',
      'nâng cao hiệu quả thông tin đối ngoại',
      'quản lý chặt chẽ các đoàn ra, đoàn vào',
      'phát huy vai trò của người Việt Nam ở nước ngoài',
    ],
    targets: ['ký kết ít nhất {n} thỏa thuận hợp tác quốc tế trong nhiệm kỳ'],
  },
  'Chuyển đổi số': {
    objects: [
      'công tác chuyển đổi số',
      'việc ứng dụng công nghệ thông tin trong hoạt động của các cơ quan đảng',
      'chính quyền số và xã hội số',
      'việc xây dựng cơ sở dữ liệu đảng viên',
      'việc xử lý văn bản, hồ sơ công việc trên môi trường điện tử',
    ],
    tasks: [
      'hoàn thiện hạ tầng kỹ thuật và mạng thông tin diện rộng của Đảng',
      'đẩy mạnh sử dụng chữ ký số trong các cơ quan đảng',
      'bảo đảm an toàn, an ninh thông tin và giữ gìn bí mật của Đảng',
      'phổ cập kỹ năng số cho cán bộ, đảng viên và Nhân dân',
      'triển khai sổ tay đảng viên điện tử đến các chi bộ',
    ],
    targets: [
      '100% văn bản không mật được trao đổi trên môi trường điện tử',
      'trên {p}% đảng viên sử dụng sổ tay đảng viên điện tử',
      'kinh tế số chiếm khoảng {p2}% GRDP',
    ],
  },
  'Khoa học - Công nghệ': {
    objects: [
      'phát triển khoa học, công nghệ và đổi mới sáng tạo',
      'việc ứng dụng tiến bộ khoa học, kỹ thuật vào sản xuất',
      'hệ sinh thái khởi nghiệp đổi mới sáng tạo',
      'nguồn nhân lực chất lượng cao',
    ],
    tasks: [
      'tăng đầu tư cho nghiên cứu và ứng dụng khoa học, công nghệ',
      'đặt hàng nhiệm vụ khoa học gắn với nhu cầu thực tiễn',
      'thu hút chuyên gia, nhà khoa học về làm việc tại địa phương',
      'hỗ trợ doanh nghiệp đổi mới công nghệ',
    ],
    targets: ['chi cho khoa học, công nghệ đạt {p3}% tổng chi ngân sách', 'có ít nhất {n} sản phẩm được ứng dụng rộng rãi'],
  },
  'Giáo dục - Đào tạo': {
    objects: [
      'đổi mới căn bản, toàn diện giáo dục và đào tạo',
      'công tác đào tạo, bồi dưỡng lý luận chính trị',
      'chất lượng giáo dục mầm non và phổ thông',
      'công tác xã hội hóa giáo dục',
    ],
    tasks: [
      'đổi mới nội dung, chương trình bồi dưỡng lý luận chính trị',
      'nâng cao chất lượng đội ngũ nhà giáo',
      'đầu tư cơ sở vật chất trường học theo hướng chuẩn hóa',
      'khuyến khích học tập suốt đời, xây dựng xã hội học tập',
    ],
    targets: ['trên {p}% trường học đạt chuẩn quốc gia', '100% đảng viên mới được học lớp bồi dưỡng lý luận chính trị'],
  },
  'Y tế - Dân số': {
    objects: [
      'công tác bảo vệ, chăm sóc và nâng cao sức khỏe Nhân dân',
      'công tác dân số trong tình hình mới',
      'y tế cơ sở',
      'công tác phòng, chống dịch bệnh',
      'bảo hiểm y tế toàn dân',
    ],
    tasks: [
      'củng cố mạng lưới y tế cơ sở',
      'nâng cao chất lượng khám, chữa bệnh',
      'duy trì vững chắc mức sinh thay thế',
      'chủ động phòng, chống dịch bệnh',
      'quan tâm chăm sóc sức khỏe người cao tuổi',
    ],
    targets: ['tỷ lệ bao phủ bảo hiểm y tế đạt trên {p}%', '100% trạm y tế xã có bác sĩ'],
  },
  'Nông nghiệp - Nông thôn': {
    objects: [
      'nông nghiệp, nông dân, nông thôn',
      'chương trình mục tiêu quốc gia xây dựng nông thôn mới',
      'việc phát triển kinh tế hợp tác trong nông nghiệp',
      'sản phẩm OCOP',
      'việc cơ cấu lại ngành nông nghiệp',
    ],
    tasks: [
      'phát triển nông nghiệp hàng hóa gắn với chuỗi giá trị',
      'xây dựng nông thôn mới nâng cao, kiểu mẫu',
      'phát huy vai trò chủ thể của nông dân',
      'ứng dụng công nghệ cao trong sản xuất nông nghiệp',
    ],
    targets: ['trên {p}% số xã đạt chuẩn nông thôn mới nâng cao', 'có thêm ít nhất {n} sản phẩm OCOP đạt 3 sao trở lên'],
  },
  'Phòng, chống tham nhũng': {
    objects: [
      'công tác phòng, chống tham nhũng, tiêu cực',
      'việc kiểm soát quyền lực trong công tác cán bộ',
      'việc kê khai, kiểm soát tài sản, thu nhập',
      'công tác thực hành tiết kiệm, chống lãng phí',
    ],
    tasks: [
      'xử lý nghiêm, không có vùng cấm các hành vi tham nhũng, tiêu cực',
      'công khai, minh bạch hoạt động của cơ quan, đơn vị',
      'kiểm soát chặt chẽ việc kê khai tài sản, thu nhập',
      'phát huy vai trò giám sát của Nhân dân và báo chí',
    ],
    targets: ['100% cơ quan, đơn vị thực hiện công khai, minh bạch theo quy định', 'thu hồi trên {p}% tài sản bị thất thoát trong các vụ việc'],
  },
  'Văn phòng cấp ủy': {
    objects: [
      'công tác văn phòng cấp ủy',
      'thể thức và kỹ thuật trình bày văn bản của Đảng',
      'công tác văn thư, lưu trữ của Đảng',
      'công tác bảo vệ bí mật nhà nước trong các cơ quan đảng',
      'chế độ thông tin, báo cáo',
    ],
    tasks: [
      'chuẩn hóa thể thức văn bản của cấp ủy',
      'thực hiện nghiêm chế độ thông tin, báo cáo định kỳ',
      'số hóa tài liệu lưu trữ của Đảng',
      'quản lý chặt chẽ tài liệu mật',
    ],
    targets: ['100% văn bản của cấp ủy đúng thể thức', 'số hóa toàn bộ hồ sơ lưu trữ giai đoạn {y}'],
  },
}

const ACTIONS = [
  'tăng cường',
  'nâng cao chất lượng, hiệu quả',
  'đẩy mạnh',
  'tiếp tục đổi mới',
  'tăng cường sự lãnh đạo của Đảng đối với',
  'nâng cao hiệu quả',
  'đổi mới và nâng cao chất lượng',
  'chấn chỉnh, nâng cao chất lượng',
  'tiếp tục đẩy mạnh',
  'tăng cường sự lãnh đạo, chỉ đạo của cấp ủy đối với',
]
const SCOPES = [
  'trong tình hình mới',
  'trong giai đoạn hiện nay',
  'đến năm {y5}, định hướng đến năm {y10}',
  'giai đoạn {y} - {y5}',
  'trên địa bàn tỉnh',
  'trong toàn Đảng bộ',
  'đến năm {y10}, tầm nhìn đến năm {y20}',
  'trong thời gian tới',
]
const CENTRAL_SCOPES = [
  'trong tình hình mới',
  'trong giai đoạn hiện nay',
  'đến năm {y5}, định hướng đến năm {y10}',
  'giai đoạn {y} - {y5}',
  'trong toàn Đảng',
  'đến năm {y10}, tầm nhìn đến năm {y20}',
  'trong cả nước',
  'trong thời gian tới',
]
/** Chi bộ and grassroots committees plan for the year or the term, not for decades. */
const LOCAL_SCOPES = ['năm {y}', '6 tháng cuối năm {y}', 'trong thời gian tới', 'ở khu dân cư', 'trong nhiệm kỳ']
const EVENTS = [
  'Đại hội đảng bộ các cấp',
  'Tháng hành động vì an toàn thực phẩm',
  'kỷ niệm ngày thành lập Đảng Cộng sản Việt Nam',
  'đợt sinh hoạt chính trị',
  'Ngày hội Đại đoàn kết toàn dân tộc',
  'kiểm điểm, đánh giá, xếp loại chất lượng cuối năm',
  'kỷ niệm ngày sinh Chủ tịch Hồ Chí Minh',
  'diễn tập khu vực phòng thủ',
]
const DEPARTMENTS = [
  'Ban Tổ chức',
  'Ủy ban Kiểm tra',
  'Ban Tuyên giáo và Dân vận',
  'Văn phòng cấp ủy',
  'Đảng ủy các cơ quan Đảng',
  'Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội',
  'các cấp ủy, tổ chức đảng trực thuộc',
  'các cơ quan tham mưu, giúp việc',
]
const PERIODS = ['6 tháng một lần', 'hằng quý', 'hằng năm', 'định kỳ cuối năm']

const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Phan', 'Lò', 'Hà', 'Đinh']
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Thanh', 'Hữu', 'Quang', 'Ngọc', 'Xuân', 'Thu', 'Hồng', 'Kim', 'Công', 'Đình']
const GIVEN = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Giang',
  'Hà',
  'Hải',
  'Hạnh',
  'Hoa',
  'Hùng',
  'Hương',
  'Khánh',
  'Lan',
  'Long',
  'Mai',
  'Nam',
  'Nga',
  'Phúc',
  'Phương',
  'Quân',
  'Sơn',
  'Tâm',
  'Thành',
  'Thảo',
  'Thắng',
  'Trung',
  'Tuấn',
  'Vân',
  'Việt',
  'Yến',
]
const personName = (r: Rng) => `${r.pick(SURNAMES)} ${r.pick(MIDDLE)} ${r.pick(GIVEN)}`

// News
const PLACES = [
  'xã Hòa Phong',
  'phường Nam Cường',
  'thôn Đông Hòa',
  'Tổ dân phố số 7',
  'xã Tân Lập',
  'xã Minh An',
  'phường Bình Minh',
  'xã Sơn Thủy',
  'bản Nà Khương',
  'xã Khánh Yên',
  'phường Kim Tân',
  'xã Phú Nhuận',
]
const PARTY_UNITS = [
  'Đảng ủy xã Hòa Phong',
  'Đảng ủy phường Nam Cường',
  'Chi bộ thôn Đông Hòa',
  'Chi bộ Tổ dân phố số 7',
  'Đảng ủy xã Tân Lập',
  'Chi bộ bản Nà Khương',
  'Đảng ủy xã Minh An',
  'Chi bộ Trường Tiểu học Bình Minh',
  'Đảng ủy các cơ quan Đảng tỉnh',
  'Đảng ủy Ủy ban nhân dân tỉnh',
  'Chi bộ Trạm Y tế xã Sơn Thủy',
  'Đảng ủy phường Kim Tân',
]
const LEADER_ACTIVITIES = [
  'quán triệt, triển khai {doc}',
  'sơ kết {n} năm thực hiện {doc}',
  'tổng kết {n} năm thực hiện {doc}',
  'tổ chức hội nghị học tập {doc}',
  'kiểm tra việc thực hiện {doc} tại {place}',
  'ra nghị quyết chuyên đề về {object} năm {year}',
  'đối thoại với Nhân dân về {object} {month}',
  'giao ban công tác xây dựng Đảng {month}',
]
const CELL_ACTIVITIES = [
  'sinh hoạt chuyên đề “{theme}” {month}',
  'trao Huy hiệu {badge} năm tuổi Đảng cho đảng viên dịp {holiday} năm {year}',
  'kết nạp {n} đảng viên mới {month}',
  'ra mắt mô hình “{model}” tại {place}',
  'tổ chức sinh hoạt chi bộ thường kỳ {month}',
  'kiểm điểm, đánh giá, xếp loại đảng viên năm {year}',
  'thăm hỏi, tặng quà gia đình chính sách dịp {holiday} năm {year}',
  'phân công đảng viên phụ trách hộ gia đình tại {place} năm {year}',
]
const MODELS = [
  'Dân vận khéo',
  'Khu dân cư không rác thải nhựa',
  'Đảng viên giúp hộ nghèo',
  'Tuyến đường nở hoa',
  'Camera an ninh',
  'Chi bộ bốn tốt',
  'Đảng viên tiên phong chuyển đổi số',
  'Tổ công nghệ số cộng đồng',
]
const THEMES = [
  'Đảng viên với chuyển đổi số ở khu dân cư',
  'Học tập và làm theo tấm gương đạo đức Hồ Chí Minh',
  'Nêu gương của đảng viên nơi cư trú',
  'Giữ gìn vệ sinh môi trường khu dân cư',
  'Phòng, chống tin giả trên mạng xã hội',
  'Đảng viên tham gia xây dựng nông thôn mới',
  'Phát huy dân chủ ở cơ sở',
  'Bảo vệ nền tảng tư tưởng của Đảng',
]
const HOLIDAYS = ['Tết Nguyên đán', 'ngày Thương binh - Liệt sĩ 27/7', 'Quốc khánh 2/9', 'ngày Quốc tế Người cao tuổi']
const COUNTRIES = ['Lào', 'Campuchia', 'Cu-ba', 'Trung Quốc', 'Hàn Quốc', 'Nhật Bản', 'Xin-ga-po', 'Mông Cổ']
const INTERNATIONAL = [
  'Đoàn cán bộ {country} tìm hiểu mô hình {model} tại {place}',
  'Kinh nghiệm của {country} về {object}',
  'Tăng cường hợp tác hữu nghị giữa tỉnh và các địa phương của {country}',
  'Đoàn đại biểu tỉnh thăm và làm việc tại {country}',
  'Một số gợi mở từ kinh nghiệm {country} về {object}',
]
const USEFUL = [
  'Một số lưu ý bảo mật khi sử dụng sổ tay đảng viên điện tử',
  'Chăm sóc sức khỏe đảng viên cao tuổi {season}',
  'Hướng dẫn nộp đảng phí qua ứng dụng ngân hàng',
  'Cách nhận biết tin giả trên mạng xã hội',
  'Phòng bệnh đường hô hấp cho người cao tuổi khi {season}',
  'Hướng dẫn tra cứu văn bản trên sổ tay đảng viên điện tử',
  'Những điều cần biết về thủ tục chuyển sinh hoạt đảng',
  'Giữ an toàn tài khoản khi dùng dịch vụ công trực tuyến',
  'Lưu ý phòng, chống lừa đảo qua điện thoại {season}',
  'Cách dùng chữ ký số trên điện thoại',
]
const SEASONS = ['trong những ngày nắng nóng', 'khi thời tiết chuyển mùa', 'trong mùa mưa bão', 'dịp cuối năm', 'trong những ngày rét đậm']
/** Sentences of news bodies: meetings and local work, practical advice, international exchanges. */
const MEETING_SENTENCES = [
  'Hội nghị được tổ chức theo hình thức trực tiếp kết hợp trực tuyến đến các chi bộ trực thuộc.',
  'Các đại biểu đã thảo luận thẳng thắn, chỉ ra những hạn chế và nguyên nhân, đồng thời đề xuất nhiều giải pháp sát với thực tiễn.',
  'Phát biểu chỉ đạo, đồng chí bí thư đề nghị các chi bộ cụ thể hóa nội dung thành chương trình, kế hoạch hành động với lộ trình rõ ràng.',
  'Qua {n} năm triển khai, nhận thức của cán bộ, đảng viên và Nhân dân có nhiều chuyển biến tích cực.',
  'Bên cạnh kết quả đạt được, việc thực hiện ở một số nơi còn hình thức, chưa gắn với điều kiện cụ thể của địa phương.',
  'Nhân dịp này, {n} tập thể và cá nhân có thành tích xuất sắc đã được khen thưởng.',
  'Buổi sinh hoạt diễn ra sôi nổi, nhiều đảng viên cao tuổi chia sẻ kinh nghiệm vận động Nhân dân ở khu dân cư.',
  'Chi bộ thống nhất phân công từng đảng viên phụ trách nhóm hộ gia đình để nắm bắt tâm tư, nguyện vọng của người dân.',
  'Mô hình được người dân đồng tình hưởng ứng, góp phần thay đổi diện mạo khu dân cư.',
  'Thời gian tới, cấp ủy tiếp tục đôn đốc, kiểm tra, kịp thời biểu dương những cách làm hay, mô hình hiệu quả.',
  'Các thông tin chính thức được đăng tải trên sổ tay đảng viên điện tử và trang thông tin của cấp ủy.',
]
const ADVICE_SENTENCES = [
  'Người cao tuổi nên uống đủ nước, hạn chế ra ngoài vào giờ cao điểm và theo dõi huyết áp thường xuyên.',
  'Không chia sẻ mật khẩu, mã xác thực cho bất kỳ ai, kể cả người tự xưng là cán bộ cơ quan nhà nước.',
  'Khi có dấu hiệu bất thường, cần liên hệ ngay với cơ sở y tế gần nhất để được tư vấn, hỗ trợ kịp thời.',
  'Mỗi gia đình nên ghi sẵn số điện thoại của trạm y tế, công an xã và bí thư chi bộ để liên hệ khi cần.',
  'Mọi thắc mắc có thể gửi về Ban Biên tập qua mục góp ý trên sổ tay đảng viên điện tử.',
  'Thông tin chính thức chỉ được đăng trên các trang của cơ quan nhà nước và cấp ủy; không làm theo hướng dẫn từ số điện thoại lạ.',
]
const INTERNATIONAL_SENTENCES = [
  'Hai bên trao đổi kinh nghiệm về công tác xây dựng tổ chức cơ sở đảng và phát triển kinh tế - xã hội ở địa phương.',
  'Chuyến thăm góp phần vun đắp quan hệ hữu nghị truyền thống, hợp tác toàn diện giữa hai nước.',
  'Đoàn đã tham quan một số mô hình sản xuất, mô hình dân vận khéo và trao đổi với cán bộ cơ sở.',
  'Nhiều kinh nghiệm có thể tham khảo, vận dụng phù hợp với điều kiện cụ thể của địa phương.',
  'Hai bên nhất trí tăng cường trao đổi đoàn các cấp, chia sẻ kinh nghiệm trong lĩnh vực nông nghiệp, giáo dục và y tế.',
]

// Topics (chuyên đề tháng)
const TOPIC_TITLES = [
  'Nâng cao chất lượng sinh hoạt chi bộ',
  'Giữ nghiêm kỷ luật, kỷ cương trong Đảng',
  'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
  'Bảo vệ nền tảng tư tưởng của Đảng trên không gian mạng',
  'Đảng viên gắn bó với Nhân dân nơi cư trú',
  'Chuyển đổi số trong sinh hoạt đảng',
  'Phát huy dân chủ ở cơ sở',
  'Phòng, chống tham nhũng, tiêu cực từ cơ sở',
  'Chuẩn mực đạo đức cách mạng của cán bộ, đảng viên',
  'Đảng viên tham gia xây dựng nông thôn mới',
  'Nêu gương của người đứng đầu',
  'Kết nạp đảng viên trong đoàn viên thanh niên',
]

// ---------------------------------------------------------------------------------------------
// Types and numbering
// ---------------------------------------------------------------------------------------------

const TYPE_INFO = new Map<string, (typeof DOCUMENT_TYPES)[number]>(DOCUMENT_TYPES.map((t) => [t.slug, t]))
export const typeLabel = (type: DocumentTypeSlug) => TYPE_INFO.get(type)!.label

/** How common each type is in a provincial back catalogue. Every type of DOCUMENT_TYPES appears. */
const TYPE_WEIGHT: Record<DocumentTypeSlug, number> = {
  'nghi-quyet': 10,
  'chi-thi': 5,
  'quy-dinh': 5,
  'quyet-dinh': 10,
  'ket-luan': 6,
  'huong-dan': 9,
  'thong-bao': 10,
  'ke-hoach': 12,
  'de-an': 3,
  'bao-cao': 8,
  'quy-che': 3,
  'chuong-trinh': 4,
  'thong-tri': 1,
  'cong-van': 8,
  'to-trinh': 2,
  'quy-hoach': 1,
  'phuong-an': 2,
  'nghi-dinh': 2,
  'thong-tu': 2,
}

/** Central Committee congress dates: numbering restarts with each term (khóa). */
const CENTRAL_TERMS: Array<[string, string]> = [
  ['1996-07-01', 'VIII'],
  ['2001-04-22', 'IX'],
  ['2006-04-25', 'X'],
  ['2011-01-19', 'XI'],
  ['2016-01-28', 'XII'],
  ['2021-02-01', 'XIII'],
  ['2026-01-23', 'XIV'],
]
function termOf(org: OrganizationSpec, day: string): string {
  if (org.terms === 'year') return day.slice(0, 4)
  if (org.terms === 'central') return CENTRAL_TERMS.filter(([start]) => start <= day).at(-1)![1]
  // Provincial congresses are held around October, every five years from 2000.
  const y = Number(day.slice(0, 4))
  const start = y - ((y - 2000) % 5) - (day.slice(5) < '10-15' && (y - 2000) % 5 === 0 ? 5 : 0)
  return `${start} - ${start + 5}`
}

/** The printed number: "21-NQ/TW", "08-QĐi/TW", "15/2024/NĐ-CP". Two digits at least, as printed. */
function printedNumber(type: DocumentTypeSlug, seq: number, org: OrganizationSpec, day: string): string {
  const info = TYPE_INFO.get(type)!
  const code = type === 'quy-dinh' && day >= '2018-04-03' && org.kind === 'trung-uong' ? 'QĐi' : info.printed[0]
  const s = String(seq).padStart(2, '0')
  return org.terms === 'year' ? `${s}/${day.slice(0, 4)}/${code}-${org.code}` : `${s}-${code}/${org.code}`
}

/** Same rule as the Documents slug field (cms/collections/Documents/index.ts, documentSlug). */
function documentSlugBase(type: DocumentTypeSlug, number: string, issuedAt: string): string {
  const parsed = parseDocumentNumber(number)!
  return slugify([type, parsed.seq, parsed.year ?? '', parsed.issuer ?? '', issuedAt.slice(0, 4)].filter(Boolean).join('-'))
}

/** The slug field's collision rule (cms/fields/slug.ts, freeSlug): base, then base-2, base-3… */
function freeSlug(used: Set<string>, base: string): string {
  let slug = base
  for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`
  used.add(slug)
  return slug
}

// ---------------------------------------------------------------------------------------------
// Specs
// ---------------------------------------------------------------------------------------------

export type Validity = 'in-force' | 'expired' | 'superseded'

export interface DocumentSpec {
  kind: 'document'
  index: number
  slug: string
  type: DocumentTypeSlug
  number: string
  title: string
  issuer: string // organization key
  level: Level
  issuedAt: string // YYYY-MM-DD
  term: string
  signer: string
  summary: string // plain paragraphs separated by blank lines
  subjects: Subject[]
  status: Validity
  /** Item indexes of earlier documents. */
  replaces: number[]
  guides: number[]
  implements: number[]
  amends: number[]
}

export interface NewsSpec {
  kind: 'news'
  index: number
  slug: string
  title: string
  category: 'hoat-dong-lanh-dao' | 'hoat-dong-cap-uy' | 'quoc-te' | 'thong-tin-huu-ich'
  lead: string
  body: string
  publishedAt: string
  source: string
  organization?: string
  related: number[]
}

export interface TopicSpec {
  month: string
  title: string
  theme: string
  body: string
  related: number[]
  questions: Array<{ question: string; choices: string[]; answer: number; explanation: string }>
}

export type ItemSpec = DocumentSpec | NewsSpec

export interface Corpus {
  seed: number
  items: ItemSpec[]
  topics: TopicSpec[]
}

const DAY_MS = 86_400_000
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10)
const vnDay = (day: string) => day.split('-').reverse().join('/')
const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase('vi') + s.slice(1)
const upperFirst = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1)

/** Fills {y}, {y5}, {p}… placeholders with values that fit the year. */
function fill(r: Rng, text: string, year: number, extra: Record<string, string> = {}): string {
  return text.replace(/\{(\w+)\}/g, (_, key: string) => {
    if (key in extra) return extra[key]!
    switch (key) {
      case 'y':
        return String(year)
      case 'y5':
        return String(year + 5)
      case 'y10':
        return String(year + 10)
      case 'y20':
        return String(year + 20)
      case 'p':
        return String(r.int(17, 19) * 5)
      case 'p2':
        return String(r.int(2, 6) * 5)
      case 'p3':
        return `${r.int(6, 9)},${r.int(0, 9)}`
      case 'p4':
        return `${r.int(1, 3)},${r.int(0, 9)}`
      case 'n':
        return String(r.int(2, 12))
      default:
        return key
    }
  })
}

const KIND_RANK: Record<OrganizationKind, number> = { 'trung-uong': 0, 'tinh-uy': 1, 'dang-bo-truc-thuoc': 2, 'dang-bo-co-so': 3, 'chi-bo': 4 }
const SUPERSEDING_TYPES = new Set<DocumentTypeSlug>(['nghi-quyet', 'chi-thi', 'quy-dinh', 'quyet-dinh', 'quy-che', 'huong-dan', 'nghi-dinh', 'thong-tu'])
const GUIDED_TYPES = new Set<DocumentTypeSlug>(['nghi-quyet', 'chi-thi', 'quy-dinh', 'ket-luan', 'nghi-dinh'])
const EXPIRING_TYPES = new Set<DocumentTypeSlug>(['ke-hoach', 'chuong-trinh', 'chi-thi', 'thong-bao', 'phuong-an', 'de-an', 'cong-van', 'to-trinh', 'bao-cao'])

/**
 * The whole library for `items` items: item i is a news item when i % 4 === 3, a document
 * otherwise. Dates grow with the index (a back catalogue from 2000, news from 2016, both up to
 * November 2026), so numbers within a term grow with the date as they do on paper.
 */
export function buildCorpus(items: number, seed = DEFAULT_SEED): Corpus {
  const r = prng(seed)
  const docStart = Date.parse('2000-01-04T00:00:00Z')
  const newsStart = Date.parse('2016-01-04T00:00:00Z')
  const end = Date.parse('2026-11-15T00:00:00Z')
  const orgByKey = new Map(ORGANIZATIONS.map((o) => [o.key, o]))
  const counters = new Map<string, number>()
  const usedKeys = new Set<string>()
  const docSlugs = new Set<string>()
  const newsSlugs = new Set<string>()
  const out: ItemSpec[] = []
  const docs: DocumentSpec[] = []

  const pickIssuer = (day: string): OrganizationSpec => {
    for (;;) {
      const org = r.weighted(ORGANIZATIONS.map((o) => [o, o.weight] as const))
      if (!org.until || day <= org.until) return org
    }
  }
  /** An earlier document matching, preferring recent ones (what a newer document refers to). */
  const earlier = (match: (d: DocumentSpec) => boolean, window = 400): DocumentSpec | undefined => {
    const candidates: DocumentSpec[] = []
    for (let k = docs.length - 1; k >= 0 && candidates.length < 40 && docs.length - k <= window; k--) if (match(docs[k]!)) candidates.push(docs[k]!)
    return candidates.length ? r.pick(candidates) : undefined
  }
  const rankOf = (d: DocumentSpec) => KIND_RANK[orgByKey.get(d.issuer)!.kind]
  const ref = (d: DocumentSpec) => `${typeLabel(d.type)} số ${d.number} ngày ${vnDay(d.issuedAt)} của ${orgByKey.get(d.issuer)!.name}`

  // Rare types (thông tri, quy hoạch) would be missing from small libraries: the first document
  // of each of the first DOCUMENT_TYPES.length strides takes the next type of the list.
  const totalDocs = items - Math.floor(items / 4)
  const stride = Math.max(1, Math.floor(totalDocs / DOCUMENT_TYPES.length))
  let docCount = 0

  for (let i = 0; i < items; i++) {
    const t = (i + r.next()) / Math.max(items, 1)
    if (i % 4 === 3) {
      const news = newsItem(r, i, isoDay(newsStart + t * (end - newsStart)), docs, newsSlugs, ref)
      out.push(news)
      continue
    }

    const issuedAt = isoDay(docStart + Math.floor((t * (end - docStart)) / DAY_MS) * DAY_MS)
    const year = Number(issuedAt.slice(0, 4))
    const forced = docCount % stride === 0 ? DOCUMENT_TYPES[docCount / stride]?.slug : undefined
    docCount++
    const org = forced ? r.pick(ORGANIZATIONS.filter((o) => o.types.includes(forced) && (!o.until || issuedAt <= o.until))) : pickIssuer(issuedAt)
    const type = forced ?? r.weighted(org.types.map((ty) => [ty, TYPE_WEIGHT[ty]] as const))
    const term = termOf(org, issuedAt)
    const typeCode = TYPE_INFO.get(type)!.codes[0]
    const counterKey = `${org.code}|${type === 'quy-dinh' || type === 'quyet-dinh' ? 'qd' : typeCode}|${term}`
    let seq = (counters.get(counterKey) ?? 0) + 1
    let number = printedNumber(type, seq, org, issuedAt)
    // (numberKey, issuer, issuedAt) is unique in the CMS; bodies sharing a code share the sequence.
    while (usedKeys.has(`${number}|${org.key}|${issuedAt}`)) number = printedNumber(type, ++seq, org, issuedAt)
    counters.set(counterKey, seq)
    usedKeys.add(`${number}|${org.key}|${issuedAt}`)

    const subjects = r.sample(
      SUBJECTS,
      r.weighted([
        [1, 4],
        [2, 5],
        [3, 2],
      ] as const),
    ) as Subject[]
    const topic = TOPICS[subjects[0]!]
    const object = r.pick(topic.objects)
    const doc: DocumentSpec = {
      kind: 'document',
      index: i,
      slug: '',
      type,
      number,
      title: '',
      issuer: org.key,
      level: org.level,
      issuedAt,
      term: org.terms === 'year' ? '' : term,
      signer: personName(r),
      summary: '',
      subjects,
      status: 'in-force',
      replaces: [],
      guides: [],
      implements: [],
      amends: [],
    }

    // Relations to earlier documents, set on the newer one as editors do.
    let target: DocumentSpec | undefined
    let relation: 'replaces' | 'guides' | 'implements' | 'amends' | undefined
    if (SUPERSEDING_TYPES.has(type) && r.chance(0.11)) {
      target = earlier((d) => d.type === type && orgByKey.get(d.issuer)!.code === org.code && d.status === 'in-force' && d.issuedAt < issuedAt, 4000)
      if (target) relation = 'replaces'
    } else if ((type === 'huong-dan' || type === 'thong-tu') && r.chance(0.5)) {
      // A body guides what its own level or a higher one decided; a ministry guides decrees.
      target = earlier(
        (d) =>
          (type === 'thong-tu' ? d.type === 'nghi-dinh' : GUIDED_TYPES.has(d.type) && d.type !== 'nghi-dinh' && rankOf(d) <= KIND_RANK[org.kind]) &&
          d.issuedAt < issuedAt,
      )
      if (target) relation = 'guides'
    } else if ((type === 'ke-hoach' || type === 'chuong-trinh') && r.chance(0.5)) {
      target = earlier((d) => GUIDED_TYPES.has(d.type) && d.type !== 'nghi-dinh' && rankOf(d) <= KIND_RANK[org.kind] && d.issuedAt < issuedAt)
      if (target) relation = 'implements'
    } else if ((type === 'quy-dinh' || type === 'quyet-dinh' || type === 'quy-che') && r.chance(0.05)) {
      target = earlier((d) => d.type === type && d.issuer === org.key && d.issuedAt < issuedAt, 4000)
      if (target) relation = 'amends'
    }
    if (target && relation) {
      doc[relation].push(target.index)
      if (relation === 'replaces') target.status = 'superseded'
    }
    if (doc.status === 'in-force' && EXPIRING_TYPES.has(type) && year < 2023 && r.chance(0.1)) doc.status = 'expired'

    doc.title = documentTitle(r, doc, org, object, year, relation, target, ref)
    doc.summary = documentSummary(r, doc, org, subjects, year, relation, target, ref)
    doc.slug = freeSlug(docSlugs, documentSlugBase(type, number, issuedAt))
    docs.push(doc)
    out.push(doc)
  }

  return { seed, items: out, topics: topicsFor(r, docs) }
}

function documentTitle(
  r: Rng,
  doc: DocumentSpec,
  org: OrganizationSpec,
  object: string,
  year: number,
  relation: string | undefined,
  target: DocumentSpec | undefined,
  ref: (d: DocumentSpec) => string,
): string {
  const scope = fill(r, r.pick(KIND_RANK[org.kind] >= 3 ? LOCAL_SCOPES : KIND_RANK[org.kind] === 0 ? CENTRAL_SCOPES : SCOPES), year)
  const action = r.pick(ACTIONS)
  if (target && (relation === 'guides' || relation === 'implements')) {
    const lead =
      relation === 'guides'
        ? r.pick(['Thực hiện', 'Hướng dẫn thực hiện', 'Một số nội dung cụ thể thực hiện'])
        : r.pick(['Triển khai thực hiện', 'Thực hiện', 'Hành động thực hiện'])
    return `${lead} ${ref(target)} “${target.title}”`
  }
  if (target && relation === 'amends') return `Sửa đổi, bổ sung một số điều của ${typeLabel(target.type)} số ${target.number} ngày ${vnDay(target.issuedAt)}`
  switch (doc.type) {
    case 'nghi-quyet':
      return `Về ${action} ${object} ${scope}`
    case 'chi-thi':
      return `Về ${action} ${object}`
    case 'quy-dinh':
      return r.pick([`Về ${object}`, `Về trách nhiệm của cấp ủy, người đứng đầu trong ${object}`, `Về tiêu chuẩn, điều kiện và quy trình thực hiện ${object}`])
    case 'quyet-dinh':
      return r.pick([
        `Ban hành Quy chế phối hợp trong ${object}`,
        `Về việc thành lập Ban Chỉ đạo ${object}`,
        `Về việc kiện toàn Tổ giúp việc về ${object}`,
        `Ban hành Kế hoạch kiểm tra, giám sát năm ${year}`,
      ])
    case 'ket-luan':
      return r.pick([`Về tiếp tục ${action} ${object}`, `Về kết quả ${r.int(3, 10)} năm thực hiện chủ trương ${object}`, `Của ${org.name} về ${object}`])
    case 'huong-dan':
      return r.pick([`Một số vấn đề cụ thể về ${object}`, `Về ${object}`, `Thực hiện ${object} năm ${year}`])
    case 'thong-bao':
      return r.pick([
        `Kết luận của ${org.name} về ${object}`,
        `Ý kiến chỉ đạo về ${object}`,
        `Kết luận tại hội nghị giao ban ${r.pick(['quý', '6 tháng', ''])} năm ${year}`.replace('  ', ' '),
      ])
    case 'ke-hoach':
      return r.pick([`Tổ chức ${r.pick(EVENTS)} năm ${year}`, `Thực hiện ${object} năm ${year}`, `Kiểm tra, giám sát năm ${year}`])
    case 'de-an':
      return `${upperFirst(action)} ${object} ${fill(r, 'giai đoạn {y} - {y5}', year)}`
    case 'bao-cao':
      return r.pick([
        `Kết quả lãnh đạo thực hiện nhiệm vụ ${r.pick(['6 tháng đầu năm', 'năm', 'quý III'])} ${year}`,
        `Sơ kết ${r.int(3, 5)} năm thực hiện ${object}`,
        `Tổng kết ${object} giai đoạn ${year - 5} - ${year}`,
      ])
    case 'quy-che':
      return r.pick([`Làm việc của ${org.name} nhiệm kỳ ${doc.term || `${year} - ${year + 5}`}`, `Phối hợp trong ${object}`, `Quản lý và thực hiện ${object}`])
    case 'chuong-trinh':
      return r.pick([`Kiểm tra, giám sát năm ${year}`, `Hành động về ${action} ${object}`, `Công tác trọng tâm năm ${year}`])
    case 'thong-tri':
      return `Về việc ${action} ${object}`
    case 'cong-van':
      return r.pick([`Về việc ${action} ${object}`, `V/v triển khai ${object}`, `Về việc báo cáo kết quả ${object} năm ${year}`])
    case 'to-trinh':
      return r.pick([`Về việc đề nghị phê duyệt ${object}`, `Về nhân sự tham gia Ban Chỉ đạo ${object}`])
    case 'quy-hoach':
      return `Quy hoạch cán bộ lãnh đạo, quản lý nhiệm kỳ ${doc.term || `${year} - ${year + 5}`}`
    case 'phuong-an':
      return r.pick([`Về ${object}`, `Sắp xếp tổ chức bộ máy, nhân sự năm ${year}`])
    case 'nghi-dinh':
      return r.pick([`Quy định chi tiết một số điều về ${object}`, `Quy định về ${object}`])
    case 'thong-tu':
      return r.pick([`Hướng dẫn thực hiện ${object}`, `Quy định chi tiết về ${object}`])
  }
}

function documentSummary(
  r: Rng,
  doc: DocumentSpec,
  org: OrganizationSpec,
  subjects: readonly Subject[],
  year: number,
  relation: string | undefined,
  target: DocumentSpec | undefined,
  ref: (d: DocumentSpec) => string,
): string {
  const label = typeLabel(doc.type)
  const paragraphs: string[] = []
  const banks = subjects.map((s) => TOPICS[s])
  const tasks = r.sample(
    banks.flatMap((b) => b.tasks),
    r.int(3, 5),
  )
  const context = r.pick([
    'Văn bản đánh giá những kết quả đạt được, đồng thời chỉ rõ một số hạn chế, bất cập cần sớm được khắc phục.',
    'Văn bản khẳng định đây là nhiệm vụ quan trọng, thường xuyên của cả hệ thống chính trị.',
    'Văn bản xuất phát từ yêu cầu thực tiễn và những vấn đề mới đặt ra trong giai đoạn hiện nay.',
    'Theo văn bản, bên cạnh những kết quả quan trọng, việc thực hiện ở một số nơi còn hình thức, chưa thực chất.',
  ])
  paragraphs.push(`${label} số ${doc.number} của ${org.name}, ban hành ngày ${vnDay(doc.issuedAt)}, ${lowerFirst(doc.title)}. ${context}`)
  if (target && relation === 'replaces') paragraphs[0] += ` Văn bản này thay thế ${ref(target)}.`
  if (target && relation === 'amends')
    paragraphs[0] += ` Các nội dung khác của ${typeLabel(target.type).toLowerCase()} số ${target.number} vẫn giữ nguyên hiệu lực.`

  paragraphs.push(
    `Các nhiệm vụ, giải pháp chủ yếu gồm: ${tasks.join('; ')}. ${r.pick(['Mỗi nhiệm vụ được giao rõ người, rõ việc, rõ thời gian hoàn thành.', 'Cấp ủy các cấp cụ thể hóa bằng chương trình, kế hoạch sát với tình hình địa phương.', 'Đảng viên được yêu cầu gương mẫu đi đầu trong thực hiện.'])}`,
  )
  if (r.chance(0.7)) {
    const goals = r
      .sample(
        banks.flatMap((b) => b.targets),
        r.int(1, 2),
      )
      .map((g) => fill(r, g, year))
    paragraphs.push(`${r.pick(['Văn bản đặt mục tiêu', `Phấn đấu đến năm ${year + 5},`, 'Mục tiêu cụ thể là'])} ${goals.join('; ')}.`)
  }
  if (r.chance(0.6)) {
    const [a, b] = r.sample(DEPARTMENTS, 2)
    paragraphs.push(
      `Giao ${a} chủ trì, phối hợp với ${b} hướng dẫn, theo dõi, kiểm tra việc thực hiện; ${r.pick(PERIODS)} tổng hợp, báo cáo ${org.name}. Văn bản được phổ biến đến chi bộ và đảng viên.`,
    )
  }
  return paragraphs.join('\n\n')
}

function newsItem(r: Rng, index: number, publishedAt: string, docs: DocumentSpec[], slugs: Set<string>, ref: (d: DocumentSpec) => string): NewsSpec {
  const year = Number(publishedAt.slice(0, 4))
  const category = r.weighted([
    ['hoat-dong-lanh-dao', 4],
    ['hoat-dong-cap-uy', 4],
    ['quoc-te', 1],
    ['thong-tin-huu-ich', 2],
  ] as const)
  const recent = docs.slice(-300).filter((d) => d.issuedAt <= publishedAt && GUIDED_TYPES.has(d.type) && d.type !== 'nghi-dinh')
  const doc = recent.length ? r.pick(recent) : undefined
  const subject = r.pick(SUBJECTS)
  const object = r.pick(TOPICS[subject].objects)
  const unit = r.pick(PARTY_UNITS)
  const month = `tháng ${Number(publishedAt.slice(5, 7))}/${year}`
  const values = {
    doc: doc ? `${typeLabel(doc.type)} số ${doc.number}` : `Chỉ thị số 05-CT/TW`,
    object,
    n: String(r.int(2, 10)),
    period: month,
    theme: r.pick(THEMES),
    badge: String(r.pick([30, 40, 45, 50, 55, 60, 65, 70])),
    model: r.pick(MODELS),
    month,
    year: String(year),
    holiday: r.pick(HOLIDAYS),
    country: r.pick(COUNTRIES),
    place: r.pick(PLACES),
    season: r.pick(SEASONS),
  }
  let title: string
  if (category === 'hoat-dong-lanh-dao') title = `${unit} ${fill(r, r.pick(LEADER_ACTIVITIES), year, values)}`
  else if (category === 'hoat-dong-cap-uy') title = `${unit} ${fill(r, r.pick(CELL_ACTIVITIES), year, values)}`
  else if (category === 'quoc-te') title = fill(r, r.pick(INTERNATIONAL), year, values)
  else title = fill(r, r.pick(USEFUL), year, values)

  const when = `${r.pick(['Ngày', 'Sáng', 'Chiều'])} ${Number(publishedAt.slice(8, 10))}/${Number(publishedAt.slice(5, 7))}`
  const sentences = category === 'thong-tin-huu-ich' ? ADVICE_SENTENCES : category === 'quoc-te' ? INTERNATIONAL_SENTENCES : MEETING_SENTENCES
  const lead =
    category === 'thong-tin-huu-ich'
      ? `${r.pick(ADVICE_SENTENCES)} Ban Biên tập tổng hợp một số lưu ý để đảng viên và gia đình chủ động thực hiện.`
      : category === 'quoc-te'
        ? `${when}, ${lowerFirst(r.pick(INTERNATIONAL_SENTENCES))}`
        : `${when}, ${title}. ${fill(r, r.pick(MEETING_SENTENCES), year, values)}`
  const body = Array.from({ length: r.int(3, 6) }, () =>
    r
      .sample(sentences, r.int(2, 4))
      .map((s) => fill(r, s, year, values))
      .join(' '),
  )
  if (doc && category !== 'thong-tin-huu-ich')
    body.splice(1, 0, `Theo ${ref(doc)} “${doc.title}”, đây là nhiệm vụ trọng tâm, cần được triển khai đồng bộ ở tất cả các chi bộ.`)
  return {
    kind: 'news',
    index,
    slug: freeSlug(slugs, slugify(title.slice(0, 80))),
    title,
    category,
    lead,
    body: body.join('\n\n'),
    publishedAt,
    source: r.pick(['Ban Biên tập', 'Văn phòng Tỉnh ủy', 'Ban Tuyên giáo và Dân vận Tỉnh ủy', unit]),
    organization: r.chance(0.5) ? r.pick(['duhp', 'dunc', 'cbtdp7', 'cbdh', 'ducq']) : undefined,
    related: doc && category !== 'thong-tin-huu-ich' ? [doc.index] : [],
  }
}

/** One topic a month for the two years up to November 2026, each with 2–4 related documents and 2 questions. */
function topicsFor(r: Rng, docs: DocumentSpec[]): TopicSpec[] {
  const topics: TopicSpec[] = []
  for (let k = 0; k < 24; k++) {
    const m = new Date(Date.UTC(2024, 11 + k, 1))
    const month = m.toISOString().slice(0, 7)
    const title = TOPIC_TITLES[k % TOPIC_TITLES.length]!
    const related = docs.length ? r.sample(docs.filter((d) => GUIDED_TYPES.has(d.type)).slice(-500), r.int(2, 4)).map((d) => d.index) : []
    const choices = ['Chi bộ', 'Đảng ủy cơ sở', 'Ban Thường vụ Tỉnh ủy', 'Bộ Chính trị']
    topics.push({
      month,
      title,
      theme: `${title}: trách nhiệm của mỗi chi bộ và đảng viên`,
      body: [
        `Chuyên đề tháng ${Number(month.slice(5))}/${month.slice(0, 4)} tập trung vào chủ đề “${lowerFirst(title)}”, gắn với nhiệm vụ chính trị của địa phương.`,
        'Các chi bộ dành thời gian sinh hoạt để đảng viên thảo luận, liên hệ với thực tiễn công tác và đăng ký việc làm cụ thể.',
        'Kết quả thảo luận được ghi vào biên bản sinh hoạt chi bộ và là căn cứ để đánh giá, xếp loại đảng viên cuối năm.',
      ].join('\n\n'),
      related,
      questions: [
        { question: 'Cấp nào tổ chức sinh hoạt chuyên đề hằng tháng?', choices, answer: 1, explanation: 'Sinh hoạt chuyên đề được tổ chức tại chi bộ.' },
        {
          question: `Chủ đề của chuyên đề tháng ${Number(month.slice(5))}/${month.slice(0, 4)} là gì?`,
          choices: [title, 'Tổng kết công tác năm', 'Bầu cử cấp ủy'],
          answer: 1,
          explanation: '',
        },
      ],
    })
  }
  return topics
}
