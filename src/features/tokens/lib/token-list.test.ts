import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import type { Authorization } from '@/api/contract'
import { DEFAULT_SORT, SORT_OPTIONS, filterTokens, firstScreenOf, firstSorted, parseSortKey, sortTokens, tokenFilter } from './token-list'
import { B1, makeAuth, ORG, read, write } from './test-fixtures'

// A fixed, locale-free stand-in for the list's displayed date format.
const formatCreated = (iso: string) => iso.slice(0, 19).replace('T', ' ')

const auths: Authorization[] = [
  makeAuth({ id: '0000000000001001', description: 'telegraf writer 10', status: 'active', createdAt: '2024-03-01T10:00:00.5Z' }),
  makeAuth({ id: '0000000000001002', description: 'Telegraf writer 2', status: 'inactive', createdAt: '2024-03-01T10:00:00Z' }),
  makeAuth({ id: '0000000000001003', description: '', status: 'active', createdAt: '2023-12-31T23:59:59.999999999Z' }),
  makeAuth({ id: '0000000000001004', description: 'grafana reader', status: 'inactive', createdAt: '2024-03-01T10:00:00.000000001Z' }),
  makeAuth({ id: '0000000000001005', description: 'telegraf writer 2', status: 'active', createdAt: '2024-03-01T10:00:00Z' }),
]
const items = auths
const ids = (list: Authorization[]) => list.map((auth) => auth.id.slice(-1))

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

const filter = (list: Authorization[], query: string) => filterTokens(list, query, formatCreated)

describe('filterTokens', () => {
  it('matches a trimmed, case-insensitive substring of any field', () => {
    expect(ids(filter(items, '  TELEGRAF '))).toEqual(['1', '2', '5'])
    expect(ids(filter(items, 'inactive'))).toEqual(['2', '4'])
    expect(ids(filter(items, 'INACTIVE'))).toEqual(['2', '4'])
    expect(ids(filter(items, '2023-12-31 23:59'))).toEqual(['3'])
    expect(ids(filter(items, '2023-12-31t23'))).toEqual(['3'])
  })

  it('folds case beyond ASCII, in text of one or two bytes a character', () => {
    const world = [
      makeAuth({ id: '0000000000003001', description: 'Télégraf ZÜRICH' }),
      makeAuth({ id: '0000000000003002', description: 'Отчёты · k8s' }),
      makeAuth({ id: '0000000000003003', description: 'ΣΊΣΥΦΟΣ' }),
    ]
    expect(ids(filter(world, 'tÉLÉ'))).toEqual(['1'])
    expect(ids(filter(world, 'zürich'))).toEqual(['1'])
    expect(ids(filter(world, 'отчёты'))).toEqual(['2'])
    expect(ids(filter(world, 'σίσυφος'))).toEqual(['3'])
  })

  it('takes every character of the query literally', () => {
    const odd = [
      makeAuth({ id: '0000000000004001', description: 'a.b (c) [d] {e} f|g h*+? $i^ \\j/k' }),
      makeAuth({ id: '0000000000004002', description: 'axb' }),
    ]
    for (const query of ['a.b', '(c)', '[d]', '{e}', 'f|g', 'h*+?', '$i^', '\\j/k']) expect(ids(filter(odd, query))).toEqual(['1'])
    expect(filter(odd, '.')).toHaveLength(1)
  })

  it('matches the Owner and Scope columns as they read', () => {
    const owned = [
      makeAuth({ id: '0000000000005001', description: 'ci', user: 'Bob' }),
      makeAuth({ id: '0000000000005002', description: 'ops', permissions: [write({ type: 'buckets', orgID: ORG, id: B1 })] }),
      makeAuth({ id: '0000000000005003', description: 'board', permissions: [read({ type: 'dashboards', orgID: ORG })] }),
    ]
    expect(ids(filter(owned, 'bob'))).toEqual(['1'])
    expect(ids(filter(owned, 'write 1 bucket'))).toEqual(['2'])
    expect(ids(filter(owned, 'custom'))).toEqual(['3'])
    expect(ids(filter(owned, 'read all buckets'))).toEqual(['1'])
  })

  it('matches "active" in inactive tokens too, as InfluxDB does', () => {
    expect(filter(items, 'active')).toHaveLength(5)
  })

  it('does not match across two fields', () => {
    expect(filter(items, 'reader inactive')).toEqual([])
  })

  it('looks in displayed dates only for what a displayed date can hold, as the format promises', () => {
    const format = vi.fn(formatCreated)
    filterTokens(items, 'telegraf', format)
    expect(format).not.toHaveBeenCalled()
    expect(ids(filterTokens(items, '2023-12-31 23', format))).toEqual(['3'])
  })

  it('returns the same array for an empty or blank query', () => {
    expect(filter(items, '')).toBe(items)
    expect(filter(items, '   ')).toBe(items)
  })
})

