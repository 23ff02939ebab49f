/**
 * Writes: items upserted and removed in the live generation (the sync job, one record at a time),
 * and the full rebuild into a new generation (replaceAll, the reindex), with vocab_g kept in step.
 *
 * Every live change gets a new write version (items_g.version, gone_g.version) in the same
 * transaction, which is how every connection's memory finds exactly what changed (memory.ts).
 * Writes run one at a time in this process (SQLite allows one writer at a time anyway, and a
 * rebuild must hold its turn across its batches); searches never wait for them, since a rebuild
 * never holds a transaction across an await and readers keep answering from the live generation.
 */
import type { SQLInputValue } from 'node:sqlite'
import { checkItemScopes, SEARCH_KINDS, type SearchIndex, type SearchItem } from '../../contract'
import { cleanText, indexTexts } from '../../indexing'
import { unavailable, type Connection } from './connection'
import { foldTexts, storedTexts, tokenSet, type StoredRow } from './folded'
import { abandonBuild, beginBuild, dropTables, liveGeneration, nextVersion, setMeta, tablesOf } from './schema'

export class Writer {
  private queue: Promise<unknown> = Promise.resolve()

  constructor(
    private readonly c: Connection,
    private readonly index: SearchIndex,
  ) {}

  /** Settles when the writes queued so far are done. */
  get idle(): Promise<unknown> {
    return this.queue
  }

  /** Writes run one at a time in this process; replaceAll holds the turn across its batches. */
  private exclusive<T>(fn: () => Promise<T> | T): Promise<T> {
    const run = this.queue.then(fn)
    this.queue = run.catch(() => undefined)
    return run
  }

