import type { FieldValue, Point } from './domain.ts'

export type Precision = 'ns' | 'us' | 'ms' | 's'

export const PRECISIONS: Record<Precision, bigint> = { ns: 1n, us: 1_000n, ms: 1_000_000n, s: 1_000_000_000n }

const INT64_MAX = 9223372036854775807n
const INT64_MIN = -9223372036854775808n
const UINT64_MAX = 18446744073709551615n
// InfluxDB refuses the two extreme int64 nanosecond values (models.MinNanoTime/MaxNanoTime).
const MIN_NANO = INT64_MIN + 2n
const MAX_NANO = INT64_MAX - 1n

/** Why a line failed. Not an Error: capturing a stack trace for each bad line made a batch of bad lines slow. */
class LineError {
  constructor(readonly message: string) {}
}

function fail(reason: string): never {
  throw new LineError(reason)
}

/** A cursor over one line; `\` escapes the next character everywhere except inside field strings. */
class Cursor {
  pos = 0
  constructor(readonly text: string) {}
  get done() {
    return this.pos >= this.text.length
  }
  peek(): string {
    return this.text[this.pos] ?? ''
  }
  /** Reads until an unescaped character from `stops`, unescaping `\x` to `x` for x in `escapable`. */
  readUntil(stops: string, escapable: string): string {
    const text = this.text
    let out = ''
    let start = this.pos
    while (this.pos < text.length) {
      const ch = text[this.pos] as string
      if (stops.includes(ch)) break
      const next = text[this.pos + 1]
      if (ch === '\\' && next !== undefined && escapable.includes(next)) {
        out += text.slice(start, this.pos) + next
        this.pos += 2
        start = this.pos
      } else {
        this.pos++
      }
    }
    return out + text.slice(start, this.pos)
  }
  skipSpaces() {
    while (this.peek() === ' ' || this.peek() === '\t') this.pos++
  }
}

function parseTags(cur: Cursor): Record<string, string> {
  const tags: Record<string, string> = Object.create(null) as Record<string, string>
  for (;;) {
    if (cur.done || ' ,='.includes(cur.peek())) fail('missing tag key')
    const key = cur.readUntil('=, ', ',= \\')
    if (cur.peek() !== '=') fail('missing tag value')
    cur.pos++
    if (cur.done || cur.peek() === ',' || cur.peek() === ' ') fail('missing tag value')
    const value = cur.readUntil(', =', ',= \\')
    if (cur.peek() === '=') fail('invalid tag format')
    if (key in tags) fail('duplicate tags')
    tags[key] = value
    if (cur.done) fail('missing fields')
    if (cur.peek() === ' ') return tags
    cur.pos++ // the comma before the next tag
  }
}

const BOOLEANS: Record<string, boolean> = {
  t: true, T: true, true: true, True: true, TRUE: true,
  f: false, F: false, false: false, False: false, FALSE: false,
}

function parseNumber(token: string): FieldValue {
  if (token.endsWith('i')) {
    const digits = token.slice(0, -1)
    if (!/^-?\d+$/.test(digits)) fail('invalid number')
    const n = BigInt(digits)
    if (n > INT64_MAX || n < INT64_MIN) {
      fail(`unable to parse integer ${digits}: strconv.ParseInt: parsing "${digits}": value out of range`)
    }
    return { type: 'integer', value: n.toString() }
  }
  if (token.endsWith('u')) {
    const digits = token.slice(0, -1)
    if (!/^\d+$/.test(digits)) fail('invalid number')
    if (BigInt(digits) > UINT64_MAX) {
      fail(`unable to parse unsigned ${digits}: strconv.ParseUint: parsing "${digits}": value out of range`)
    }
    return { type: 'unsigned', value: BigInt(digits).toString() }
  }
  if (!/^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(token)) fail('invalid number')
  const value = Number(token)
  if (!Number.isFinite(value)) fail('invalid float')
  return { type: 'float', value }
}

function parseFieldValue(cur: Cursor): FieldValue {
  if (cur.done || cur.peek() === ',' || cur.peek() === ' ') fail('missing field value')
  if (cur.peek() === '"') {
    const text = cur.text
    let value = ''
    let start = ++cur.pos
    for (;;) {
      if (cur.done) fail('unbalanced quotes')
      const ch = text[cur.pos]
      const next = text[cur.pos + 1]
      if (ch === '\\' && (next === '"' || next === '\\')) {
        value += text.slice(start, cur.pos) + next
        cur.pos += 2
        start = cur.pos
      } else if (ch === '"') {
        value += text.slice(start, cur.pos)
        cur.pos++
        return { type: 'string', value }
      } else {
        cur.pos++
      }
    }
  }
  const token = cur.readUntil(', ', '')
  if (/^[-0-9.]/.test(token) || /^[nN]/.test(token)) return parseNumber(token)
  const bool = BOOLEANS[token]
  if (bool === undefined) fail('invalid boolean')
  return { type: 'boolean', value: bool }
}

