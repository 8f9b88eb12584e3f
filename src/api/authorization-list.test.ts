import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { readAuthorizationList, readAuthorizationListInSlices, type AuthorizationListPreview } from './authorization-list'
import type { Authorization, Authorizations, Permission } from './contract'

const ORG = '9a1b2c3d4e5f6071'
const encode = (text: string) => new TextEncoder().encode(text)
const read = (text: string) => readAuthorizationList(encode(text))

function bucket(action: 'read' | 'write', n: number): Permission {
  const id = (0x1000 + n).toString(16).padStart(16, '0')
  return { action, resource: { type: 'buckets', id, orgID: ORG, name: `bucket-${n}`, org: 'acme' } }
}

const ALL_ACCESS: Permission[] = ['authorizations', 'buckets', 'dashboards', 'orgs'].flatMap((type) => [
  { action: 'read', resource: { type, orgID: ORG } } as Permission,
  { action: 'write', resource: { type, orgID: ORG } } as Permission,
])

/** A token with InfluxDB's member order. */
function token(n: number, permissions: Permission[], description = `token ${n}`): Authorization {
  const id = (0xa000 + n).toString(16).padStart(16, '0')
  return {
    id,
    token: '',
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

/** What the reader gives for `text`: the value of JSON.parse, without the tokens' links. */
function parsed(text: string): unknown {
  const document = JSON.parse(text) as { authorizations?: unknown }
  if (Array.isArray(document?.authorizations)) {
    for (const auth of document.authorizations) if (typeof auth === 'object' && auth !== null) delete (auth as { links?: unknown }).links
  }
  return document
}

function list(tokens: Authorization[]): Authorizations {
  return { links: { self: '/api/v2/authorizations' }, authorizations: tokens }
}

const sample = list([
  token(1, ALL_ACCESS, 'Télégraf agent · 日本 データ収集 💾'),
  token(2, [bucket('read', 1), bucket('read', 2), bucket('write', 1)]),
  token(3, ALL_ACCESS),
  token(4, [bucket('read', 2)], 'quotes " and \\ backslashes, },{"id":" and ]}'),
  token(5, [bucket('read', 1), bucket('write', 1)]),
])

/** Random token lists; few distinct values, so that permissions and lists repeat as they do in real lists. */
function randomLists() {
  const resource = fc.record(
    {
      type: fc.constantFrom('buckets', 'orgs', 'users'),
      id: fc.constantFrom('0000000000000001', '0000000000000002'),
      orgID: fc.constant(ORG),
      name: fc.oneof(fc.constantFrom('metrics', 'a},{"id":"b', 'ü]}', '\\"'), fc.string({ unit: 'binary', maxLength: 4 })),
    },
    { requiredKeys: ['type'] },
  )
  const permission = fc.record({ action: fc.constantFrom('read', 'write'), resource })
  const auth = fc.record(
    {
      id: fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 16, maxLength: 16 }),
      description: fc.string({ unit: 'binary' }),
      permissions: fc.array(permission, { maxLength: 6 }),
      // After the permissions, as InfluxDB writes them; some with characters that keep them from being cut.
      links: fc.dictionary(fc.constantFrom('self', 'user', 'links'), fc.oneof(fc.constantFrom('/api/v2/users/1', '"links":{', 'a\nb'), fc.string({ unit: 'binary', maxLength: 3 }))),
      extra: fc.jsonValue({ maxDepth: 2 }),
    },
    { requiredKeys: ['id', 'permissions'] },
  )
  return fc.record({ links: fc.constant({ self: '/api/v2/authorizations' }), authorizations: fc.array(auth, { maxLength: 6 }) })
}

