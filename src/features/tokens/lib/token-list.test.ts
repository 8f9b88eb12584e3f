import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Authorization } from '@/api/contract'
import { DEFAULT_SORT, SORT_OPTIONS, filterTokens, firstSorted, parseSortKey, sortTokens, toListItems, tokenFilter } from './token-list'
import { makeAuth } from './test-fixtures'

// A fixed, locale-free stand-in for the list's displayed date format.
const formatCreated = (iso: string) => iso.slice(0, 19).replace('T', ' ')

const auths: Authorization[] = [
  makeAuth({ id: '0000000000001001', description: 'telegraf writer 10', status: 'active', createdAt: '2024-03-01T10:00:00.5Z' }),
  makeAuth({ id: '0000000000001002', description: 'Telegraf writer 2', status: 'inactive', createdAt: '2024-03-01T10:00:00Z' }),
  makeAuth({ id: '0000000000001003', description: '', status: 'active', createdAt: '2023-12-31T23:59:59.999999999Z' }),
  makeAuth({ id: '0000000000001004', description: 'grafana reader', status: 'inactive', createdAt: '2024-03-01T10:00:00.000000001Z' }),
  makeAuth({ id: '0000000000001005', description: 'telegraf writer 2', status: 'active', createdAt: '2024-03-01T10:00:00Z' }),
]
const items = toListItems(auths, formatCreated)
const ids = (list: { auth: Authorization }[]) => list.map((item) => item.auth.id.slice(-1))

describe('sort options', () => {
  it('lists the six options of InfluxDB, in its order and wording', () => {
    expect(SORT_OPTIONS.map((option) => `${option.key}: ${option.label}`)).toEqual([
      'description-asc: Description (A → Z)',
      'description-desc: Description (Z → A)',
      'status-active: Status (Active)',
      'status-inactive: Status (Inactive)',
      'created-oldest: Date Created (Oldest)',
      'created-newest: Date Created (Newest)',
    ])
    expect(DEFAULT_SORT).toBe('description-asc')
  })

  it('parses known keys and falls back to the default otherwise', () => {
    expect(parseSortKey('created-newest')).toBe('created-newest')
    expect(parseSortKey('bogus')).toBe('description-asc')
    expect(parseSortKey(null)).toBe('description-asc')
  })
})

describe('toListItems', () => {
  it('reuses the item of a token object it has seen, so one changed row costs one search string', () => {
    const again = toListItems([auths[1] as Authorization, { ...(auths[0] as Authorization), status: 'inactive' }], formatCreated)
    expect(again[0]).toBe(items[1])
    expect(again[1]).not.toBe(items[0])
    expect(again[1]?.haystack).toContain('inactive')
  })

  it('joins description, status, ISO and displayed date into one lower-cased string', () => {
    expect(items[1]?.haystack).toBe('telegraf writer 2\u0000inactive\u00002024-03-01t10:00:00z\u00002024-03-01 10:00:00')
  })
})

describe('filterTokens', () => {
  it('matches a trimmed, case-insensitive substring of any field', () => {
    expect(ids(filterTokens(items, '  TELEGRAF '))).toEqual(['1', '2', '5'])
    expect(ids(filterTokens(items, 'inactive'))).toEqual(['2', '4'])
    expect(ids(filterTokens(items, '2023-12-31 23:59'))).toEqual(['3'])
    expect(ids(filterTokens(items, '2023-12-31T23'))).toEqual(['3'])
  })

  it('matches "active" in inactive tokens too, as InfluxDB does', () => {
    expect(filterTokens(items, 'active')).toHaveLength(5)
  })

  it('does not match across two fields', () => {
    expect(filterTokens(items, 'reader inactive')).toEqual([])
  })

  it('returns the same array for an empty or blank query', () => {
    expect(filterTokens(items, '')).toBe(items)
    expect(filterTokens(items, '   ')).toBe(items)
  })
})

describe('tokenFilter', () => {
  it('answers every query as filterTokens does, whatever was asked before', () => {
    const words = ['te', 'tele', 'telegraf', 'r', 'writer', 'writer 2', 'act', 'inactive', '2024', 'x', ' TELE ', '']
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 60 }), (queries) => {
        const filter = tokenFilter(items)
        for (const query of queries) expect(filter(query)).toEqual(filterTokens(items, query))
      }),
    )
  })

  it('answers a query asked again with the same array, and an empty one with the list itself', () => {
    const filter = tokenFilter(items)
    const first = filter('telegraf')
    filter('telegraf w')
    expect(filter('TELEGRAF')).toBe(first)
    expect(filter(' ')).toBe(items)
  })
})

