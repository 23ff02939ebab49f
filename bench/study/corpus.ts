/**
 * The study-statistics benchmark corpus (issue 16): a province's party organization tree, its
 * members and a year of their study events, all drawn from one seed (sfc32, bench/publish-to-live).
 *
 *   - 1 tỉnh ủy → ~40 đảng bộ trực thuộc → ~10 đảng bộ cơ sở each → ~4 chi bộ each (~1 600 chi bộ),
 *     every name Vietnamese and unique (the `organizations.name` field is unique);
 *   - N members (default 500 000) spread over the chi bộ (sizes vary ×0.5–×1.5), each with an
 *     activity weight: ~20 % rarely study, the rest lognormal, so a few study a lot;
 *   - a stream (generator, never all in memory) of E events (default 20 000 000) over 12 months,
 *     ~E/12 a month: read/listen (most), quiz on a topic (score 0–100, at most one counted quiz per
 *     member and topic, as the unique key `quiz:<member>:<topic>` makes it), complete a campaign
 *     (once per member and campaign, only campaigns that reach the member), and `active` — exactly
 *     one per member and month, emitted just before the member's first other event of that month.
 *     Items: ~800 documents and topics with Zipf-like popularity (weight 1/rank).
 *
 * Everything is indices (organizations, members, items, campaigns); run.ts maps them to the ids
 * Payload gave the records it created.
 */
import { prng, type Rng } from '../publish-to-live/corpus'

export const STUDY_CORPUS_SEED = 20261216

export type OrgKind = 'tinh-uy' | 'dang-bo-truc-thuoc' | 'dang-bo-co-so' | 'chi-bo'

export interface OrgSpec {
  index: number
  name: string
  code: string
  kind: OrgKind
  /** Index of the parent in the list, -1 for the tỉnh ủy. */
  parent: number
}

export interface CampaignSpec {
  index: number
  title: string
  /** Organization index the campaign is set for (its members and those below). */
  organization: number
  /** The first month (0–11) in which members complete it. */
  fromMonth: number
  deadline: string
}

export interface ItemSpec {
  index: number
  collection: 'documents' | 'topics'
  /** Popularity rank, 1 = most read. */
  rank: number
}

export interface StudyEvent {
  kind: 'read' | 'listen' | 'quiz' | 'complete' | 'active'
  member: number
  /** The member's chi bộ (organization index). */
  organization: number
  /** Item index for read/listen/quiz, campaign index for complete, -1 for active. */
  item: number
  /** YYYY-MM-DD. */
  day: string
  /** Quiz score in percent. */
  value: number | null
}

// ---------------------------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------------------------

const DISTRICT_NAMES = [
  'Hòa An',
  'Tân Phú',
  'Minh Sơn',
  'Đông Hưng',
  'Yên Lạc',
  'Vĩnh Tường',
  'Phú Bình',
  'Kim Sơn',
  'Thạch Thất',
  'Quế Võ',
  'Lương Tài',
  'Gia Bình',
  'Thuận Thành',
  'Tiên Du',
  'Hiệp Hòa',
  'Lục Nam',
  'Sơn Động',
  'Yên Dũng',
  'Tân Yên',
  'Việt Yên',
  'Nghĩa Hưng',
  'Hải Hậu',
  'Giao Thủy',
  'Xuân Trường',
  'Trực Ninh',
  'Nam Trực',
  'Ý Yên',
  'Vụ Bản',
  'Mỹ Lộc',
  'Hưng Hà',
  'Quỳnh Phụ',
  'Thái Thụy',
  'Tiền Hải',
  'Kiến Xương',
  'Vũ Thư',
  'Đông Triều',
  'Cẩm Khê',
  'Thanh Ba',
  'Đoan Hùng',
  'Hạ Hòa',
  'Lâm Thao',
  'Phù Ninh',
  'Tam Nông',
  'Thanh Sơn',
  'Yên Lập',
  'Tân Sơn',
  'Văn Lãng',
  'Bình Gia',
  'Chi Lăng',
  'Hữu Lũng',
]
const DISTRICT_KINDS = ['huyện', 'huyện', 'huyện', 'thị xã', 'huyện', 'thành phố']
const AGENCY_BLOCKS = ['Khối các cơ quan tỉnh', 'Khối doanh nghiệp tỉnh', 'Công an tỉnh', 'Quân sự tỉnh', 'Bộ đội Biên phòng tỉnh']