  /** Adds or replaces one item in generation `g`; word counts go to `vocab` (applied by the caller). */
  private writeItem(g: number, item: SearchItem, version: number, vocab: Map<string, number>): void {
    if (!item || typeof item.id !== 'string' || item.id === '' || !(SEARCH_KINDS as readonly string[]).includes(item.kind)) {
      throw new TypeError(`Search item without a valid id or kind: ${JSON.stringify(item?.id)}`)
    }
    const t = tablesOf(g)
    const folded = foldTexts(indexTexts(item))
    const existing = this.c.get<StoredRow>(
      `SELECT i.rid, i.kind, i.number, i.number_key, i.number_short_key, i.number_compact_key, i.title, i.type, i.issuer_name, i.field_names, i.year,
              x.summary, x.body, x.attachment_text
       FROM ${t.items} i JOIN ${t.texts} x ON x.rid = i.rid WHERE i.id = ?`,
      item.id,
    )
    const values: SQLInputValue[] = [
      version,
      item.kind,
      item.type ?? null,
      item.issuer ?? null,
      item.level ?? null,
      item.year,
      JSON.stringify(item.fields ?? []),
      item.status ?? null,
      item.issuedAt,
      item.slug,
      item.url,
      item.number ?? null,
      item.numberKey ?? null,
      item.numberShortKey ?? null,
      item.numberCompactKey ?? null,
      item.issuerName ? cleanText(item.issuerName) : null,
      JSON.stringify((item.fieldNames ?? []).map(cleanText)),
      item.updatedAt,
      cleanText(item.title),
      item.scope,
    ]
    let rid: number
    if (existing) {
      rid = existing.rid
      for (const token of tokenSet(storedTexts(existing))) vocab.set(token, (vocab.get(token) ?? 0) - 1)
      this.c.run(`DELETE FROM ${t.head} WHERE rowid = ?`, rid)
      this.c.run(`DELETE FROM ${t.full} WHERE rowid = ?`, rid)
      this.c.run(
        `UPDATE ${t.items} SET version = ?, kind = ?, type = ?, issuer = ?, level = ?, year = ?, fields = ?, status = ?, issued_at = ?,
           slug = ?, url = ?, number = ?, number_key = ?, number_short_key = ?, number_compact_key = ?, issuer_name = ?, field_names = ?,
           updated_at = ?, title = ?, scope = ? WHERE rid = ?`,
        ...values,
        rid,
      )
    } else {
      const info = this.c.run(
        `INSERT INTO ${t.items} (id, version, kind, type, issuer, level, year, fields, status, issued_at, slug, url, number, number_key,
           number_short_key, number_compact_key, issuer_name, field_names, updated_at, title, scope)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        item.id,
        ...values,
      )
      rid = Number(info.lastInsertRowid)
    }
    this.c.run(
      `INSERT INTO ${t.texts} (rid, summary, body, attachment_text) VALUES (?, ?, ?, ?)
       ON CONFLICT(rid) DO UPDATE SET summary = excluded.summary, body = excluded.body, attachment_text = excluded.attachment_text`,
      rid,
      cleanText(item.summary),
      cleanText(item.body),
      cleanText(item.attachmentText),
    )
    this.c.run(
      `INSERT INTO ${t.head} (rowid, number, title, meta, summary) VALUES (?, ?, ?, ?, ?)`,
      rid,
      folded.number,
      folded.title,
      folded.meta,
      folded.summary,
    )
    this.c.run(
      `INSERT INTO ${t.full} (rowid, head, body, attachment) VALUES (?, ?, ?, ?)`,
      rid,
      [folded.number, folded.title, folded.meta, folded.summary].join(' '),
      folded.body,
      folded.attachment,
    )
    for (const token of tokenSet(folded)) vocab.set(token, (vocab.get(token) ?? 0) + 1)
  }

  private removeItem(g: number, id: string, version: number, vocab: Map<string, number>): void {
    const t = tablesOf(g)
    const existing = this.c.get<StoredRow>(
      `SELECT i.rid, i.kind, i.number, i.number_key, i.number_short_key, i.number_compact_key, i.title, i.type, i.issuer_name, i.field_names, i.year,
              x.summary, x.body, x.attachment_text
       FROM ${t.items} i JOIN ${t.texts} x ON x.rid = i.rid WHERE i.id = ?`,
      id,
    )
    if (!existing) return
    for (const token of tokenSet(storedTexts(existing))) vocab.set(token, (vocab.get(token) ?? 0) - 1)
    this.c.run(`DELETE FROM ${t.head} WHERE rowid = ?`, existing.rid)
    this.c.run(`DELETE FROM ${t.full} WHERE rowid = ?`, existing.rid)
    this.c.run(`DELETE FROM ${t.texts} WHERE rid = ?`, existing.rid)
    this.c.run(`DELETE FROM ${t.items} WHERE rid = ?`, existing.rid)
    this.c.run(`INSERT INTO ${t.gone} (rid, version) VALUES (?, ?) ON CONFLICT(rid) DO UPDATE SET version = excluded.version`, existing.rid, version)
  }

  private applyVocab(g: number, vocab: Map<string, number>): void {
    const t = tablesOf(g)
    let negative = false
    for (const [term, delta] of vocab) {
      if (delta === 0) continue
      if (delta < 0) negative = true
      this.c.run(`INSERT INTO ${t.vocab} (term, docs) VALUES (?, ?) ON CONFLICT(term) DO UPDATE SET docs = docs + excluded.docs`, term, delta)
    }
    if (negative) this.c.run(`DELETE FROM ${t.vocab} WHERE docs <= 0`)
    vocab.clear()
  }

  async upsert(items: SearchItem[]): Promise<void> {
    // Before anything is written: a refused item leaves the index as it was.
    checkItemScopes(items, this.index)
    if (items.length > 0) await this.writeLive((g, version, vocab) => items.forEach((item) => this.writeItem(g, item, version, vocab)))
  }

  async remove(ids: string[]): Promise<void> {
    if (ids.length > 0) await this.writeLive((g, version, vocab) => new Set(ids).forEach((id) => this.removeItem(g, id, version, vocab)))
  }

  /** One change of the live generation: a new version, the vocabulary deltas applied at the end. */
  private async writeLive(change: (g: number, version: number, vocab: Map<string, number>) => void): Promise<void> {
    await this.exclusive(() => {
      try {
        this.c.write(() => {
          const g = liveGeneration(this.c)
          const vocab = new Map<string, number>()
          change(g, nextVersion(this.c), vocab)
          this.applyVocab(g, vocab)
        })
      } catch (e) {
        throw unavailable(e)
      }
    })
  }

  async replaceAll(batches: AsyncIterable<SearchItem[]>): Promise<{ count: number }> {
    return this.exclusive(async () => {
      let g: number
      try {
        g = beginBuild(this.c)
      } catch (e) {
        throw unavailable(e)
      }
      const t = tablesOf(g)
      let old: number
      let count: number
      try {
        const vocab = new Map<string, number>()
        for await (const batch of batches) {
          // A refused item abandons the build: the live generation stays as it was.
          checkItemScopes(batch, this.index)
          // One transaction per batch, never held across the await: searches in this process and
          // others keep reading the live generation meanwhile.
          this.c.write(() => {
            const version = nextVersion(this.c)
            for (const item of batch) this.writeItem(g, item, version, vocab)
          })
        }
        const entries = [...vocab].filter(([, docs]) => docs > 0)
        for (let i = 0; i < entries.length; i += 50_000) {
          this.c.write(() => {
            for (const [term, docs] of entries.slice(i, i + 50_000)) this.c.run(`INSERT INTO ${t.vocab} (term, docs) VALUES (?, ?)`, term, docs)
          })
        }
        this.c.db.exec(`INSERT INTO ${t.head} (${t.head}) VALUES ('optimize')`)
        this.c.db.exec(`INSERT INTO ${t.full} (${t.full}) VALUES ('optimize')`)
        ;({ old, count } = this.c.write(() => {
          const old = liveGeneration(this.c)
          setMeta(this.c, 'generation', g)
          this.c.run('DELETE FROM search_meta WHERE key = ?', `building:${g}`)
          return { old, count: Number(this.c.get<{ n: number }>(`SELECT count(*) AS n FROM ${t.items}`)!.n) }
        }))
      } catch (e) {
        if (this.c.db.isTransaction) this.c.db.exec('ROLLBACK')
        abandonBuild(this.c, g)
        throw unavailable(e)
      }
      this.c.clearStatements()
      try {
        this.c.write(() => dropTables(this.c.db, old))
        this.c.db.exec('PRAGMA wal_checkpoint(PASSIVE)')
      } catch {
        // The new generation is live; the old tables are dropped by the next build.
      }
      return { count }
    })
  }
}