describe('readAuthorizationList', () => {
  it('reads what JSON.parse reads, however the JSON is laid out', () => {
    for (const text of [JSON.stringify(sample), JSON.stringify(sample, null, 2), JSON.stringify(sample, null, '\t')]) {
      expect(read(text)).toEqual(parsed(text))
    }
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
        3,
        null,
      ],
      links: { self: '/api/v2/authorizations', next: null },
      extra: { nested: [true, false, -1.5e3] },
    }
    const text = JSON.stringify(odd)
    expect(read(text)).toEqual(parsed(text))
    expect(read(text).authorizations[5]).toEqual({ id: 'd', permissions: [], description: 'links not last' })
    expect(read('{}')).toEqual({})
    expect(read(' {"authorizations" : [ ] } ')).toEqual({ authorizations: [] })
    expect(read('\ufeff' + JSON.stringify(sample))).toEqual(parsed(JSON.stringify(sample)))
  })

  it('follows JSON.parse when a member name repeats', () => {
    for (const text of [
      '{"authorizations":[{"id":"a"}],"authorizations":5}',
      '{"authorizations":5,"authorizations":[{"id":"a"}]}',
      '{"authorizations":[{"id":"a","permissions":[],"permissions":[{"action":"read","resource":{"type":"orgs"}}]}]}',
      '{"authori\\u007ations":[{"id":"a"}],"authorizations":[]}',
    ]) {
      expect(read(text)).toEqual(parsed(text))
    }
  })

  it('shares and freezes repeated permissions and permission lists, compact or tab-indented as InfluxDB writes them', () => {
    for (const text of [JSON.stringify(sample), JSON.stringify(sample, null, '\t')]) {
      const { authorizations: tokens } = read(text)
      expect(tokens[2]?.permissions).toBe(tokens[0]?.permissions)
      expect(tokens[4]?.permissions[0]).toBe(tokens[1]?.permissions[0])
    }
    const { authorizations: tokens } = read(JSON.stringify(sample))
    const [first, second, third, , fifth] = tokens as Authorization[]
    expect(third?.permissions).toBe(first?.permissions)
    expect(fifth?.permissions[0]).toBe(second?.permissions[0])
    expect(fifth?.permissions[0]?.resource).toBe(second?.permissions[0]?.resource)
    // The read and the write permission of one bucket: one resource.
    expect(second?.permissions[2]?.resource).toBe(second?.permissions[0]?.resource)
    expect(second?.permissions[1]?.resource).not.toBe(second?.permissions[0]?.resource)
    expect(Object.isFrozen(first?.permissions)).toBe(true)
    expect(Object.isFrozen(second?.permissions[0]?.resource)).toBe(true)
    expect(() => (second?.permissions as Permission[]).push(bucket('read', 9))).toThrow(TypeError)
    // Tokens themselves stay ordinary objects, without the links nothing follows.
    expect(Object.isFrozen(first)).toBe(false)
    expect(first).not.toHaveProperty('links')
  })

  it('throws a SyntaxError wherever JSON.parse does', () => {
    const text = JSON.stringify(sample)
    for (const bad of ['', '{', '{"authorizations":[', text.slice(0, -1), text + '{}', text.replace('},{"id"', '}{"id"'), text.replace('"read"', "'read'")]) {
      expect(() => JSON.parse(bad)).toThrow(SyntaxError)
      expect(() => read(bad)).toThrow(SyntaxError)
    }
  })

  it('agrees with JSON.parse on random lists and on every one-character corruption of them', () => {
    fc.assert(
      fc.property(randomLists(), fc.constantFrom(undefined, 1, 2), fc.nat(), fc.string({ maxLength: 1 }), (doc, indent, at, inserted) => {
        const text = JSON.stringify(doc, null, indent)
        expect(read(text)).toEqual(parsed(text))
        const position = at % (text.length + 1)
        for (const corrupted of [text.slice(0, position) + inserted + text.slice(position + 1), text.slice(0, position) + inserted + text.slice(position)]) {
          let expected: unknown
          try {
            // As the body arrives: a lone surrogate left by the corruption becomes U+FFFD in UTF-8.
            expected = parsed(new TextDecoder().decode(encode(corrupted)))
          } catch (error) {
            expect(() => read(corrupted)).toThrow((error as Error).constructor as typeof SyntaxError)
            continue
          }
          expect(read(corrupted)).toEqual(expected)
        }
      }),
      { numRuns: 400 },
    )
  })

  it('reads thousands of tokens tab-indented as InfluxDB sends them without slowing down per token', () => {
    // A guess that searched to the end of the body for every permission made this take minutes.
    const buckets = (n: number) => Array.from({ length: 10 }, (_, k) => bucket(k % 2 ? 'write' : 'read', (n * 7 + k) % 5000))
    const tokens = Array.from({ length: 4000 }, (_, n) => token(n, buckets(n), `Télégraf ${n}`))
    const text = JSON.stringify(list(tokens), null, '\t')
    const started = performance.now()
    const result = read(text)
    // Well under a second here; a quadratic version took about 20 s.
    expect(performance.now() - started).toBeLessThan(5_000)
    expect(result).toEqual(parsed(text))
  })

  it('reads thousands of tokens without permissions in time linear in their number', () => {
    const bare = { authorizations: Array.from({ length: 20_000 }, (_, n) => ({ id: String(n), description: `bare ${n}` })) }
    const text = JSON.stringify(bare)
    const started = performance.now()
    expect(read(text)).toEqual(bare)
    // Searching the rest of the body for a list once per token took over 5 s here.
    expect(performance.now() - started).toBeLessThan(3_000)
  })

  it('reads a list of thousands of tokens, sharing their permissions', () => {
    const tokens = Array.from({ length: 3000 }, (_, n) =>
      token(n, n % 3 === 0 ? ALL_ACCESS : [bucket('read', n % 50), bucket('write', (n * 7) % 50)]),
    )
    const text = JSON.stringify(list(tokens))
    const result = read(text)
    expect(result).toEqual(parsed(text))
    const distinct = new Set(result.authorizations.flatMap((a) => a.permissions))
    expect(distinct.size).toBe(ALL_ACCESS.length + 100)
  })
})

