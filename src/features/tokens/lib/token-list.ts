/**
 * Filtering and sorting of the token list, following InfluxDB's UI (influxdb-ui.md §1.2), built
 * so that a list of 10,000 tokens can be filtered on every keystroke.
 */
import type { Authorization } from '@/api/contract'
import { scopeSummary } from './scope'

export type SortKey =
  | 'description-asc'
  | 'description-desc'
  | 'status-active'
  | 'status-inactive'
  | 'created-oldest'
  | 'created-newest'

export const SORT_OPTIONS: ReadonlyArray<{ key: SortKey; label: string }> = [
  { key: 'description-asc', label: 'Description (A → Z)' },
  { key: 'description-desc', label: 'Description (Z → A)' },
  { key: 'status-active', label: 'Status (Active)' },
  { key: 'status-inactive', label: 'Status (Inactive)' },
  { key: 'created-oldest', label: 'Date Created (Oldest)' },
  { key: 'created-newest', label: 'Date Created (Newest)' },
]

export const DEFAULT_SORT: SortKey = 'description-asc'

/** For a `?sortKey=` URL parameter: anything unknown falls back to the default. */
export function parseSortKey(value: string | null): SortKey {
  return SORT_OPTIONS.find((option) => option.key === value)?.key ?? DEFAULT_SORT
}

/** A displayed date (see displayedDates) can only hold a query made of these characters. */
const DISPLAYED_DATE_QUERY = /^[\d :-]+$/u

/**
 * Displayed creation dates, formatted on the first query that could be in one: formatting every
 * date on each keystroke is too slow for a large list, and most queries never need them.
 * `formatCreated` writes only digits, spaces, '-' and ':', or returns its input unchanged.
 */
function displayedDates(formatCreated: (iso: string) => string): (auth: Authorization) => string {
  const known = new Map<Authorization, string>()
  return (auth) => {
    let shown = known.get(auth)
    if (shown === undefined) known.set(auth, (shown = formatCreated(auth.createdAt)))
    return shown
  }
}

/**
 * The search for `needle` (trimmed, not blank) as a case-insensitive substring of one field:
 * description, owner, scope (as the Scope column shows it), status, ISO or displayed creation date.
 */
function matcher(needle: string, displayed: (auth: Authorization) => string): (auth: Authorization) => boolean {
  // Unicode case folding matches per character, with no lower-cased copy of each field to keep.
  const pattern = new RegExp(needle.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&'), 'iu')
  const status = { active: pattern.test('active'), inactive: pattern.test('inactive') }
  const inDisplayedDate = DISPLAYED_DATE_QUERY.test(needle)
  return (auth) =>
    pattern.test(auth.description ?? '') ||
    status[auth.status] ||
    pattern.test(auth.user ?? '') ||
    pattern.test(scopeSummary(auth)) ||
    pattern.test(auth.createdAt) ||
    (inDisplayedDate && pattern.test(displayed(auth)))
}

/**
 * The tokens that match `query` in description, owner, scope, status, ISO or displayed creation
 * date (as `formatCreated` shows it): a trimmed, case-insensitive substring of one of them. A blank query
 * returns `auths` itself.
 */
export function filterTokens(auths: Authorization[], query: string, formatCreated: (iso: string) => string): Authorization[] {
  const needle = query.trim()
  return needle === '' ? auths : auths.filter(matcher(needle, displayedDates(formatCreated)))
}

/** Queries whose answers a TokenFilter keeps: enough to type a word and delete it again. */
const REMEMBERED_QUERIES = 16

/**
 * filterTokens over `auths`, remembering its last answers: a query asked again (as when a word is
 * deleted key by key) is answered at once, and one that contains an earlier query looks only among
 * that query's matches (every token matching "tele" matches "tel"). A blank query forgets them all.
 * Whenever every token looked at matches, the answer is the array looked in, not a copy.
 */
export function tokenFilter(auths: Authorization[], formatCreated: (iso: string) => string): (query: string) => Authorization[] {
  const answers = new Map<string, Authorization[]>()
  const displayed = displayedDates(formatCreated)
  return (query) => {
    const needle = query.trim()
    if (needle === '') {
      answers.clear()
      return auths
    }
    let answer = answers.get(needle)
    if (answer) {
      answers.delete(needle)
    } else {
      let among = auths
      for (const [earlier, found] of answers) if (found.length < among.length && needle.includes(earlier)) among = found
      const found = among.filter(matcher(needle, displayed))
      answer = found.length === among.length ? among : found
      if (answers.size === REMEMBERED_QUERIES) answers.delete(answers.keys().next().value as string)
    }
    // Most recently used last, so the oldest is the first to go.
    answers.set(needle, answer)
    return answer
  }
}

const collator = new Intl.Collator('en-US', { numeric: true, sensitivity: 'base' })

// RFC 3339 in UTC, as the server writes it, with up to nanosecond digits.
const UTC_TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,9})?Z$/

/** Only for strings that match UTC_TIMESTAMP: the seconds are the first 19 characters. */
function utcKey(iso: string): string {
  const fraction = iso.slice(20, -1)
  return `${iso.slice(0, 19)}.${fraction.padEnd(9, '0')}`
}

function parsedKey(iso: string): number {
  return Date.parse(iso) || 0
}