const COMMUNE_PREFIX = [
  'Tân',
  'Phú',
  'Hòa',
  'Minh',
  'Đông',
  'Tây',
  'Nam',
  'Bắc',
  'Thượng',
  'Hạ',
  'Xuân',
  'Thanh',
  'Quang',
  'Vĩnh',
  'Hưng',
  'An',
  'Bình',
  'Long',
  'Đại',
  'Trung',
]
const COMMUNE_SUFFIX = [
  'Lợi',
  'Hòa',
  'Thịnh',
  'Phong',
  'Sơn',
  'Hải',
  'Thành',
  'Tiến',
  'Lập',
  'Nghĩa',
  'Đức',
  'Phúc',
  'Lạc',
  'Quang',
  'Tân',
  'Hưng',
  'Bình',
  'Khánh',
  'Điền',
  'Mỹ',
]
const CELL_KINDS = ['thôn', 'thôn', 'tổ dân phố', 'khu phố', 'trường Tiểu học', 'trường THCS', 'trạm Y tế', 'cơ quan Ủy ban', 'hợp tác xã', 'thôn']
const CELL_NAMES = [
  'Đông',
  'Tây',
  'Nam',
  'Bắc',
  'Trung',
  'Thượng',
  'Hạ',
  'Đồng Tâm',
  'Đoàn Kết',
  'Quyết Tiến',
  'Tiền Phong',
  'Hợp Nhất',
  'Thắng Lợi',
  'Bình Minh',
]

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý']
const FAMILY_WEIGHTS = [38, 11, 9.5, 7, 5, 2, 4.5, 4, 2, 2, 2, 1.5, 1.3, 1.3, 1, 0.5]
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Thanh', 'Quốc', 'Ngọc', 'Xuân', 'Thu', 'Hồng', 'Công', 'Đình', 'Bảo', 'Kim']
const GIVEN = [
  'An',
  'Anh',
  'Bình',
  'Chi',
  'Cường',
  'Dũng',
  'Dung',
  'Giang',
  'Hà',
  'Hải',
  'Hạnh',
  'Hiền',
  'Hiếu',
  'Hoa',
  'Hùng',
  'Hương',
  'Huy',
  'Khánh',
  'Lan',
  'Linh',
  'Long',
  'Mai',
  'Minh',
  'Nam',
  'Nga',
  'Ngọc',
  'Nhung',
  'Phong',
  'Phương',
  'Quân',
  'Quang',
  'Sơn',
  'Tâm',
  'Thảo',
  'Thắng',
  'Thành',
  'Thủy',
  'Trang',
  'Trung',
  'Tuấn',
  'Tùng',
  'Vân',
  'Việt',
  'Yến',
]

// ---------------------------------------------------------------------------------------------
// The corpus
// ---------------------------------------------------------------------------------------------

export interface StudyCorpusOptions {
  members: number
  events: number
  seed?: number
  /** First month of the year of events (YYYY-MM); 12 months from it. */
  firstMonth?: string
  /** Number of distinct study items (documents and topics). */
  items?: number
}

export class StudyCorpus {
  readonly seed: number
  readonly months: string[]
  readonly organizations: OrgSpec[] = []
  readonly chiBo: number[] = []
  /** Organization index → index of its đảng bộ trực thuộc (or -1 for the tỉnh ủy). */
  readonly districtOf: Int32Array
  readonly items: ItemSpec[] = []
  readonly topics: number[] = []
  readonly campaigns: CampaignSpec[] = []
  /** Member index → chi bộ (organization index). */
  readonly memberOrg: Int32Array
  readonly memberCount: number
  readonly eventCount: number

  private readonly memberCumulative: Float64Array
  private readonly itemCumulative: Float64Array
  private readonly topicCumulative: Float64Array
  private readonly daysOf: string[][]
  /** Bitsets: member × topic quizzed, member × campaign completed, member active this month. */
  private readonly quizzed: Uint8Array
  private readonly completed: Uint8Array
  private activeMonth = -1
  private readonly activeNow: Uint8Array

