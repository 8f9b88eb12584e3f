import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Authorization, Authorizations, Permission } from './contract'
import { ListBodyReader } from './list-body-reader'
import { normaliseAuthorizations, shareStrings } from './normalise-authorizations'

const ORG = '9a1b2c3d4e5f6071'
const encode = (text: string) => new TextEncoder().encode(text)

/** What the page does with a body, here cut into chunks of `size` bytes (which may split a character). */
function read(text: string, size = 7): Authorizations {
  const reader = new ListBodyReader()
  const bytes = encode(text)
  for (let at = 0; at < bytes.length; at += size) reader.push(bytes.subarray(at, at + size))
  return normaliseAuthorizations(reader.parse()) as Authorizations
}

function bucket(action: 'read' | 'write', n: number): Permission {
  const id = (0x1000 + n).toString(16).padStart(16, '0')
  return { action, resource: { type: 'buckets', id, orgID: ORG, name: `bucket-${n}`, org: 'acme' } }
}

const ALL_ACCESS: Permission[] = ['authorizations', 'buckets', 'dashboards', 'orgs'].flatMap((type) => [
  { action: 'read', resource: { type, orgID: ORG } } as Permission,
  { action: 'write', resource: { type, orgID: ORG } } as Permission,
])

/** A token as InfluxDB writes it: its members in that order, with links, and a token value on older servers. */
function token(n: number, permissions: Permission[], description = `token ${n}`): Authorization {
  const id = (0xa000 + n).toString(16).padStart(16, '0')
  return {
    id,
    token: n % 2 ? '' : `secret-${n}==`,
    status: n % 5 === 0 ? 'inactive' : 'active',
    description,
    orgID: ORG,
    org: 'acme',
    userID: '0c8d1e2f3a4b5000',
    user: 'alice',
    permissions,
    links: { self: `/api/v2/authorizations/${id}`, user: '/api/v2/users/0c8d1e2f3a4b5000' },
    createdAt: `2026-01-0${(n % 9) + 1}T10:00:00Z`,
    updatedAt: `2026-01-0${(n % 9) + 1}T10:00:00Z`,
  }
}

/** What the list must read as: the value of JSON.parse, without the tokens' links. */
function parsed(text: string): unknown {
  const document = JSON.parse(text) as { authorizations?: unknown }
  if (Array.isArray(document?.authorizations)) {
    for (const auth of document.authorizations) if (typeof auth === 'object' && auth !== null) delete (auth as { links?: unknown }).links
  }
  return document
}

const list = (tokens: Authorization[]): Authorizations => ({ links: { self: '/api/v2/authorizations' }, authorizations: tokens })

const sample = list([
  token(1, ALL_ACCESS, 'Télégraf agent · 日本 データ収集 💾'),
  token(2, [bucket('read', 1), bucket('read', 2), bucket('write', 1)]),
  token(3, ALL_ACCESS),
  token(4, [bucket('read', 2)], 'quotes " and \\ backslashes, },{"id":" and ]}'),
  token(5, [bucket('read', 1), bucket('write', 1)]),
])

/** Compact as the embedded server writes it, indented, and tab-indented as InfluxDB writes it. */
const layouts = (value: unknown) => [JSON.stringify(value), JSON.stringify(value, null, 2), JSON.stringify(value, null, '\t')]

/** Random token lists; few distinct values, so that permissions and lists repeat as they do in real lists. */
function randomLists() {
  const resource = fc.record(
    {
      type: fc.constantFrom('buckets', 'orgs', 'users'),
      id: fc.constantFrom('0000000000000001', '0000000000000002'),
      orgID: fc.constant(ORG),
      name: fc.oneof(fc.constantFrom('metrics', 'a},{"id":"b', 'ü]}', '\\"'), fc.string({ unit: 'binary', maxLength: 4 })),
      // Rare in a resource, but a list must still read as it was sent.
      extra: fc.oneof(fc.constantFrom(1, true, null), fc.jsonValue({ maxDepth: 1 })),
    },
    { requiredKeys: ['type'] },
  )
  const permission = fc.oneof(
    { weight: 9, arbitrary: fc.record({ action: fc.constantFrom('read', 'write'), resource }) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  )
  const auth = fc.record(
    {
      id: fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 16, maxLength: 16 }),
      token: fc.constantFrom('', 'c2VjcmV0LXZhbHVl=='),
      description: fc.string({ unit: 'binary' }),
      permissions: fc.oneof({ weight: 9, arbitrary: fc.array(permission, { maxLength: 6 }) }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 1 }) }),
      links: fc.dictionary(fc.constantFrom('self', 'user'), fc.string({ unit: 'binary', maxLength: 6 })),
      extra: fc.jsonValue({ maxDepth: 2 }),
    },
    { requiredKeys: ['id', 'permissions'] },
  )
  return fc.record({
    links: fc.constant({ self: '/api/v2/authorizations' }),
    authorizations: fc.array(fc.oneof({ weight: 19, arbitrary: auth }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 1 }) }), { maxLength: 6 }),
  })
}