/**
 * How to turn creation times into sort keys. UTC timestamps compare exactly (to the nanosecond) as
 * text once the fraction is padded to 9 digits: a plain string compare would put "…:00.5Z" before
 * "…:00Z". Anything else goes through Date.parse, and an unreadable date counts as the oldest.
 */
function createdKeyOf(auths: readonly Authorization[]): (iso: string) => string | number {
  return auths.every((auth) => UTC_TIMESTAMP.test(auth.createdAt)) ? utcKey : parsedKey
}

function ascending<K extends string | number>(a: K, b: K): number {
  if (a === b) return 0
  return a < b ? -1 : 1
}

function descending<K extends string | number>(a: K, b: K): number {
  return ascending(b, a)
}

const STATUS_RANK = { active: 0, inactive: 1 } as const

type SortValue = string | number

/** What `key` sorts `auths` by: each token's sort value, and how two values compare. */
function ordering(auths: readonly Authorization[], key: SortKey): { valueOf: (auth: Authorization) => SortValue; compare: (a: SortValue, b: SortValue) => number } {
  const description = (auth: Authorization) => auth.description
  const status = (auth: Authorization) => STATUS_RANK[auth.status]
  const created = () => {
    const keyOf = createdKeyOf(auths)
    return (auth: Authorization) => keyOf(auth.createdAt)
  }
  switch (key) {
    case 'description-asc':
      return { valueOf: description, compare: (a, b) => collator.compare(a as string, b as string) }
    case 'description-desc':
      return { valueOf: description, compare: (a, b) => collator.compare(b as string, a as string) }
    case 'status-active':
      return { valueOf: status, compare: ascending }
    case 'status-inactive':
      return { valueOf: status, compare: descending }
    case 'created-oldest':
      return { valueOf: created(), compare: ascending }
    case 'created-newest':
      return { valueOf: created(), compare: descending }
  }
}

interface SortEntry {
  auth: Authorization
  value: SortValue
  /** Position in the API order, which breaks ties. */
  index: number
}

/**
 * The entries in the order of `previous` as far as it knows them, the others after in API order:
 * a list sorted a moment ago (before a refetch, a status switch) is then nearly in order already.
 */
function inPreviousOrder(entries: SortEntry[], previous: readonly Authorization[]): SortEntry[] {
  const position = new Map(previous.map((auth, at) => [auth.id, at]))
  const placed: (SortEntry | undefined)[] = new Array(previous.length)
  const rest: SortEntry[] = []
  for (const entry of entries) {
    const at = position.get(entry.auth.id)
    if (at === undefined || placed[at]) rest.push(entry)
    else placed[at] = entry
  }
  return [...placed.filter((entry): entry is SortEntry => entry !== undefined), ...rest]
}

/**
 * Returns a new array; the input (API order) is never mutated. Each token's sort value is computed
 * once; ties keep the input order. `previous`, the list as it was last sorted, is only a hint:
 * the result is the same without it, but a list that changed little is sorted in one pass,
 * since Array.prototype.sort (TimSort) is quick on input that is nearly in order.
 */
export function sortTokens(auths: Authorization[], key: SortKey, previous: readonly Authorization[] = []): Authorization[] {
  const { valueOf, compare } = ordering(auths, key)
  const entries = auths.map((auth, index) => ({ auth, value: valueOf(auth), index }))
  return (previous.length > 0 ? inPreviousOrder(entries, previous) : entries)
    .sort((a, b) => compare(a.value, b.value) || a.index - b.index)
    .map((entry) => entry.auth)
}

/**
 * The first `count` tokens in `key` order (ties in input order, as sortTokens), found in one pass
 * without sorting the rest: the first screen of a long list.
 */
export function firstSorted(auths: readonly Authorization[], key: SortKey, count: number): Authorization[] {
  const { valueOf, compare } = ordering(auths, key)
  const best: { auth: Authorization; value: SortValue }[] = []
  for (const auth of auths) {
    const value = valueOf(auth)
    const last = best[best.length - 1]
    if (best.length === count && last && compare(value, last.value) >= 0) continue
    // After any equal values, so that ties keep the input order.
    let low = 0
    let high = best.length
    while (low < high) {
      const middle = (low + high) >> 1
      if (compare((best[middle] as { value: SortValue }).value, value) <= 0) low = middle + 1
      else high = middle
    }
    best.splice(low, 0, { auth, value })
    if (best.length > count) best.pop()
  }
  return best.map((entry) => entry.auth)
}

/** The first rows of a list in one order, with the length of the whole list. */
export interface FirstScreen {
  sortKey: SortKey
  tokens: Authorization[]
  total: number
}

/**
 * The first `count` tokens of a token list's parsed body in `sortKey` order, without their links;
 * undefined for a body that is not a token list.
 */
export function firstScreenOf(document: unknown, sortKey: SortKey, count: number): FirstScreen | undefined {
  const auths = (document as { authorizations?: unknown } | null)?.authorizations
  if (!Array.isArray(auths)) return undefined
  const tokens = auths.filter((auth): auth is Authorization => typeof auth === 'object' && auth !== null && !Array.isArray(auth))
  return { sortKey, tokens: firstSorted(tokens, sortKey, count).map(({ links: _links, ...token }) => token), total: tokens.length }
}