  constructor(options: StudyCorpusOptions) {
    this.seed = options.seed ?? STUDY_CORPUS_SEED
    this.memberCount = options.members
    this.eventCount = options.events
    const r = prng(this.seed)
    const [y, m] = (options.firstMonth ?? '2025-12').split('-').map(Number) as [number, number]
    this.months = Array.from({ length: 12 }, (_, i) => new Date(Date.UTC(y, m - 1 + i, 1)).toISOString().slice(0, 7))
    this.daysOf = this.months.map((month) => {
      const [yy, mm] = month.split('-').map(Number) as [number, number]
      const days = new Date(Date.UTC(yy, mm, 0)).getUTCDate()
      return Array.from({ length: days }, (_, d) => `${month}-${String(d + 1).padStart(2, '0')}`)
    })

    this.buildTree(r)
    this.districtOf = new Int32Array(this.organizations.length).fill(-1)
    for (const o of this.organizations) {
      let cursor = o
      while (cursor.kind !== 'dang-bo-truc-thuoc' && cursor.parent >= 0) cursor = this.organizations[cursor.parent]!
      if (cursor.kind === 'dang-bo-truc-thuoc') this.districtOf[o.index] = cursor.index
    }

    // Members over chi bộ: sizes proportional to a weight in [0.5, 1.5].
    const weights = this.chiBo.map(() => 0.5 + r.next())
    const total = weights.reduce((s, w) => s + w, 0)
    const sizes = weights.map((w) => Math.floor((w / total) * options.members))
    for (let i = 0, rest = options.members - sizes.reduce((s, n) => s + n, 0); rest > 0; i = (i + 1) % sizes.length, rest--) sizes[i]!++
    this.memberOrg = new Int32Array(options.members)
    let at = 0
    sizes.forEach((size, i) => {
      this.memberOrg.fill(this.chiBo[i]!, at, at + size)
      at += size
    })
    // Activity: ~20 % rarely study; the others lognormal (σ 0.9).
    this.memberCumulative = new Float64Array(options.members)
    let sum = 0
    for (let i = 0; i < options.members; i++) {
      const normal = Math.sqrt(-2 * Math.log(1 - r.next())) * Math.cos(2 * Math.PI * r.next())
      sum += r.chance(0.2) ? 0.03 : Math.exp(0.9 * normal)
      this.memberCumulative[i] = sum
    }

    // Items: ~95 % documents, the rest topics (those carry the quizzes); popularity 1/rank, ranks shuffled.
    const itemCount = options.items ?? 800
    const ranks = Array.from({ length: itemCount }, (_, i) => i + 1)
    for (let i = ranks.length - 1; i > 0; i--) {
      const j = Math.floor(r.next() * (i + 1))
      ;[ranks[i], ranks[j]] = [ranks[j]!, ranks[i]!]
    }
    const topicCount = Math.max(12, Math.round(itemCount * 0.05))
    for (let i = 0; i < itemCount; i++) {
      this.items.push({ index: i, collection: i < itemCount - topicCount ? 'documents' : 'topics', rank: ranks[i]! })
      if (i >= itemCount - topicCount) this.topics.push(i)
    }
    this.itemCumulative = cumulative(this.items.map((it) => 1 / it.rank))
    this.topicCumulative = cumulative(this.topics.map((_, i) => 1 / (i + 1) ** 0.6))

    // Campaigns: four for the whole province (one a quarter), two for single đảng bộ trực thuộc.
    const districts = this.organizations.filter((o) => o.kind === 'dang-bo-truc-thuoc')
    const campaign = (title: string, organization: number, fromMonth: number) =>
      this.campaigns.push({
        index: this.campaigns.length,
        title,
        organization,
        fromMonth,
        deadline: `${this.months[Math.min(11, fromMonth + 2)]}-28`,
      })
    campaign('Học tập, quán triệt Nghị quyết Đại hội Đảng bộ tỉnh', 0, 0)
    campaign('Quán triệt Kết luận của Hội nghị Trung ương', 0, 3)
    campaign('Học tập chuyên đề năm về tư tưởng, đạo đức, phong cách Hồ Chí Minh', 0, 6)
    campaign('Quán triệt Chỉ thị về công tác chuẩn bị đại hội chi bộ', 0, 9)
    campaign(`Học tập Nghị quyết của ${districts[0]!.name}`, districts[0]!.index, 2)
    campaign(`Quán triệt Kế hoạch chuyển đổi số của ${districts[1 % districts.length]!.name}`, districts[1 % districts.length]!.index, 8)

    this.quizzed = new Uint8Array(Math.ceil((options.members * this.topics.length) / 8))
    this.completed = new Uint8Array(Math.ceil((options.members * this.campaigns.length) / 8))
    this.activeNow = new Uint8Array(options.members)
  }

  private buildTree(r: Rng) {
    const names = new Set<string>()
    const add = (name: string, code: string, kind: OrgKind, parent: number) => {
      let unique = name
      for (let n = 2; names.has(unique); n++) unique = `${name} (${n})`
      names.add(unique)
      const index = this.organizations.length
      this.organizations.push({ index, name: unique, code, kind, parent })
      if (kind === 'chi-bo') this.chiBo.push(index)
      return index
    }
    const root = add('Tỉnh ủy Sơn Lâm', 'TU', 'tinh-uy', -1)
    const districtNames = [...AGENCY_BLOCKS.map((n) => `Đảng bộ ${n}`), ...DISTRICT_NAMES.map((n) => `Đảng bộ ${r.pick(DISTRICT_KINDS)} ${n}`)]
    const districtCount = 40
    for (let d = 0; d < districtCount; d++) {
      const district = add(districtNames[d]!, 'HU', 'dang-bo-truc-thuoc', root)
      const place = districtNames[d]!.replace(/^Đảng bộ /, '')
      const bases = r.int(8, 12)
      for (let b = 0; b < bases; b++) {
        const commune = `${r.pick(COMMUNE_PREFIX)} ${r.pick(COMMUNE_SUFFIX)}`
        const baseKind = d < AGENCY_BLOCKS.length ? r.pick(['cơ quan Sở', 'Công ty', 'cơ quan Ban', 'Trường']) : r.pick(['xã', 'xã', 'phường', 'thị trấn'])
        const base = add(`Đảng bộ ${baseKind} ${commune}, ${place}`, 'ĐU', 'dang-bo-co-so', district)
        const cells = r.int(3, 5)
        for (let c = 0; c < cells; c++) {
          add(`Chi bộ ${r.pick(CELL_KINDS)} ${r.pick(CELL_NAMES)} ${c + 1}, ${baseKind} ${commune}, ${place}`, 'CB', 'chi-bo', base)
        }
      }
    }
  }

