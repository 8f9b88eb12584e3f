/**
 * Filtering and sorting of the token list, following InfluxDB's UI (influxdb-ui.md §1.2), built
 * so that a list of 10,000 tokens can be filtered on every keystroke.
 */
import type { Authorization } from '@/api/contract'

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

export interface TokenListItem {
  auth: Authorization
  /** Lower-cased text the search looks in, computed once per token rather than per keystroke. */
  haystack: string
}

// A character nobody types, so that a query cannot match across two fields.
const FIELD_SEPARATOR = '\u0000'

/** `formatCreated` is the date format the list displays, so users can search what they see. */
export function toListItems(auths: Authorization[], formatCreated: (iso: string) => string): TokenListItem[] {
  return auths.map((auth) => ({
    auth,
    haystack: [auth.description, auth.status, auth.createdAt, formatCreated(auth.createdAt)]
      .join(FIELD_SEPARATOR)
      .toLowerCase(),
  }))
}

export function filterTokens(items: TokenListItem[], query: string): TokenListItem[] {
  const needle = query.trim().toLowerCase()
  if (needle === '') return items
  return items.filter((item) => item.haystack.includes(needle))
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
function createdKeyOf(items: TokenListItem[]): (iso: string) => string | number {
  return items.every((item) => UTC_TIMESTAMP.test(item.auth.createdAt)) ? utcKey : parsedKey
}

function ascending<K extends string | number>(a: K, b: K): number {
  if (a === b) return 0
  return a < b ? -1 : 1
}

function descending<K extends string | number>(a: K, b: K): number {
  return ascending(b, a)
}

const STATUS_RANK = { active: 0, inactive: 1 } as const

/** Computes each item's key once; ties keep the input order, since Array.prototype.sort is stable. */
function sortBy<K>(items: TokenListItem[], keyOf: (item: TokenListItem) => K, compare: (a: K, b: K) => number): TokenListItem[] {
  return items
    .map((item) => ({ item, key: keyOf(item) }))
    .sort((a, b) => compare(a.key, b.key))
    .map((entry) => entry.item)
}

function sortByCreated(items: TokenListItem[], compare: (a: string | number, b: string | number) => number): TokenListItem[] {
  const keyOf = createdKeyOf(items)
  return sortBy(items, (item) => keyOf(item.auth.createdAt), compare)
}

/** Returns a new array; the input (API order) is never mutated. */
export function sortTokens(items: TokenListItem[], key: SortKey): TokenListItem[] {
  const description = (item: TokenListItem) => item.auth.description
  const status = (item: TokenListItem) => STATUS_RANK[item.auth.status]
  switch (key) {
    case 'description-asc':
      return sortBy(items, description, collator.compare)
    case 'description-desc':
      return sortBy(items, description, (a, b) => collator.compare(b, a))
    case 'status-active':
      return sortBy(items, status, ascending)
    case 'status-inactive':
      return sortBy(items, status, descending)
    case 'created-oldest':
      return sortByCreated(items, ascending)
    case 'created-newest':
      return sortByCreated(items, descending)
  }
}