describe('ListBodyReader and normaliseAuthorizations', () => {
  it('reads what JSON.parse reads, without links, however the JSON is laid out', () => {
    for (const text of layouts(sample)) {
      for (const size of [1, 2, 3, 1000, 1e9]) expect(read(text, size)).toEqual(parsed(text))
    }
    expect(read(JSON.stringify(sample)).authorizations[0]).not.toHaveProperty('links')
    // As response.json() does, a byte order mark is not part of the text.
    expect(read('\ufeff' + JSON.stringify(sample))).toEqual(parsed(JSON.stringify(sample)))
  })

  it('reads lists with other member orders, extra members, no permissions and unusual values', () => {
    const odd = {
      authorizations: [
        { permissions: [bucket('read', 3)], id: 'x' },
        { id: 'no permissions' },
        { id: 'a', permissions: [] },
        { id: 'b', permissions: [{ resource: { type: 'buckets' }, action: 'read', extra: [1, { x: null }] }] },
        { id: 'c', permissions: 'not a list' },
        { links: { self: 'first' }, id: 'd', permissions: [], description: 'links not last' },
        { id: 'e', permissions: [null, 3, 'read', [bucket('read', 3)], { resource: null }] },
        3,
        null,
      ],
      links: { self: '/api/v2/authorizations', next: null },
      extra: { nested: [true, false, -1.5e3] },
    }
    const text = JSON.stringify(odd)
    expect(read(text)).toEqual(parsed(text))
    expect(read(text).authorizations[5]).toEqual({ id: 'd', permissions: [], description: 'links not last' })
    for (const other of ['{}', '[]', '3', '"text"', 'null', '{"authorizations":5}', ' {"authorizations" : [ ] } ']) {
      expect(read(other)).toEqual(JSON.parse(other))
    }
  })

  it('follows JSON.parse when a member name repeats', () => {
    for (const text of [
      '{"authorizations":[{"id":"a"}],"authorizations":5}',
      '{"authorizations":5,"authorizations":[{"id":"a","links":{}}]}',
      '{"authorizations":[{"id":"a","permissions":[],"permissions":[{"action":"read","resource":{"type":"orgs"}}]}]}',
    ]) {
      expect(read(text)).toEqual(parsed(text))
    }
  })

  it('throws a SyntaxError wherever JSON.parse does', () => {
    const text = JSON.stringify(sample)
    for (const bad of ['', '{', '{"authorizations":[', text.slice(0, -1), text + '{}', text.replace('},{"id"', '}{"id"'), text.replace('"read"', "'read'")]) {
      expect(() => JSON.parse(bad)).toThrow(SyntaxError)
      expect(() => read(bad)).toThrow(SyntaxError)
    }
  })

  it('agrees with JSON.parse on random lists, compact, indented or tab-indented, and on every one-character corruption of them', () => {
    fc.assert(
      fc.property(randomLists(), fc.constantFrom(undefined, 2, '\t'), fc.nat(), fc.string({ maxLength: 1 }), fc.integer({ min: 1, max: 64 }), (doc, indent, at, inserted, size) => {
        const text = JSON.stringify(doc, null, indent)
        expect(read(text, size)).toEqual(parsed(text))
        const position = at % (text.length + 1)
        for (const corrupted of [text.slice(0, position) + inserted + text.slice(position + 1), text.slice(0, position) + inserted + text.slice(position)]) {
          // As the body arrives: a lone surrogate left by the corruption becomes U+FFFD in UTF-8.
          const arrived = new TextDecoder().decode(encode(corrupted))
          let expected: unknown
          try {
            expected = parsed(arrived)
          } catch (error) {
            expect(error).toBeInstanceOf(SyntaxError)
            expect(() => read(corrupted, size)).toThrow(SyntaxError)
            continue
          }
          expect(read(corrupted, size)).toEqual(expected)
        }
      }),
      { numRuns: 400 },
    )
  })
})

