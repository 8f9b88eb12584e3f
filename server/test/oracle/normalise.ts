// Turns an answer of either server into a comparable form: IDs become the cast name they stand for
// (or `<id>`), tokens `<token>` and timestamps `<time>`, so two servers with different random IDs
// and clocks can be compared value by value.

const ID = /\b[0-9a-f]{16}\b/g
// 64 random bytes in URL-safe base64 with padding: 88 characters ending in `==`.
const TOKEN = /[A-Za-z0-9_-]{86}==/g
// RFC 3339 with optional fraction and offset, as Go's time.Time and JS's toISOString write them.
const TIME = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})/g

/** Normalises every ID, token and timestamp inside a string; `names` maps an ID to its cast name. */
export function normaliseText(text: string, names: ReadonlyMap<string, string>): string {
  return text
    .replace(TOKEN, (token) => (names.has(token) ? `<token:${names.get(token)}>` : '<token>'))
    .replace(TIME, '<time>')
    .replace(ID, (id) => (names.has(id) ? `<id:${names.get(id)}>` : '<id>'))
}

/** A JSON value with every string normalised and every object's keys sorted. */
export function normalise(value: unknown, names: ReadonlyMap<string, string>): unknown {
  if (typeof value === 'string') return normaliseText(value, names)
  if (Array.isArray(value)) return value.map((item) => normalise(item, names))
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return Object.fromEntries(entries.map(([key, item]) => [key, normalise(item, names)]))
  }
  return value
}

/** The key sets and JSON types of a value, without its values. */
export function shape(value: unknown): unknown {
  if (value === null) return 'null'
  if (Array.isArray(value)) {
    // Elements of one list share a shape; the set of distinct shapes is what is compared.
    const shapes = [...new Set(value.map((item) => JSON.stringify(shape(item))))].sort()
    return shapes.map((s) => JSON.parse(s) as unknown)
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return Object.fromEntries(entries.map(([key, item]) => [key, shape(item)]))
  }
  return typeof value
}

/**
 * Lists are compared as multisets: InfluxDB and the embedded server order buckets and orgs by
 * their random IDs, so the order of a list says nothing.
 */
export function canonical(value: unknown): unknown {
  if (Array.isArray(value)) {
    const keyed = value.map(canonical).map((item) => ({ item, key: JSON.stringify(item) }))
    return keyed.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0)).map(({ item }) => item)
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, item]) => [key, canonical(item)]))
  }
  return value
}

/** The first place where two JSON values differ, as `path: a ≠ b`, or undefined when equal. */
export function firstDifference(a: unknown, b: unknown, path = '$'): string | undefined {
  if (a === b) return undefined
  const brief = (v: unknown) => {
    const text = JSON.stringify(v) ?? 'undefined'
    return text.length > 80 ? `${text.slice(0, 77)}...` : text
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) {
    return `${path}: ${brief(a)} ≠ ${brief(b)}`
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${path}: ${a.length} items ≠ ${b.length} items`
    for (let i = 0; i < a.length; i++) {
      const found = firstDifference(a[i], b[i], `${path}[${i}]`)
      if (found) return found
    }
    return undefined
  }
  const ao = a as Record<string, unknown>
  const bo = b as Record<string, unknown>
  const keys = [...new Set([...Object.keys(ao), ...Object.keys(bo)])].sort()
  for (const key of keys) {
    if (!(key in ao)) return `${path}.${key}: missing ≠ ${brief(bo[key])}`
    if (!(key in bo)) return `${path}.${key}: ${brief(ao[key])} ≠ missing`
    const found = firstDifference(ao[key], bo[key], `${path}.${key}`)
    if (found) return found
  }
  return undefined
}