describe('tokenFilter', () => {
  it('answers every query as filterTokens does, whatever was asked before', () => {
    const words = ['te', 'tele', 'telegraf', 'TeLe', 'r', 'writer', 'writer 2', 'act', 'inactive', '2024', '2024-03-01 10', 'x', ' TELE ', '']
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 60 }), (queries) => {
        const remembering = tokenFilter(items, formatCreated)
        for (const query of queries) expect(remembering(query)).toEqual(filter(items, query))
      }),
    )
  })

  it('answers a query asked again with the same array, and an empty one with the list itself', () => {
    const remembering = tokenFilter(items, formatCreated)
    const first = remembering('telegraf')
    remembering('telegraf w')
    expect(remembering(' telegraf ')).toBe(first)
    expect(remembering(' ')).toBe(items)
  })

  it('answers with the array it looked in when every token there matches', () => {
    const remembering = tokenFilter(items, formatCreated)
    // Every ISO date holds a "T".
    expect(remembering('t')).toBe(items)
    const telegraf = remembering('telegraf')
    expect(remembering('telegraf ')).toBe(telegraf)
    expect(remembering('telegraf w')).toBe(telegraf)
  })

  it('forgets its answers once the query is blank', () => {
    const remembering = tokenFilter(items, formatCreated)
    const first = remembering('telegraf')
    expect(remembering('')).toBe(items)
    const again = remembering('telegraf')
    expect(again).toEqual(first)
    expect(again).not.toBe(first)
  })

  it('formats each displayed date once, however many queries look in it', () => {
    const format = vi.fn(formatCreated)
    const remembering = tokenFilter(items, format)
    // A space is in no ISO date: each of these looks in every displayed date.
    expect(ids(remembering('01 10'))).toEqual(['1', '2', '4', '5'])
    expect(ids(remembering('31 23'))).toEqual(['3'])
    remembering('1 1')
    expect(format).toHaveBeenCalledTimes(items.length)
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
    const mixed = [
      makeAuth({ id: '0000000000002001', createdAt: '2024-03-01T12:00:00+02:00' }),
      makeAuth({ id: '0000000000002002', createdAt: 'not a date' }),
      makeAuth({ id: '0000000000002003', createdAt: '2024-03-01T09:30:00Z' }),
    ]
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
    const filtered = filter(many, 'token 1')
    expect(filtered).toHaveLength(1111)
    const byDescription = sortTokens(filtered, 'description-asc').map((auth) => auth.description)
    expect(byDescription.slice(0, 3)).toEqual(['token 1', 'token 10', 'token 11'])
    const newest = sortTokens(many, 'created-newest').map((auth) => auth.createdAt)
    expect(newest).toEqual([...newest].sort().reverse())
  })
})

describe('sorting with the previous list as a hint', () => {
  it('sorts as without the hint, whatever order, subset or extra tokens the hint holds', () => {
    const many = Array.from({ length: 60 }, (_, n) =>
      makeAuth({
        id: String(2000 + n).padStart(16, '0'),
        description: ['alpha', 'Beta', 'beta', 'gamma 2', 'gamma 10', ''][n % 6] as string,
        status: n % 4 ? 'active' : 'inactive',
        createdAt: `2024-03-0${(n % 3) + 1}T10:00:00Z`,
      }),
    )
    const stranger = [makeAuth({ id: '0000000000009999', description: 'gone' })]
    fc.assert(
      fc.property(fc.shuffledSubarray(many), fc.boolean(), fc.constantFrom(...SORT_OPTIONS.map((o) => o.key)), (hint, withStranger, key) => {
        const previous = withStranger ? [...stranger, ...hint] : hint
        expect(sortTokens(many, key, previous)).toEqual(sortTokens(many, key))
      }),
    )
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
        const expected = sortTokens(list, key).slice(0, count)
        expect(firstSorted(list, key, count)).toEqual(expected)
      }),
    )
  })
})

describe('firstScreenOf', () => {
  it('gives the first rows of a parsed list in the order asked for, without links, and the length of the list', () => {
    const list = ['b', 'a', 'd', 'c'].map((description, n) => makeAuth({ id: `000000000000000${n}`, description }))
    const document = JSON.parse(JSON.stringify({ links: { self: '/api/v2/authorizations' }, authorizations: list }))
    const screen = firstScreenOf(document, 'description-asc', 2)
    expect(screen).toEqual({ sortKey: 'description-asc', tokens: [list[1], list[0]].map((auth) => ({ ...auth, links: undefined })), total: 4 })
    expect(screen?.tokens[0]).not.toHaveProperty('links')
  })

  it('passes over anything that is not a token, and gives nothing for a body that is not a list', () => {
    const auth = makeAuth({ id: '0000000000000001' })
    expect(firstScreenOf({ authorizations: [null, 3, [], auth] }, 'status-active', 40)?.tokens).toHaveLength(1)
    for (const other of [null, 3, 'text', [], {}, { authorizations: 'none' }]) expect(firstScreenOf(other, 'description-asc', 40)).toBeUndefined()
  })
})
