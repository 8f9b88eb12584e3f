import { isUtf8 } from 'node:buffer'
import type { Store } from './db/store.ts'
import { LineProtocolParser, LineSplitter, type Precision } from './lineprotocol.ts'

// A write at the size limit takes long to parse and insert. It runs on the event loop in slices
// of this many milliseconds, so every other request waits at most about one slice. (A worker
// thread would need its own SQLite connection, and the main connection's synchronous busy-wait
// for the worker's write lock would freeze the event loop instead.)
const SLICE_MS = 4
// Decoded in newline-aligned pieces of about this many bytes: a newline byte never sits inside a
// UTF-8 sequence, so each piece decodes on its own.
const PIECE_BYTES = 64 * 1024

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))

/** The logical lines of a body, decoded a piece at a time. Stops at the first piece that is not UTF-8. */
class BodyLines {
  private offset = 0
  private lines: string[] = []
  private index = 0
  private ended = false
  private readonly splitter = new LineSplitter()
  /** The first physical line that is not UTF-8 (shown with replacement characters), if any. */
  invalidLine: string | undefined

  constructor(private readonly body: Buffer) {}

  next(): string | undefined {
    while (this.index >= this.lines.length) {
      if (this.ended || this.invalidLine !== undefined) return undefined
      if (this.offset >= this.body.length) {
        this.ended = true
        return this.splitter.end()
      }
      const newline = this.body.indexOf(0x0a, Math.min(this.offset + PIECE_BYTES, this.body.length - 1))
      const end = newline === -1 ? this.body.length : newline + 1
      const piece = this.body.subarray(this.offset, end)
      this.offset = end
      if (!isUtf8(piece)) {
        this.invalidLine = firstInvalidLine(piece)
        return undefined
      }
      this.lines = this.splitter.push(piece.toString('utf8'))
      this.index = 0
    }
    return this.lines[this.index++]
  }
}

function firstInvalidLine(piece: Buffer): string {
  let start = 0
  for (;;) {
    const newline = piece.indexOf(0x0a, start)
    const line = piece.subarray(start, newline === -1 ? piece.length : newline)
    if (!isUtf8(line) || newline === -1) return line.toString('utf8')
    start = newline + 1
  }
}

/**
 * Checks a line-protocol body without holding the event loop or the points (a batch is parsed
 * twice, once here and once as it is stored, so that a 25 MiB write never holds millions of
 * long-lived objects for the garbage collector to copy). Returns InfluxDB's error message
 * (capped), or undefined when every line parses. Invalid UTF-8 is refused: SQLite text cannot
 * keep such bytes and would store U+FFFD.
 */
export async function checkBatch(body: Buffer, precision: Precision, now: bigint): Promise<string | undefined> {
  const parser = new LineProtocolParser(precision, now, () => {})
  const lines = new BodyLines(body)
  for (;;) {
    const started = performance.now()
    while (performance.now() - started < SLICE_MS) {
      const line = lines.next()
      if (line === undefined) {
        if (lines.invalidLine !== undefined) parser.problem(lines.invalidLine, 'invalid UTF-8')
        return parser.errorCount > 0 ? parser.report() : undefined
      }
      parser.line(line)
    }
    await nextTurn()
  }
}

/**
 * Stores a body that checkBatch accepted (with the same `now`), in short transactions with the
 * event loop free between them. It is stored whole unless the process dies midway: then a
 * prefix of it is kept, as a crash partway through an InfluxDB write keeps the shards already
 * written. Returns false if the bucket went away meanwhile.
 */
export async function storeBatch(store: Store, bucketID: string, body: Buffer, precision: Precision, now: bigint): Promise<boolean> {
  const parser = new LineProtocolParser(precision, now, (p) => store.points.insert(bucketID, p))
  const lines = new BodyLines(body)
  let done = false
  while (!done) {
    const bucketGone = store.db.transaction(() => {
      if (!store.buckets.byId(bucketID)) return true
      const started = performance.now()
      while (performance.now() - started < SLICE_MS) {
        const line = lines.next()
        if (line === undefined) {
          done = true
          break
        }
        parser.line(line)
      }
      return false
    })
    if (bucketGone) return false
    await nextTurn()
  }
  return true
}
