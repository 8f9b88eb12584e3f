import type { FieldValue, Point } from './db/database.ts'

export type Precision = 'ns' | 'us' | 'ms' | 's'

export const PRECISIONS: Record<Precision, bigint> = { ns: 1n, us: 1_000n, ms: 1_000_000n, s: 1_000_000_000n }

const INT64_MAX = 9223372036854775807n
const INT64_MIN = -9223372036854775808n
const UINT64_MAX = 18446744073709551615n
// InfluxDB refuses the two extreme int64 nanosecond values (models.MinNanoTime/MaxNanoTime).
const MIN_NANO = INT64_MIN + 2n
const MAX_NANO = INT64_MAX - 1n

class LineError extends Error {}

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
    let out = ''
    while (!this.done && !stops.includes(this.peek())) {
      const next = this.text[this.pos + 1]
      if (this.peek() === '\\' && next !== undefined && escapable.includes(next)) {
        out += next
        this.pos += 2
      } else {
        out += this.peek()
        this.pos++
      }
    }
    return out
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
    cur.pos++
    let value = ''
    for (;;) {
      if (cur.done) fail('unbalanced quotes')
      const next = cur.text[cur.pos + 1]
      if (cur.peek() === '\\' && (next === '"' || next === '\\')) {
        value += next
        cur.pos += 2
      } else if (cur.peek() === '"') {
        cur.pos++
        return { type: 'string', value }
      } else {
        value += cur.peek()
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

/** Splits on newlines that are not inside a quoted string field value. */
function splitLines(text: string): string[] {
  const lines: string[] = []
  let start = 0
  let quoted = false
  let inFields = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (ch === '\\') {
      i++
    } else if (ch === ' ' && !quoted) {
      inFields = true
    } else if (ch === '"' && inFields) {
      quoted = !quoted
    } else if (ch === '\n' && !quoted) {
      lines.push(text.slice(start, i))
      start = i + 1
      inFields = false
    }
  }
  lines.push(text.slice(start))
  return lines
}

export interface ParseResult {
  points: Point[]
  /** InfluxDB's per-line messages: `unable to parse '<line>': <reason>`. */
  errors: string[]
}

/**
 * Parses a line-protocol batch. Blank lines and `#` comments are skipped; points without a
 * timestamp get `now` (nanoseconds) truncated to the precision.
 */
export function parseLineProtocol(text: string, precision: Precision, now: bigint): ParseResult {
  const points: Point[] = []
  const errors: string[] = []
  for (const raw of splitLines(text)) {
    const line = raw.replace(/\r$/, '').replace(/^[ \t\0]+/, '')
    if (line === '' || line.startsWith('#')) continue
    try {
      points.push(parseLine(line, precision, now))
    } catch (error) {
      if (!(error instanceof LineError)) throw error
      errors.push(`unable to parse '${line}': ${error.message}`)
    }
  }
  return { points, errors }
}
