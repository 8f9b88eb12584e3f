import { join } from 'node:path'
import Database from 'better-sqlite3'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DATABASE_FILE } from '../db/connection.ts'
import { type SetUp, type TestServer, call, setUp, startTestServer } from './helpers.ts'

// Property-based hostile input against every endpoint. Rejected requests must be a 4xx with an
// InfluxDB `{code, message}` body (never a 5xx, never a stack trace) and must change nothing in
// the database; accepted edge cases must store exactly what was sent.

// 40 in `npm test`; `npm run test:stress` sets FUZZ_RUNS for a ten times longer run.
const RUNS = Number(process.env.FUZZ_RUNS ?? 40)
const STATUS_BY_CODE: Record<string, number> = {
  invalid: 400, 'empty value': 400, unauthorized: 401, forbidden: 403, 'not found': 404, 'method not allowed': 405,
  'request too large': 413, 'unsupported media type': 415, conflict: 422, 'unprocessable entity': 422, 'too many requests': 429,
}

type Kind = 'string' | 'number' | 'array'
interface JsonEndpoint {
  method: 'POST' | 'PATCH'
  path: string
  /** The fields the route decodes, with the JSON type it expects for each. */
  fields: Record<string, Kind>
  /** A body the route would accept (for truncation and content-type cases). */
  valid: Record<string, unknown>
}

interface Request {
  method: string
  path: string
  body?: string | Uint8Array<ArrayBuffer>
  headers?: Record<string, string>
}

let server: TestServer
let s: SetUp
let victimUser: string
let victimToken: string
let endpoints: JsonEndpoint[]
let snapshotDb: Database.Database

/** Every row of every table, in a stable order: equal snapshots mean nothing changed. */
function snapshot(): string {
  const tables = snapshotDb.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]
  return JSON.stringify(tables.map(({ name }) => [name, snapshotDb.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).raw().all()]), (_k, v: unknown) =>
    typeof v === 'bigint' ? v.toString() : v,
  )
}

async function send(req: Request) {
  const body = typeof req.body === 'string' ? new TextEncoder().encode(req.body) : req.body
  return call(server.app, req.method, req.path, { as: s.operator, raw: body, headers: req.headers })
}

function expectErrorShape(res: Awaited<ReturnType<typeof send>>, req: Request) {
  const where = `${req.method} ${req.path} → ${res.status} ${res.text.slice(0, 300)}`
  expect(res.status, where).toBeGreaterThanOrEqual(400)
  expect(res.status, where).toBeLessThan(500)
  expect(Object.keys(res.body ?? {}).sort(), where).toEqual(['code', 'message'])
  expect(STATUS_BY_CODE[res.body.code], where).toBe(res.status)
  expect(res.headers.get('x-platform-error-code'), where).toBe(res.body.code)
  expect(res.body.message, where).not.toMatch(/\n\s+at |\.ts:\d+|node_modules|SqliteError|TypeError|RangeError/)
}

/** The request must be refused with a 4xx and leave the database exactly as it was. */
async function expectRejected(req: Request) {
  const before = snapshot()
  const res = await send(req)
  expectErrorShape(res, req)
  expect(snapshot(), `${req.method} ${req.path} changed the database`).toBe(before)
  return res
}

/** The request may succeed; if it is refused, that refusal must be clean and change nothing. */
async function expectNo5xx(req: Request) {
  const before = snapshot()
  const res = await send(req)
  if (res.status >= 400) {
    expectErrorShape(res, req)
    expect(snapshot(), `${req.method} ${req.path} changed the database`).toBe(before)
  }
  return res
}

const json = { 'content-type': 'application/json' }
/** A JSON object's text with its keys in order, so `__proto__` stays a plain own key. */
const objectText = (entries: [string, unknown][]) => `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',')}}`

const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'token', 'id', 'userID', 'orgID', 'permissions']
const extraEntries = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...HOSTILE_KEYS), fc.string()), fc.jsonValue({ maxDepth: 3 })), { maxLength: 4 })
/** Extra keys that the authorization routes must ignore (none of the fields they read). */
const harmlessExtras = extraEntries.map((entries) => entries.filter(([key]) => !['orgID', 'userID', 'description', 'status', 'permissions'].includes(key)))
const finite = fc.double({ noNaN: true, noDefaultInfinity: true })
const wrongFor: Record<Kind, fc.Arbitrary<unknown>> = {
  string: fc.oneof(fc.integer(), finite, fc.boolean(), fc.array(fc.string(), { maxLength: 3 }), fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 })),
  number: fc.oneof(fc.string(), fc.boolean(), fc.array(fc.integer(), { maxLength: 3 }), fc.dictionary(fc.string(), fc.integer(), { maxKeys: 2 })),
  array: fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 })),
}
const deep = (depth: number, open: string, close: string, inner = '') => open.repeat(depth) + inner + close.repeat(depth)