describe('readAuthorizationListInSlices', () => {
  afterEach(() => {
    vi.restoreAllMocks()
    vi.unstubAllGlobals()
  })

  /** Counts the turns given to the page (a message to itself), granting each at once. */
  function countTurns() {
    const turns = vi.fn()
    vi.stubGlobal(
      'MessageChannel',
      class {
        port1: { onmessage: (() => void) | null } = { onmessage: null }
        port2 = {
          postMessage: () => {
            turns()
            queueMicrotask(() => this.port1.onmessage?.())
          },
        }
      },
    )
    return turns
  }

  const manyTokens = (count: number) =>
    Array.from({ length: count }, (_, n) => token(n, n % 2 ? ALL_ACCESS : [bucket('read', n % 30), bucket('write', n % 7)], n % 3 ? `token ${n}` : `[tag] token ${n}`))

  it('reads the same value, giving the page a turn whenever a slice has run ~10 ms', async () => {
    const bytes = encode(JSON.stringify(list(manyTokens(2000))))
    const turns = countTurns()
    // A clock that moves 4 ms per reading: a slice ends after about three checks.
    let now = 0
    vi.spyOn(performance, 'now').mockImplementation(() => (now += 4))
    const result = await readAuthorizationListInSlices(bytes)
    expect(result).toEqual(readAuthorizationList(bytes))
    expect(turns.mock.calls.length).toBeGreaterThan(5)
  })

  it('offers every token without permissions first, and any of them complete, as the list will hold them', async () => {
    for (const text of [JSON.stringify(list(manyTokens(300))), JSON.stringify(list(manyTokens(300)), null, '\t')]) {
      const expected = parsed(text) as Authorizations
      countTurns()
      let preview: AuthorizationListPreview | undefined
      let shown: Authorization[] = []
      const read = readAuthorizationListInSlices(encode(text), {
        onPreview: (p) => {
          preview = p
          expect(p.tokens).toEqual(expected.authorizations.map((auth, n) => (n === 299 ? auth : { ...auth, permissions: expect.any(Array) })))
          shown = [7, 0, 123].map((index) => p.complete(index))
        },
      })
      const result = await read
      expect(preview).toBeDefined()
      expect(result).toEqual(expected)
      expect(shown).toEqual([7, 0, 123].map((index) => expected.authorizations[index]))
      // The same objects: rows shown from the preview need no re-render when the list arrives.
      expect(shown[0]).toBe(result.authorizations[7])
      expect(shown[2]).toBe(result.authorizations[123])
      // A cache may keep the preview: it lets go of the body and the tokens once the list is read.
      expect(preview?.tokens).toEqual([])
    }
  })

  it('previews random lists truly: each token complete equals JSON.parse, and without permissions at most', async () => {
    countTurns()
    await fc.assert(
      fc.asyncProperty(randomLists(), fc.constantFrom(undefined, 1, '\t'), async (doc, indent) => {
        const text = JSON.stringify(doc, null, indent)
        const expected = parsed(text) as Authorizations
        let checked = false
        const result = await readAuthorizationListInSlices(encode(text), {
          onPreview: (preview) => {
            expect(preview.tokens).toHaveLength(expected.authorizations.length)
            preview.tokens.forEach((head, index) => {
              const auth = expected.authorizations[index] as Authorization
              expect(head).toEqual(head.permissions.length === 0 ? { ...auth, permissions: [] } : auth)
              expect(preview.complete(index)).toEqual(auth)
            })
            checked = true
          },
        })
        expect(result).toEqual(expected)
        expect(checked).toBe(expected.authorizations.length > 0)
      }),
      { numRuns: 200 },
    )
  })

  it('reads a permission list whose bucket names hold brackets and quotes exactly', async () => {
    const odd = (n: number, name: string): Permission => ({ ...bucket('read', n), resource: { ...bucket('read', n).resource, name } })
    const tokens = [
      token(1, [odd(1, 'logs[eu]'), bucket('write', 2)]),
      token(2, [odd(2, 'a],"description":"b'), odd(3, '"permissions":[')]),
      token(3, ALL_ACCESS),
      token(4, [odd(4, ']}]')]),
    ]
    const text = JSON.stringify(list(tokens))
    countTurns()
    const complete: Authorization[] = []
    const result = await readAuthorizationListInSlices(encode(text), {
      onPreview: (p) => complete.push(...p.tokens.map((_, index) => p.complete(index))),
    })
    expect(complete).toEqual(tokens.map(({ links: _links, ...rest }) => rest))
    expect(result).toEqual(parsed(text))
  })

  it('stops when aborted between slices', async () => {
    countTurns()
    let now = 0
    vi.spyOn(performance, 'now').mockImplementation(() => (now += 4))
    const controller = new AbortController()
    const read = readAuthorizationListInSlices(encode(JSON.stringify(list(manyTokens(500)))), { signal: controller.signal })
    controller.abort()
    await expect(read).rejects.toThrow(/abort/i)
  })

  it('refuses invalid JSON like JSON.parse, with or without a preview', async () => {
    await expect(readAuthorizationListInSlices(encode('{"authorizations":[{"id":"a"},]}'))).rejects.toThrow(SyntaxError)
    const corrupt = JSON.stringify(list(manyTokens(50))).replace('"status":"active"', '"status":active')
    await expect(readAuthorizationListInSlices(encode(corrupt), { onPreview: () => {} })).rejects.toThrow(SyntaxError)
  })
})