describe('normaliseAuthorizations sharing', () => {
  it('shares repeated permission lists, permissions and resources, compact or tab-indented as InfluxDB writes them', () => {
    for (const text of layouts(sample)) {
      const [first, second, third, , fifth] = read(text).authorizations as Authorization[]
      expect(third?.permissions).toBe(first?.permissions)
      expect(fifth?.permissions[0]).toBe(second?.permissions[0])
      // The read and the write permission of one bucket: one resource.
      expect(second?.permissions[2]?.resource).toBe(second?.permissions[0]?.resource)
      expect(second?.permissions[1]?.resource).not.toBe(second?.permissions[0]?.resource)
    }
  })

  it('gives equal permissions one object on random lists', () => {
    fc.assert(
      fc.property(randomLists(), (doc) => {
        const { authorizations } = normaliseAuthorizations(structuredClone(doc))
        const byText = new Map<string, unknown>()
        for (const auth of authorizations) {
          if (typeof auth !== 'object' || auth === null || !('permissions' in auth) || !Array.isArray(auth.permissions)) continue
          for (const permission of auth.permissions) {
            // Only permissions of strings and a resource of strings, as InfluxDB sends them, are shared.
            const text = JSON.stringify(permission)
            if (!/^\{"action":"\w+","resource":\{("\w+":"([^"\\]|\\.)*",?)*\}\}$/.test(text)) continue
            if (!byText.has(text)) byText.set(text, permission)
            expect(permission).toBe(byText.get(text))
          }
        }
      }),
      { numRuns: 300 },
    )
  })

  it('shares permissions, resources and lists across thousands of tokens, in linear time', () => {
    const tokens = Array.from({ length: 3000 }, (_, n) => token(n, n % 3 === 0 ? ALL_ACCESS : [bucket('read', n % 50), bucket('write', (n * 7) % 50)]))
    const text = JSON.stringify(list(tokens), null, '\t')
    const started = performance.now()
    const result = read(text)
    // A generous bound: only a quadratic reading would reach it.
    expect(performance.now() - started).toBeLessThan(5_000)
    expect(result).toEqual(parsed(text))
    const permissions = new Set(result.authorizations.flatMap((a) => a.permissions))
    expect(permissions.size).toBe(ALL_ACCESS.length + 100)
    const resources = new Set([...permissions].map((p) => p.resource))
    expect(resources.size).toBe(ALL_ACCESS.length / 2 + 50)
    expect(new Set(result.authorizations.map((a) => a.permissions)).size).toBeLessThan(1000)
  })

  it('stays quick on the tokens of a user in thousands of orgs, whose all-access resources differ only by org', () => {
    const orgs = Array.from({ length: 4000 }, (_, n) => n.toString(16).padStart(16, '0'))
    const tokens = orgs.map((orgID, n) => ({ ...token(n, ALL_ACCESS.map((p) => ({ ...p, resource: { ...p.resource, orgID } }))), orgID }))
    const text = JSON.stringify(list(tokens))
    const started = performance.now()
    const result = read(text, 1e9)
    // A generous bound: looking resources up by type alone, each compared with every org's, reaches it.
    expect(performance.now() - started).toBeLessThan(3_000)
    expect(result).toEqual(parsed(text))
  })
})

describe('shareStrings', () => {
  it('changes no value, whatever it is given, however often', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const copy = structuredClone(value)
        expect(shareStrings(copy)).toEqual(value)
        expect(shareStrings(copy)).toEqual(value)
      }),
      { numRuns: 300 },
    )
  })

  it('keeps shared objects shared', () => {
    const result = shareStrings(structuredClone(read(JSON.stringify(sample))))
    expect(result).toEqual(parsed(JSON.stringify(sample)))
    expect(result.authorizations[2]?.permissions).toBe(result.authorizations[0]?.permissions)
  })
})