describe('sortTokens', () => {
  it('sorts descriptions naturally and case-blind, ties in API order, empty first', () => {
    expect(ids(sortTokens(items, 'description-asc'))).toEqual(['3', '4', '2', '5', '1'])
    expect(ids(sortTokens(items, 'description-desc'))).toEqual(['1', '2', '5', '4', '3'])
  })

  it('puts active or inactive tokens first, keeping API order within each', () => {
    expect(ids(sortTokens(items, 'status-active'))).toEqual(['1', '3', '5', '2', '4'])
    expect(ids(sortTokens(items, 'status-inactive'))).toEqual(['2', '4', '1', '3', '5'])
  })

  it('sorts UTC timestamps to the nanosecond, ties in API order', () => {
    expect(ids(sortTokens(items, 'created-oldest'))).toEqual(['3', '2', '5', '4', '1'])
    expect(ids(sortTokens(items, 'created-newest'))).toEqual(['1', '4', '2', '5', '3'])
  })

  it('falls back to Date.parse for offsets, with unreadable dates as the oldest', () => {
    const mixed = toListItems(
      [
        makeAuth({ id: '0000000000002001', createdAt: '2024-03-01T12:00:00+02:00' }),
        makeAuth({ id: '0000000000002002', createdAt: 'not a date' }),
        makeAuth({ id: '0000000000002003', createdAt: '2024-03-01T09:30:00Z' }),
      ],
      formatCreated,
    )
    expect(ids(sortTokens(mixed, 'created-oldest'))).toEqual(['2', '3', '1'])
  })

  it('never mutates its input', () => {
    const before = [...items]
    const sorted = sortTokens(items, 'created-newest')
    expect(sorted).not.toBe(items)
    expect(items).toEqual(before)
  })

  // Speed at this size is measured by `npm run bench`; here only correctness at scale.
  it('filters and sorts 10,000 tokens correctly', () => {
    const many = Array.from({ length: 10_000 }, (_, i) =>
      makeAuth({
        id: i.toString(16).padStart(16, '0'),
        description: `token ${(i * 7919) % 10_000}`,
        status: i % 3 === 0 ? 'inactive' : 'active',
        createdAt: new Date(Date.UTC(2024, 0, 1) + ((i * 104_729) % 10_000) * 60_000).toISOString(),
      }),
    )
    const list = toListItems(many, formatCreated)
    const filtered = filterTokens(list, 'token 1')
    expect(filtered).toHaveLength(1111)
    const byDescription = sortTokens(filtered, 'description-asc').map((item) => item.auth.description)
    expect(byDescription.slice(0, 3)).toEqual(['token 1', 'token 10', 'token 11'])
    const newest = sortTokens(list, 'created-newest').map((item) => item.auth.createdAt)
    expect(newest).toEqual([...newest].sort().reverse())
  })
})

describe('sorting and searching with the previous list as a hint', () => {
  it('sorts as without the hint, whatever order, subset or extra tokens the hint holds', () => {
    const many = toListItems(
      Array.from({ length: 60 }, (_, n) =>
        makeAuth({
          id: String(2000 + n).padStart(16, '0'),
          description: ['alpha', 'Beta', 'beta', 'gamma 2', 'gamma 10', ''][n % 6] as string,
          status: n % 4 ? 'active' : 'inactive',
          createdAt: `2024-03-0${(n % 3) + 1}T10:00:00Z`,
        }),
      ),
      formatCreated,
    )
    const stranger = toListItems([makeAuth({ id: '0000000000009999', description: 'gone' })], formatCreated)
    fc.assert(
      fc.property(fc.shuffledSubarray(many), fc.boolean(), fc.constantFrom(...SORT_OPTIONS.map((o) => o.key)), (hint, withStranger, key) => {
        const previous = withStranger ? [...stranger, ...hint] : hint
        expect(sortTokens(many, key, previous)).toEqual(sortTokens(many, key))
      }),
    )
  })

  it('keeps the search string of a fresh copy whose searched fields did not change', () => {
    const [before] = toListItems([makeAuth({ id: '0000000000000042', description: 'Kept' })], formatCreated)
    const hint = [{ ...before!, haystack: 'marker' }]
    const [same] = toListItems([makeAuth({ id: '0000000000000042', description: 'Kept' })], formatCreated, hint)
    const [renamed] = toListItems([makeAuth({ id: '0000000000000042', description: 'Renamed' })], formatCreated, hint)
    expect(same?.haystack).toBe('marker')
    expect(renamed?.haystack).toContain('renamed')
  })
})

describe('firstSorted', () => {
  it('gives the first rows of every sort order, ties as sortTokens puts them', () => {
    const auth = fc.record({
      id: fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 16, maxLength: 16 }),
      description: fc.constantFrom('', 'a', 'A', 'b 2', 'b 10', 'Télégraf', 'z'),
      status: fc.constantFrom('active' as const, 'inactive' as const),
      createdAt: fc.constantFrom('2024-03-01T10:00:00Z', '2024-03-01T10:00:00.5Z', '2023-01-01T00:00:00Z', 'not a date'),
    })
    fc.assert(
      fc.property(fc.array(auth, { maxLength: 40 }), fc.constantFrom(...SORT_OPTIONS.map((o) => o.key)), fc.integer({ min: 1, max: 45 }), (fields, key, count) => {
        const list = fields.map((f) => makeAuth(f))
        const expected = sortTokens(toListItems(list, formatCreated), key).slice(0, count).map((item) => item.auth)
        expect(firstSorted(list, key, count)).toEqual(expected)
      }),
    )
  })
})