/** Bodies no JSON endpoint may accept. */
function invalidBody(endpoint: JsonEndpoint): fc.Arbitrary<Pick<Request, 'body' | 'headers'>> {
  const validText = JSON.stringify(endpoint.valid)
  const fieldNames = Object.keys(endpoint.fields)
  return fc.oneof(
    // Truncated JSON: every strict prefix of an object's text is malformed.
    fc.integer({ min: 0, max: validText.length - 1 }).map((cut) => ({ body: validText.slice(0, cut), headers: json })),
    // Random text and random bytes.
    fc.string().filter((t) => !isObjectJson(t)).map((body) => ({ body, headers: json })),
    fc.uint8Array({ maxLength: 64 }).filter((b) => !isObjectJson(Buffer.from(b).toString('utf8'))).map((body) => ({ body, headers: json })),
    // Valid JSON that is not an object.
    fc.oneof(fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }), fc.string(), fc.integer(), fc.boolean(), fc.constant(null)).map((v) => ({ body: JSON.stringify(v), headers: json })),
    // One known field of the wrong type, among hostile extra keys (the wrong field comes last, so it wins).
    fc.tuple(extraEntries, fc.constantFrom(...fieldNames)).chain(([extra, field]) =>
      wrongFor[endpoint.fields[field]!].map((wrong) => ({ body: objectText([...extra, [field, wrong]]), headers: json })),
    ),
    // Deep nesting, at the top and inside a known field.
    fc.integer({ min: 1_000, max: 200_000 }).map((depth) => ({ body: deep(depth, '[', ']'), headers: json })),
    fc.tuple(fc.constantFrom(...fieldNames), fc.integer({ min: 1_000, max: 100_000 })).map(([field, depth]) => ({
      body: `{${JSON.stringify(field)}:${deep(depth, '[', ']')}}`,
      headers: json,
    })),
    // Huge arrays and strings in a known field, still under the 1 MiB limit.
    fc.constantFrom(...fieldNames).map((field) => ({
      body: objectText([[field, endpoint.fields[field] === 'array' ? Array(200_000).fill(1) : Array(100_000).fill('x')]]),
      headers: json,
    })),
    // Oversized bodies: declared, and streamed without a length.
    fc.integer({ min: 1024 * 1024 + 1, max: 3 * 1024 * 1024 }).map((size) => ({
      body: objectText([[fieldNames[0]!, 'x'.repeat(size)]]),
      headers: json,
    })),
    // A valid body with a wrong or missing content type.
    fc.oneof(
      fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonp', 'text/json', 'application/json-seq', ' ', 'application/xml'),
      fc.constant(undefined),
    ).map((type): Pick<Request, 'body' | 'headers'> => ({ body: validText, headers: type === undefined ? {} : { 'content-type': type } })),
  )
}

function isObjectJson(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === 'object' && value !== null && !Array.isArray(value)
  } catch {
    return false
  }
}

/** Things that are not an ID, or not one of ours: path characters, encodings, Unicode, lengths. */
const hostileId = fc.oneof(
  fc.constantFrom('..', '.', '%2e%2e', '..%2f..%2fusers', '%2F', '%00', '%zz', '%', 'ffffffffffffffff', 'FFFFFFFFFFFFFFFF'.slice(0, 15), '0000000000000000', '\u202e', 'null', 'undefined', '__proto__', 'constructor', ' '),
  fc.string({ maxLength: 40 }).map(encodeURIComponent),
  fc.string({ unit: 'binary', maxLength: 20 }).map((t) => encodeURIComponent(t.replace(/[\ud800-\udfff]/g, ''))),
  fc.stringMatching(/^[0-9a-f]{16}$/),
  fc.integer({ min: 17, max: 5000 }).map((n) => 'a'.repeat(n)),
).filter((id) => id !== '' && !id.includes('/'))

