import { parseId } from '../ids.ts'
import type { Page } from '../domain.ts'
import { ApiError, invalid } from './errors.ts'

const MAX_LIMIT = 100
const DEFAULT_LIMIT = 20

// Go's strconv.ParseBool.
const booleans: Record<string, boolean> = {
  '1': true, t: true, T: true, true: true, TRUE: true, True: true,
  '0': false, f: false, F: false, false: false, FALSE: false, False: false,
}

/** InfluxDB's DecodeFindOptions: limit 1–100 (default 20), offset, descending, after. */
export function parsePage(query: (name: string) => string | undefined): Page {
  const page: Page = { offset: 0, limit: DEFAULT_LIMIT, descending: false }
  const offset = query('offset')
  if (offset) {
    // Past 2^53 the number is no longer exact, and SQLite refuses a non-integer OFFSET (a 500).
    if (!/^[+-]?\d+$/.test(offset) || !Number.isSafeInteger(Number(offset))) throw invalid('offset is invalid')
    page.offset = Math.max(0, Number(offset))
  }
  const limit = query('limit')
  if (limit) {
    if (!/^[+-]?\d+$/.test(limit)) throw invalid('limit is invalid')
    const n = Number(limit)
    if (n < 1 || n > MAX_LIMIT) throw invalid(`limit must be between 1 and ${MAX_LIMIT}`)
    page.limit = n
  }
  const descending = query('descending')
  if (descending) {
    const value = booleans[descending]
    if (value === undefined) throw invalid('descending is invalid')
    page.descending = value
  }
  const after = query('after')
  if (after) {
    try {
      page.after = parseId(after)
    } catch (error) {
      throw error instanceof ApiError ? invalid(`decoding after: ${error.message}`) : error
    }
  }
  return page
}

/** `links` of a paged list: self, plus next when the page is full and prev when offset > 0. */
export function pagingLinks(
  basePath: string,
  page: Page,
  filters: Record<string, string | undefined>,
  returned: number,
): { self: string; next?: string; prev?: string } {
  const build = (offset: number) => {
    const params: Record<string, string> = {
      descending: String(page.descending),
      limit: String(page.limit),
      offset: String(offset),
    }
    if (page.after) params.after = page.after
    for (const [key, value] of Object.entries(filters)) if (value !== undefined) params[key] = value
    // Go's url.Values.Encode sorts the keys.
    const query = new URLSearchParams(Object.entries(params).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    return `${basePath}?${query.toString()}`
  }
  const links: { self: string; next?: string; prev?: string } = { self: build(page.offset) }
  if (returned >= page.limit) links.next = build(page.offset + page.limit)
  if (page.offset > 0) links.prev = build(Math.max(0, page.offset - page.limit))
  return links
}