  /** A member's display name (seeded by the index: the same member always has the same name). */
  memberName(i: number): string {
    const r = prng(this.seed ^ Math.imul(i + 1, 0x9e3779b1))
    return `${r.weighted(FAMILY.map((f, k) => [f, FAMILY_WEIGHTS[k]!] as const))} ${r.pick(MIDDLE)} ${r.pick(GIVEN)}`
  }

  /** The members' study events, month by month (`month` 0–11), `count` of them in that month (active ones included). */
  *monthEvents(month: number, count: number, r: Rng): Generator<StudyEvent> {
    if (this.activeMonth !== month) {
      this.activeNow.fill(0)
      this.activeMonth = month
    }
    const days = this.daysOf[month]!
    const topicCount = this.topics.length
    const campaignCount = this.campaigns.length
    let emitted = 0
    while (emitted < count) {
      const member = search(this.memberCumulative, r.next() * this.memberCumulative[this.memberCumulative.length - 1]!)
      const organization = this.memberOrg[member]!
      const day = days[Math.floor(r.next() * days.length)]!
      if (!this.activeNow[member]) {
        this.activeNow[member] = 1
        yield { kind: 'active', member, organization, item: -1, day, value: null }
        if (++emitted >= count) break
      }
      const x = r.next()
      if (x < 0.06) {
        const t = search(this.topicCumulative, r.next() * this.topicCumulative[topicCount - 1]!)
        const bit = member * topicCount + t
        if (!(this.quizzed[bit >>> 3]! & (1 << (bit & 7)))) {
          this.quizzed[bit >>> 3]! |= 1 << (bit & 7)
          // Ten questions: scores in steps of 10, most between 60 and 100.
          const correct = Math.min(10, Math.max(0, Math.round(7.5 + 3 * (r.next() + r.next() + r.next() - 1.5))))
          yield { kind: 'quiz', member, organization, item: this.topics[t]!, day, value: correct * 10 }
          emitted++
          continue
        }
      } else if (x < 0.08) {
        const c = r.int(0, campaignCount - 1)
        const spec = this.campaigns[c]!
        const reaches = spec.organization === 0 || this.districtOf[organization] === spec.organization
        const bit = member * campaignCount + c
        if (reaches && spec.fromMonth <= month && !(this.completed[bit >>> 3]! & (1 << (bit & 7)))) {
          this.completed[bit >>> 3]! |= 1 << (bit & 7)
          yield { kind: 'complete', member, organization, item: c, day, value: null }
          emitted++
          continue
        }
      }
      // Reading (or listening to) an item; also what a refused quiz or completion becomes.
      const item = search(this.itemCumulative, r.next() * this.itemCumulative[this.itemCumulative.length - 1]!)
      yield { kind: r.chance(0.18) ? 'listen' : 'read', member, organization, item, day, value: null }
      emitted++
    }
  }

  /** The whole year: `events` events, ~1/12 a month (active events included). */
  *events(): Generator<StudyEvent> {
    const r = prng(this.seed + 1)
    const perMonth = Math.floor(this.eventCount / 12)
    for (let month = 0; month < 12; month++) yield* this.monthEvents(month, month === 11 ? this.eventCount - 11 * perMonth : perMonth, r)
  }

  /** More events in the last month, continuing its state (for the rollup-job measurement). */
  moreEvents(count: number): Generator<StudyEvent> {
    return this.monthEvents(11, count, prng(this.seed + 2))
  }
}

function cumulative(weights: number[]): Float64Array {
  const out = new Float64Array(weights.length)
  let sum = 0
  weights.forEach((w, i) => {
    sum += w
    out[i] = sum
  })
  return out
}

/** The first index whose cumulative weight exceeds x. */
function search(cum: Float64Array, x: number): number {
  let lo = 0
  let hi = cum.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (cum[mid]! > x) hi = mid
    else lo = mid + 1
  }
  return lo
}