beforeAll(async () => {
  server = startTestServer()
  s = await setUp(server.app)
  snapshotDb = new Database(join(server.dataDir, DATABASE_FILE), { readonly: true })
  const { app } = server
  victimUser = (await call(app, 'POST', '/api/v2/users', { as: s.operator, body: { name: 'victim' } })).body.id
  victimToken = (await call(app, 'POST', '/api/v2/authorizations', {
    as: s.operator,
    body: { orgID: s.orgID, userID: victimUser, description: 'victim', permissions: [{ action: 'read', resource: { type: 'buckets', orgID: s.orgID } }] },
  })).body.id
  const permissions = [{ action: 'read', resource: { type: 'buckets', orgID: s.orgID, id: s.bucketID } }]
  endpoints = [
    { method: 'POST', path: '/api/v2/setup', fields: { username: 'string', password: 'string', org: 'string', bucket: 'string', token: 'string', retentionPeriodSeconds: 'number', retentionPeriodHrs: 'number' }, valid: { username: 'u', org: 'o', bucket: 'b' } },
    { method: 'POST', path: '/api/v2/orgs', fields: { name: 'string', description: 'string' }, valid: { name: 'fuzz-org' } },
    { method: 'POST', path: '/api/v2/buckets', fields: { orgID: 'string', name: 'string', description: 'string', retentionRules: 'array' }, valid: { orgID: s.orgID, name: 'fuzz-bucket' } },
    { method: 'POST', path: '/api/v2/users', fields: { name: 'string', status: 'string' }, valid: { name: 'fuzz-user' } },
    { method: 'PATCH', path: `/api/v2/users/${victimUser}`, fields: { name: 'string', status: 'string' }, valid: { name: 'renamed' } },
    { method: 'POST', path: `/api/v2/users/${victimUser}/password`, fields: { password: 'string' }, valid: { password: 'long-enough-password' } },
    { method: 'POST', path: '/api/v2/authorizations', fields: { orgID: 'string', userID: 'string', description: 'string', status: 'string', permissions: 'array' }, valid: { orgID: s.orgID, description: 'fuzz', permissions } },
    { method: 'PATCH', path: `/api/v2/authorizations/${victimToken}`, fields: { description: 'string', status: 'string' }, valid: { description: 'renamed' } },
  ]
})
afterAll(() => {
  snapshotDb.close()
  server.close()
})

