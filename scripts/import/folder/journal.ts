/**
 * The folder import's journal: one JSON line per original handled, keyed by the SHA-256 of its
 * bytes, appended as soon as the file's batch has committed. A run that was interrupted (Ctrl-C, a
 * crash, a reboot) is resumed by running the same command: files already in the journal are not
 * read again, and their earlier outcome is reported. An entry counts for the same bytes at the same
 * path inside the folder, so the folder itself may have been moved; the same bytes under another
 * name are a duplicate (folder.ts). Failed files are always tried again.
 *
 * A batch committed but not yet journalled when the process died is recognised by the files' hashes
 * and the path the drafts were made from (documents.fromFile.source): those files are resumed too.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { FileResult } from '../../../cms/originals/importOriginal'

export interface JournalEntry extends FileResult {
  hash: string
  at: string
}

export class Journal {
  private entries = new Map<string, JournalEntry>()

  constructor(readonly file: string) {
    if (!fs.existsSync(file)) return
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim()) continue
      try {
        const entry = JSON.parse(line) as JournalEntry
        if (entry.hash) this.entries.set(entry.hash, entry)
      } catch {
        // A line cut short by a crash mid-write: that file is simply done again.
      }
    }
  }

  /** The last outcome recorded for these bytes, unless it failed (failures are retried). */
  done(hash: string): JournalEntry | undefined {
    const entry = this.entries.get(hash)
    return entry && entry.outcome !== 'failed' ? entry : undefined
  }

  record(result: FileResult): void {
    if (!result.hash) return
    const entry: JournalEntry = { ...result, hash: result.hash, at: new Date().toISOString() }
    this.entries.set(result.hash, entry)
    fs.mkdirSync(path.dirname(this.file), { recursive: true })
    fs.appendFileSync(this.file, `${JSON.stringify(entry)}\n`)
  }
}