function parseFields(cur: Cursor): Record<string, FieldValue> {
  const fields: Record<string, FieldValue> = Object.create(null) as Record<string, FieldValue>
  cur.skipSpaces()
  if (cur.done) fail('missing fields')
  for (;;) {
    if (cur.peek() === '=') fail('missing field key')
    const key = cur.readUntil('=, ', ',= \\')
    if (cur.peek() !== '=') fail('invalid field format')
    cur.pos++
    fields[key] = parseFieldValue(cur)
    if (cur.peek() !== ',') return fields
    cur.pos++
    if (cur.done || cur.peek() === ' ') fail('missing field key')
  }
}

function parseTime(cur: Cursor, precision: Precision, now: bigint): bigint {
  cur.skipSpaces()
  if (cur.done) return now - (now % PRECISIONS[precision])
  const token = cur.readUntil(' ', '')
  if (!/^-?\d+$/.test(token)) fail('bad timestamp')
  cur.skipSpaces()
  if (!cur.done) fail('point is invalid')
  const value = BigInt(token)
  if (value > INT64_MAX || value < INT64_MIN) {
    fail(`strconv.ParseInt: parsing "${token}": value out of range`)
  }
  const nanos = value * PRECISIONS[precision]
  if (nanos < MIN_NANO || nanos > MAX_NANO) {
    fail(`time outside range ${MIN_NANO} - ${MAX_NANO}`)
  }
  return nanos
}

function parseLine(line: string, precision: Precision, now: bigint): Point {
  const cur = new Cursor(line)
  if (cur.peek() === ',') fail('missing measurement')
  const measurement = cur.readUntil(', ', ', \\')
  if (cur.done) fail('missing fields')
  let tags: Record<string, string> = Object.create(null) as Record<string, string>
  if (cur.peek() === ',') {
    cur.pos++
    tags = parseTags(cur)
  }
  const fields = parseFields(cur)
  const time = parseTime(cur, precision, now)
  return { measurement, tags, fields, time }
}

/**
 * Splits text fed in pieces on newlines that are not inside a quoted string field value. A
 * line may span pieces; the state (escape, quotes, past the measurement) carries over.
 */
export class LineSplitter {
  private carry = ''
  private escaped = false
  private quoted = false
  private inFields = false

  /** The lines that `text` completes. */
  push(text: string): string[] {
    const lines: string[] = []
    let start = 0
    for (let i = 0; i < text.length; i++) {
      if (this.escaped) {
        this.escaped = false
        continue
      }
      const ch = text[i]
      if (ch === '\\') {
        this.escaped = true
      } else if (ch === ' ' && !this.quoted) {
        this.inFields = true
      } else if (ch === '"' && this.inFields) {
        this.quoted = !this.quoted
      } else if (ch === '\n' && !this.quoted) {
        lines.push(this.carry + text.slice(start, i))
        this.carry = ''
        start = i + 1
        this.inFields = false
      }
    }
    this.carry += text.slice(start)
    return lines
  }

  /** The last line (possibly empty). */
  end(): string {
    const last = this.carry
    this.carry = ''
    return last
  }
}

/** At most this many problems are reported, each quoting at most QUOTED_CHARS of its line. */
export const REPORTED_ERRORS = 100
const QUOTED_CHARS = 256

/**
 * Parses a batch line by line, handing each point to `onPoint`. Blank lines and `#` comments are
 * skipped; points without a timestamp get `now` (nanoseconds) truncated to the precision.
 * Problems are InfluxDB's per-line messages, `unable to parse '<line>': <reason>`, capped so that
 * a huge invalid body cannot make a huge answer.
 */
export class LineProtocolParser {
  readonly errors: string[] = []
  errorCount = 0

  constructor(
    private readonly precision: Precision,
    private readonly now: bigint,
    private readonly onPoint: (point: Point) => void,
  ) {}

  line(raw: string): void {
    const line = raw.replace(/\r$/, '').replace(/^[ \t\0]+/, '')
    if (line === '' || line.startsWith('#')) return
    try {
      this.onPoint(parseLine(line, this.precision, this.now))
    } catch (error) {
      if (!(error instanceof LineError)) throw error
      this.problem(line, error.message)
    }
  }

  problem(line: string, reason: string): void {
    this.errorCount++
    if (this.errors.length >= REPORTED_ERRORS) return
    const quoted = line.length > QUOTED_CHARS ? `${line.slice(0, QUOTED_CHARS)}…` : line
    this.errors.push(`unable to parse '${quoted}': ${reason}`)
  }

  /** The error message: the reported problems, one a line, and how many more there were. */
  report(): string {
    const more = this.errorCount - this.errors.length
    return more > 0 ? `${this.errors.join('\n')}\n(and ${more} more lines that could not be parsed)` : this.errors.join('\n')
  }
}

export interface ParseResult {
  points: Point[]
  /** The first REPORTED_ERRORS problems. */
  errors: string[]
  errorCount: number
}

/** Parses a whole line-protocol batch at once (see LineProtocolParser). */
export function parseLineProtocol(text: string, precision: Precision, now: bigint): ParseResult {
  const points: Point[] = []
  const parser = new LineProtocolParser(precision, now, (p) => points.push(p))
  const splitter = new LineSplitter()
  for (const line of splitter.push(text)) parser.line(line)
  parser.line(splitter.end())
  return { points, errors: parser.errors, errorCount: parser.errorCount }
}