describe('hostile input (fast-check)', () => {
  it('refuses malformed, truncated, mistyped, nested, huge, oversized and wrongly typed bodies on every JSON endpoint', async () => {
    for (const endpoint of endpoints) {
      await fc.assert(
        fc.asyncProperty(invalidBody(endpoint), async ({ body, headers }) => {
          await expectRejected({ method: endpoint.method, path: endpoint.path, body, headers })
        }),
        { numRuns: RUNS },
      )
    }
  })

  it('refuses IDs with path characters, encodings and Unicode on every {id} route', async () => {
    const routes: [string, (id: string) => string, string?][] = [
      ['GET', (id) => `/api/v2/orgs/${id}`],
      ['GET', (id) => `/api/v2/buckets/${id}`],
      ['DELETE', (id) => `/api/v2/buckets/${id}`],
      ['GET', (id) => `/api/v2/users/${id}`],
      ['PATCH', (id) => `/api/v2/users/${id}`, '{"name":"x"}'],
      ['DELETE', (id) => `/api/v2/users/${id}`],
      ['POST', (id) => `/api/v2/users/${id}/password`, '{"password":"long-enough-password"}'],
      ['GET', (id) => `/api/v2/authorizations/${id}`],
      ['PATCH', (id) => `/api/v2/authorizations/${id}`, '{"status":"inactive"}'],
      ['DELETE', (id) => `/api/v2/authorizations/${id}`],
    ]
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), hostileId, async ([method, path, body], id) => {
        await expectRejected({ method, path: path(id), body, headers: body ? json : undefined })
      }),
      { numRuns: RUNS * 5 },
    )
  })

  it('answers any query string on the list and write endpoints without a 5xx', async () => {
    const value = fc.oneof(
      fc.string(),
      fc.stringMatching(/^[0-9a-f]{16}$/),
      fc.constantFrom('99999999999999999999', '9223372036854775807', '-1', '1e3', '0x10', 'NaN', 'true', 'acme', 'telemetry', '', '%00'),
      fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map(String),
    )
    const query = fc.dictionary(
      fc.constantFrom('limit', 'offset', 'after', 'descending', 'org', 'orgID', 'id', 'name', 'user', 'userID', 'bucket', 'precision', 'token', '__proto__'),
      value,
      { maxKeys: 5 },
    )
    const paths = ['/api/v2/orgs', '/api/v2/buckets', '/api/v2/users', '/api/v2/authorizations', '/api/v2/write']
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), query, fc.string({ maxLength: 80 }), async (path, params, lines) => {
        const qs = Object.entries(params).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')
        const isWrite = path.endsWith('/write')
        const req: Request = isWrite
          ? { method: 'POST', path: `${path}?${qs}`, body: lines, headers: { 'content-type': 'text/plain' } }
          : { method: 'GET', path: `${path}?${qs}` }
        const before = snapshot()
        const res = await expectNo5xx(req)
        if (!isWrite) expect(snapshot()).toBe(before)
        expect(res.status).toBeLessThan(500)
      }),
      { numRuns: RUNS * 5 },
    )
  })

  it('answers random credentials on every authenticated route with a clean 4xx', async () => {
    const printable = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 120 })
    const header = fc.oneof(
      printable,
      printable.map((t) => `Token ${t}`),
      printable.map((t) => `Bearer ${t}`),
      printable.map((t) => `Basic ${Buffer.from(t).toString('base64')}`),
      fc.string({ unit: 'binary', maxLength: 40 }).map((t) => `Basic ${Buffer.from(t).toString('base64')}`),
    )
    const routes: [string, string][] = [
      ['GET', '/api/v2/me'], ['GET', '/api/v2/orgs'], ['GET', '/api/v2/buckets'], ['GET', '/api/v2/users'],
      ['GET', '/api/v2/authorizations'], ['GET', '/api/v2/resources'], ['POST', '/api/v2/signin'], ['POST', '/api/v2/signout'],
      ['DELETE', `/api/v2/authorizations/${victimToken}`], ['DELETE', `/api/v2/users/${victimUser}`],
    ]
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), header, printable, async ([method, path], authorization, cookie) => {
        const before = snapshot()
        const res = await call(server.app, method, path, { headers: { authorization, cookie: `influxdb-oss-session=${cookie}` } })
        expectErrorShape(res, { method, path })
        expect(snapshot()).toBe(before)
      }),
      { numRuns: RUNS * 5 },
    )
  })

  it('stores accepted Unicode, markup, huge and hostile-keyed values exactly as sent, and refuses ill-formed Unicode', async () => {
    const description = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 50 }),
      fc.string({ unit: 'binary', maxLength: 50 }),
      fc.constantFrom(
        '<img src=x onerror=alert(1)>', '\u202eevil\u202c', 'زمان ساخت توکن', '\u0000nul\u0000', '\u200b\u200d\ufeff', '🧑‍🚀🏳️‍🌈',
        '\ud800', 'a\udc00b', "'; DROP TABLE authorizations; --", '{{constructor.constructor("return 1")()}}', 'x'.repeat(200_000),
      ),
    )
    await fc.assert(
      fc.asyncProperty(description, harmlessExtras, async (text, extra) => {
        const permissions = [{ action: 'read', resource: { type: 'buckets', orgID: s.orgID, id: s.bucketID } }]
        const body = objectText([...extra, ['orgID', s.orgID], ['description', text], ['permissions', permissions]])
        const wellFormed = !/\p{Cs}/u.test(text)
        if (!wellFormed) {
          const res = await expectRejected({ method: 'POST', path: '/api/v2/authorizations', body, headers: json })
          expect(res.body.message).toBe('invalid json structure: description is not valid Unicode')
          return
        }
        const created = await send({ method: 'POST', path: '/api/v2/authorizations', body, headers: json })
        expect(created.status).toBe(201)
        const stored = await call(server.app, 'GET', `/api/v2/authorizations/${created.body.id}`, { as: s.operator })
        expect(stored.body.description).toBe(text)
        expect(stored.body.userID).toBe(s.userID)
        expect(stored.body.permissions.map((p: { action: string; resource: object }) => ({ action: p.action, resource: { type: 'buckets', orgID: s.orgID, id: s.bucketID } }))).toEqual(permissions)
        const renamed = await send({ method: 'PATCH', path: `/api/v2/authorizations/${created.body.id}`, body: objectText([...extra, ['description', text + '!']]), headers: json })
        expect(renamed.body.description).toBe(text + '!')
        expect(renamed.body.status).toBe('active')
        await call(server.app, 'DELETE', `/api/v2/authorizations/${created.body.id}`, { as: s.operator })
      }),
      { numRuns: RUNS },
    )
    expect(Object.keys(Object.prototype)).toEqual([])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('is still up and answering normally afterwards', async () => {
    expect((await call(server.app, 'GET', '/health')).status).toBe(200)
    expect((await call(server.app, 'GET', '/api/v2/me', { as: s.operator })).body.name).toBe('admin')
  })
})
