'use client'
import { useCallback, useEffect, useState } from 'react'
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { Statistics } from '../study/statistics'

const thisMonth = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 7)
const monthLabel = (m: string) => `${m.slice(5)}/${m.slice(0, 4)}`
const number = (n: number) => n.toLocaleString('vi-VN')

function ExportLink({ table, organization, month, label }: { table: string; organization: string; month: string; label: string }) {
  return (
    <a href={`/api/study-stats/export/${table}?organization=${encodeURIComponent(organization)}&month=${month}`} download>
      Tải {label} (CSV)
    </a>
  )
}

/** The statistics board: pick an organization and a month, drill down, look at charts, export tables. */
export function StudyStatisticsBoard() {
  const [organization, setOrganization] = useState('')
  const [month, setMonth] = useState(thisMonth())
  const [stats, setStats] = useState<Statistics | null>(null)
  const [error, setError] = useState<string | null>(null)

  const load = useCallback(async (org: string, m: string) => {
    setError(null)
    try {
      const res = await fetch(`/api/study-stats/overview?${new URLSearchParams({ ...(org ? { organization: org } : {}), month: m })}`, {
        credentials: 'include',
      })
      const json = await res.json().catch(() => null)
      if (!res.ok) {
        setError(json?.message ?? `Máy chủ từ chối yêu cầu (mã ${res.status}).`)
        return
      }
      setStats(json as Statistics)
      setOrganization((json as Statistics).organization.id)
    } catch {
      setError('Không tải được số liệu: hãy kiểm tra kết nối mạng rồi thử lại.')
    }
  }, [])

  useEffect(() => {
    void load('', thisMonth())
  }, [load])

  const open = (org: string) => void load(org, month)

  if (error) return <p role="alert">{error}</p>
  if (!stats) return <p aria-live="polite">Đang tải số liệu…</p>
  const o = stats.organization
  const months = stats.months.map((m) => ({ ...m, label: monthLabel(m.month) }))
  const children = stats.children.map((c) => ({ name: c.name, 'Tỷ lệ hoạt động (%)': c.activePercent }))

  return (
    <div className="study-stats" data-study-stats>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void load(organization, month)
        }}
        style={{ display: 'flex', flexWrap: 'wrap', gap: '1rem', alignItems: 'end', margin: '1rem 0' }}
      >
        <div>
          <label htmlFor="thong-ke-to-chuc">Tổ chức</label>{' '}
          <select id="thong-ke-to-chuc" value={organization} onChange={(e) => setOrganization(e.target.value)} name="organization">
            {stats.choices.map((c) => (
              <option key={c.id} value={c.id}>
                {'— '.repeat(c.depth)}
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="thong-ke-thang">Tháng</label>{' '}
          <input id="thong-ke-thang" type="month" value={month} onChange={(e) => setMonth(e.target.value)} name="month" />
        </div>
        <button type="submit" className="btn btn--style-primary btn--size-medium">
          Xem
        </button>
      </form>

      <nav aria-label="Cấp tổ chức">
        {stats.path.map((p, i) => (
          <span key={p.id}>
            {i > 0 && ' › '}
            {p.id === o.id ? (
              <strong>{p.name}</strong>
            ) : (
              <button type="button" className="btn btn--style-secondary btn--size-small" onClick={() => open(p.id)}>
                {p.name}
              </button>
            )}
          </span>
        ))}
      </nav>

      <section aria-label="Tổng quan" style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(12rem, 1fr))', gap: '1rem', margin: '1.5rem 0' }}>
        <Figure label="Đảng viên" value={number(o.members)} />
        <Figure label="Hoạt động trong 30 ngày" value={`${number(o.active)} (${o.activePercent}%)`} />
        <Figure label={`Lượt đọc tháng ${monthLabel(month)}`} value={number(o.month.reads)} />
        <Figure label="Điểm trắc nghiệm trung bình" value={o.month.averageScore === null ? 'chưa có' : `${o.month.averageScore}%`} />
      </section>
      {stats.countedDay ? (
        <p>Số đảng viên và số hoạt động 30 ngày tính đến ngày {stats.countedDay.split('-').reverse().join('/')}.</p>
      ) : (
        <p>Chưa có lần tổng hợp số đảng viên nào.</p>
      )}

      <h2>Theo tháng</h2>
      <div style={{ width: '100%', height: 280 }} aria-hidden="true">
        <ResponsiveContainer>
          <LineChart data={months}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="label" />
            <YAxis />
            <Tooltip />
            <Legend />
            <Line type="monotone" dataKey="readers" name="Đảng viên có học tập" stroke="#9b1c1c" strokeWidth={2} />
            <Line type="monotone" dataKey="reads" name="Lượt đọc" stroke="#0a4a8f" strokeWidth={2} />
            <Line type="monotone" dataKey="quizzes" name="Bài trắc nghiệm" stroke="#1b5e20" strokeWidth={2} />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <table>
        <caption>Học tập theo tháng — {o.name}</caption>
        <thead>
          <tr>
            <th scope="col">Tháng</th>
            <th scope="col">Đảng viên có học tập</th>
            <th scope="col">Lượt đọc</th>
            <th scope="col">Bài trắc nghiệm</th>
            <th scope="col">Điểm trung bình</th>
            <th scope="col">Hoàn thành đợt học tập</th>
          </tr>
        </thead>
        <tbody>
          {stats.months.map((m) => (
            <tr key={m.month}>
              <td>{monthLabel(m.month)}</td>
              <td>{number(m.readers)}</td>
              <td>{number(m.reads)}</td>
              <td>{number(m.quizzes)}</td>
              <td>{m.averageScore === null ? '—' : `${m.averageScore}%`}</td>
              <td>{number(m.completions)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <ExportLink table="thang" organization={o.id} month={month} label="bảng theo tháng" />
      </p>

      {stats.children.length > 0 && (
        <>
          <h2>Các tổ chức trực thuộc</h2>
          <div style={{ width: '100%', height: Math.max(200, stats.children.length * 32) }} aria-hidden="true">
            <ResponsiveContainer>
              <BarChart data={children} layout="vertical" margin={{ left: 160 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis type="number" domain={[0, 100]} />
                <YAxis type="category" dataKey="name" width={160} />
                <Tooltip />
                <Bar dataKey="Tỷ lệ hoạt động (%)" fill="#9b1c1c" />
              </BarChart>
            </ResponsiveContainer>
          </div>
          <table>
            <caption>
              Các tổ chức trực thuộc {o.name} — tháng {monthLabel(month)}
            </caption>
            <thead>
              <tr>
                <th scope="col">Tổ chức</th>
                <th scope="col">Đảng viên</th>
                <th scope="col">Hoạt động 30 ngày</th>
                <th scope="col">Lượt đọc</th>
                <th scope="col">Bài trắc nghiệm</th>
                <th scope="col">Điểm trung bình</th>
              </tr>
            </thead>
            <tbody>
              {stats.children.map((c) => (
                <tr key={c.id}>
                  <td>
                    <button type="button" className="btn btn--style-secondary btn--size-small" onClick={() => open(c.id)}>
                      {c.name}
                    </button>
                  </td>
                  <td>{number(c.members)}</td>
                  <td>
                    {number(c.active)} ({c.activePercent}%)
                  </td>
                  <td>{number(c.month.reads)}</td>
                  <td>{number(c.month.quizzes)}</td>
                  <td>{c.month.averageScore === null ? '—' : `${c.month.averageScore}%`}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            <ExportLink table="to-chuc" organization={o.id} month={month} label="bảng tổ chức trực thuộc" />
          </p>
        </>
      )}

      <h2>Đợt học tập</h2>
      {stats.campaigns.length === 0 ? (
        <p>Không có đợt học tập nào đang triển khai.</p>
      ) : (
        <table>
          <caption>Tiến độ các đợt học tập — {o.name}</caption>
          <thead>
            <tr>
              <th scope="col">Đợt học tập</th>
              <th scope="col">Hạn</th>
              <th scope="col">Đảng viên phải học</th>
              <th scope="col">Đã hoàn thành</th>
              <th scope="col">Tỷ lệ</th>
            </tr>
          </thead>
          <tbody>
            {stats.campaigns.map((c) => (
              <tr key={c.id}>
                <td>{c.title}</td>
                <td>{c.deadline.split('-').reverse().join('/')}</td>
                <td>{number(c.members)}</td>
                <td>{number(c.completed)}</td>
                <td>
                  <meter min={0} max={100} value={c.percent} /> {c.percent}%
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        <ExportLink table="dot-hoc-tap" organization={o.id} month={month} label="bảng đợt học tập" />
      </p>

      <h2>Nội dung được đọc nhiều — tháng {monthLabel(month)}</h2>
      {stats.topDocuments.length === 0 ? (
        <p>Chưa có lượt đọc nào trong tháng.</p>
      ) : (
        <table>
          <caption>Nội dung được đọc nhiều nhất — {o.name}</caption>
          <thead>
            <tr>
              <th scope="col">Nội dung</th>
              <th scope="col">Lượt đọc</th>
            </tr>
          </thead>
          <tbody>
            {stats.topDocuments.map((d) => (
              <tr key={d.item}>
                <td>{d.title}</td>
                <td>{number(d.reads)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        <ExportLink table="doc-nhieu" organization={o.id} month={month} label="bảng nội dung đọc nhiều" />
      </p>
    </div>
  )
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div style={{ padding: '1rem', border: '1px solid var(--theme-elevation-150)', borderRadius: 4 }}>
      <div>{label}</div>
      <div style={{ fontSize: '1.75rem', fontWeight: 700 }}>{value}</div>
    </div>
  )
}
