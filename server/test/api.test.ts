import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStore } from '../db/store.ts'
import { type SetUp, type TestServer, basic, call, setUp, signin, startTestServer } from './helpers.ts'

const json = { 'content-type': 'application/json' }

describe('setup, signin, signout, me', () => {
  let server: TestServer
  beforeAll(() => {
    server = startTestServer()
  })
  afterAll(() => server.close())

  it('runs onboarding once, exactly like InfluxDB', async () => {
    const { app } = server
    expect((await call(app, 'GET', '/api/v2/setup')).body).toEqual({ allowed: true })
    const missing = await call(app, 'POST', '/api/v2/setup', { body: { username: 'a' } })
    expect(missing.status).toBe(422)
    expect(missing.body).toEqual({ code: 'unprocessable entity', message: 'onboarding failed: missing required fields [org,bucket]' })
    const short = await call(app, 'POST', '/api/v2/setup', { body: { username: 'a', password: 'short', org: 'o', bucket: 'b' } })
    expect(short.status).toBe(400)
    expect((await call(app, 'GET', '/api/v2/setup')).body).toEqual({ allowed: true })

    const res = await call(app, 'POST', '/api/v2/setup', {
      body: { username: 'admin', password: 'correct-horse', org: 'acme', bucket: 'telemetry', retentionPeriodSeconds: 3600 },
    })
    expect(res.status).toBe(201)
    const { user, org, bucket, auth } = res.body
    expect(user).toEqual({ links: { self: `/api/v2/users/${user.id}` }, id: user.id, name: 'admin', status: 'active' })
    expect(org.name).toBe('acme')
    expect(org).not.toHaveProperty('status')
    expect(bucket).toMatchObject({ name: 'telemetry', type: 'user', orgID: org.id, retentionRules: [{ type: 'expire', everySeconds: 3600, shardGroupDurationSeconds: 3600 }] })
    expect(auth.token).toMatch(/^[A-Za-z0-9_-]{86}==$/)
    expect(auth).toMatchObject({ description: "admin's Token", status: 'active', orgID: org.id, userID: user.id })
    expect(auth.permissions).toHaveLength(44)
    expect(auth.permissions.some((p: { resource: { type: string } }) => p.resource.type === 'instance')).toBe(false)
    expect(auth).not.toHaveProperty('org')
    expect(auth.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z$/)

    expect((await call(app, 'GET', '/api/v2/setup')).body).toEqual({ allowed: false })
    const again = await call(app, 'POST', '/api/v2/setup', { body: { username: 'b', org: 'o', bucket: 'b' } })
    expect(again.status).toBe(422)
    expect(again.body).toEqual({ code: 'conflict', message: 'onboarding has already been completed' })
    expect(again.headers.get('x-platform-error-code')).toBe('conflict')

    const buckets = await call(app, 'GET', `/api/v2/buckets?orgID=${org.id}`, { as: { token: auth.token } })
    expect(buckets.body.buckets.map((b: { name: string }) => b.name)).toEqual(['_monitoring', '_tasks', 'telemetry'])
    expect(buckets.body.buckets[0]).toMatchObject({ type: 'system', retentionRules: [{ everySeconds: 604800 }] })
  })

  it('signs in with Basic auth and sets the session cookie', async () => {
    const { app } = server
    const res = await call(app, 'POST', '/api/v2/signin', { headers: basic('admin', 'correct-horse') })
    expect(res.status).toBe(204)
    const cookie = res.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/^influxdb-oss-session=[A-Za-z0-9_-]{86}==; Path=\/api\/; Expires=[^;]+ GMT; HttpOnly; SameSite=Strict$/)
    const expires = Date.parse(/Expires=([^;]+)/.exec(cookie)?.[1] ?? '')
    expect(Math.abs(expires - (Date.now() + 60 * 60_000))).toBeLessThan(5_000)
  })

  it.each([
    ['no header', {}],
    ['wrong password', basic('admin', 'wrong-horse')],
    ['unknown user', basic('nobody', 'correct-horse')],
    ['a token instead of Basic', { authorization: 'Token abc' }],
    ['garbage Basic', { authorization: 'Basic !!!' }],
  ])('refuses signin with %s', async (_name, headers) => {
    const res = await call(server.app, 'POST', '/api/v2/signin', { headers })
    expect(res.status).toBe(401)
    expect(res.body).toEqual({ code: 'unauthorized', message: 'unauthorized access' })
  })

  it('serves /me to sessions, signs out, and then refuses the cookie', async () => {
    const { app } = server
    const session = await signin(app, 'admin', 'correct-horse')
    const me = await call(app, 'GET', '/api/v2/me', { as: session })
    expect(me.status).toBe(200)
    expect(me.body.name).toBe('admin')
    expect((await call(app, 'POST', '/api/v2/signout', { as: session })).status).toBe(204)
    expect((await call(app, 'GET', '/api/v2/me', { as: session })).status).toBe(401)
    expect((await call(app, 'POST', '/api/v2/signout', { as: session })).status).toBe(401)
    expect((await call(app, 'POST', '/api/v2/signout')).status).toBe(401)
  })

  it('lets a token win over a cookie and accepts Bearer in any case', async () => {
    const { app } = server
    const session = await signin(app, 'admin', 'correct-horse')
    const res = await call(app, 'GET', '/api/v2/me', { headers: { authorization: 'Token nope', cookie: session.cookie ?? '' } })
    expect(res.status).toBe(401)
    const token = (await call(app, 'GET', '/api/v2/authorizations', { as: session })).body.authorizations[0]
    expect(token.token).toBe('')
  })
})

describe('sessions expire and renew', () => {
  it('expires a session after its length', async () => {
    const server = startTestServer({ sessionMinutes: 0.001 })
    try {
      const s = await setUp(server.app)
      await new Promise((r) => setTimeout(r, 100))
      expect((await call(server.app, 'GET', '/api/v2/me', { as: s.owner })).status).toBe(401)
    } finally {
      server.close()
    }
  })
})

describe('API', () => {
  let server: TestServer
  let s: SetUp
  beforeAll(async () => {
    server = startTestServer()
    s = await setUp(server.app)
  })
  afterAll(() => server.close())

  it('answers /health, /ping and HEAD /ping with InfluxDB headers', async () => {
    const { app } = server
    const health = await call(app, 'GET', '/health')
    expect(health.status).toBe(200)
    expect(health.body).toMatchObject({ name: 'influxdb', status: 'pass', checks: [] })
    for (const method of ['GET', 'HEAD']) {
      const ping = await call(app, method, '/ping')
      expect(ping.status).toBe(204)
      expect(ping.text).toBe('')
      expect(ping.headers.get('x-influxdb-build')).toBe('OSS')
      expect(ping.headers.get('x-influxdb-version')).toMatch(/^v2\./)
    }
  })

  it('answers CORS like InfluxDB', async () => {
    const pre = await call(server.app, 'OPTIONS', '/api/v2/authorizations', { headers: { origin: 'http://elsewhere' } })
    expect(pre.status).toBe(204)
    expect(pre.headers.get('access-control-allow-origin')).toBe('http://elsewhere')
    expect(pre.headers.get('access-control-allow-methods')).toContain('PATCH')
    expect(pre.headers.get('access-control-allow-credentials')).toBeNull()
    const get = await call(server.app, 'GET', '/api/v2/setup', { headers: { origin: 'http://elsewhere' } })
    expect(get.headers.get('access-control-allow-origin')).toBe('http://elsewhere')
  })

  it('lists the 23 resource types in the server order', async () => {
    const res = await call(server.app, 'GET', '/api/v2/resources', { as: s.operator })
    expect(res.body).toHaveLength(23)
    expect(res.body[0]).toBe('authorizations')
    expect(res.body[22]).toBe('instance')
    expect((await call(server.app, 'GET', '/api/v2/resources')).status).toBe(401)
  })

  it('answers unknown API routes with path not found', async () => {
    for (const [method, path] of [['GET', '/api/v2/nothing'], ['POST', '/api/v1/x'], ['PUT', '/api/v2/orgs']]) {
      const res = await call(server.app, method!, path!, { as: s.operator })
      expect(res.status).toBe(404)
      expect(res.body).toEqual({ code: 'not found', message: 'path not found' })
    }
  })

  describe('orgs', () => {
    it('lists, filters and reads orgs', async () => {
      const { app } = server
      const list = await call(app, 'GET', '/api/v2/orgs', { as: s.owner })
      expect(list.body.links).toEqual({ self: '/api/v2/orgs' })
      expect(list.body.orgs.map((o: { name: string }) => o.name)).toEqual(['acme'])
      expect(list.body.orgs[0].links.buckets).toBe('/api/v2/buckets?org=acme')
      expect((await call(app, 'GET', '/api/v2/orgs?org=acme', { as: s.operator })).body.orgs).toHaveLength(1)
      const unknown = await call(app, 'GET', '/api/v2/orgs?org=zzz', { as: s.operator })
      expect(unknown.status).toBe(404)
      expect(unknown.body.message).toBe('organization name "zzz" not found')
      expect((await call(app, 'GET', '/api/v2/orgs?orgID=bad', { as: s.operator })).body.orgs).toHaveLength(1)
      expect((await call(app, 'GET', '/api/v2/orgs?limit=0', { as: s.operator })).body.message).toBe('limit must be between 1 and 100')
      expect((await call(app, 'GET', `/api/v2/orgs/${s.orgID}`, { as: s.owner })).body.id).toBe(s.orgID)
      expect((await call(app, 'GET', '/api/v2/orgs/123', { as: s.owner })).body.message).toBe('id must have a length of 16 bytes')
      expect((await call(app, 'GET', '/api/v2/orgs/ffffffffffffffff', { as: s.operator })).status).toBe(404)
      // The setup user's session holds the instance permission, so it also gets to the lookup.
      expect((await call(app, 'GET', '/api/v2/orgs/ffffffffffffffff', { as: s.owner })).status).toBe(404)
    })

    it('creates orgs with system buckets for holders of write:orgs', async () => {
      const { app } = server
      const res = await call(app, 'POST', '/api/v2/orgs', { as: s.operator, body: { name: 'globex', description: 'x' } })
      expect(res.status).toBe(201)
      expect(res.body).toMatchObject({ name: 'globex', description: 'x' })
      const dup = await call(app, 'POST', '/api/v2/orgs', { as: s.operator, body: { name: 'globex' } })
      expect(dup.status).toBe(422)
      expect(dup.body.message).toBe('organization with name globex already exists')
      expect((await call(app, 'POST', '/api/v2/orgs', { as: s.operator, body: { name: ' ' } })).status).toBe(400)
      const buckets = await call(app, 'GET', `/api/v2/buckets?orgID=${res.body.id}`, { as: s.operator })
      expect(buckets.body.buckets).toHaveLength(2)
    })
  })

  describe('buckets', () => {
    let orgID: string
    beforeAll(async () => {
      const org = await call(server.app, 'POST', '/api/v2/orgs', { as: s.operator, body: { name: 'paging' } })
      orgID = org.body.id
      for (const name of ['a1', 'a2', 'a3', 'a4', 'a5']) {
        const res = await call(server.app, 'POST', '/api/v2/buckets', {
          as: s.operator,
          body: { orgID, name, retentionRules: [{ type: 'expire', everySeconds: 86400 * 7 }] },
        })
        expect(res.status).toBe(201)
      }
    })

    it('pages with links like InfluxDB', async () => {
      const { app } = server
      const first = await call(app, 'GET', `/api/v2/buckets?orgID=${orgID}&limit=3`, { as: s.operator })
      expect(first.body.buckets.map((b: { name: string }) => b.name)).toEqual(['_monitoring', '_tasks', 'a1'])
      expect(first.body.links).toEqual({
        self: `/api/v2/buckets?descending=false&limit=3&offset=0&orgID=${orgID}`,
        next: `/api/v2/buckets?descending=false&limit=3&offset=3&orgID=${orgID}`,
      })
      const second = await call(app, 'GET', `/api/v2/buckets?orgID=${orgID}&limit=3&offset=3`, { as: s.operator })
      expect(second.body.buckets.map((b: { name: string }) => b.name)).toEqual(['a2', 'a3', 'a4'])
      expect(second.body.links.prev).toBe(`/api/v2/buckets?descending=false&limit=3&offset=0&orgID=${orgID}`)
      const desc = await call(app, 'GET', `/api/v2/buckets?org=paging&descending=true&limit=2`, { as: s.operator })
      expect(desc.body.buckets.map((b: { name: string }) => b.name)).toEqual(['a5', 'a4'])
      expect(desc.body.links.self).toBe('/api/v2/buckets?descending=true&limit=2&offset=0&org=paging')
      const after = await call(app, 'GET', `/api/v2/buckets?orgID=${orgID}&after=${desc.body.buckets[1].id}`, { as: s.operator })
      expect(after.body.buckets.map((b: { name: string }) => b.name)).toEqual(['a5'])
      const named = await call(app, 'GET', `/api/v2/buckets?orgID=${orgID}&name=a2`, { as: s.operator })
      expect(named.body.buckets).toHaveLength(1)
      expect(named.body.links.self).toContain('bucket=a2')
      const all = await call(app, 'GET', '/api/v2/buckets?limit=100', { as: s.operator })
      expect(all.body.buckets.length).toBeGreaterThanOrEqual(10)
    })

    it.each([
      ['limit=101', 400, 'limit must be between 1 and 100'],
      ['limit=x', 400, 'limit is invalid'],
      ['offset=x', 400, 'offset is invalid'],
      ['descending=maybe', 400, 'descending is invalid'],
      ['after=12', 400, 'decoding after: id must have a length of 16 bytes'],
      ['orgID=zzzzzzzzzzzzzzzz', 400, 'invalid ID'],
      ['id=ffffffffffffffff', 404, 'bucket not found'],
      ['org=nope', 404, 'organization name "nope" not found'],
    ])('rejects ?%s', async (query, status, message) => {
      const res = await call(server.app, 'GET', `/api/v2/buckets?${query}`, { as: s.operator })
      expect(res.status).toBe(status)
      expect(res.body.message).toBe(message)
    })

    it('creates, reads and deletes buckets with InfluxDB errors', async () => {
      const { app } = server
      const create = (body: unknown) => call(app, 'POST', '/api/v2/buckets', { as: s.owner, body })
      const made = await create({ orgID: s.orgID, name: 'tmp', description: 'd' })
      expect(made.status).toBe(201)
      expect(made.body.retentionRules).toEqual([{ type: 'expire', everySeconds: 0, shardGroupDurationSeconds: 604800 }])
      expect((await create({ orgID: s.orgID, name: 'tmp' })).status).toBe(422)
      expect((await create({ orgID: s.orgID, name: '_x' })).body.message).toBe('bucket name _x is invalid. Buckets may not start with underscore')
      expect((await create({ name: 'x' })).status).toBe(400)
      expect((await create({ orgID: s.orgID, name: 'x', retentionRules: [{ everySeconds: 60 }] })).status).toBe(422)
      expect((await create({ orgID: s.orgID, name: 'x', retentionRules: 'no' })).status).toBe(400)
      expect((await create({ orgID: 'ffffffffffffffff', name: 'x' })).status).toBe(404)
      expect((await call(app, 'GET', `/api/v2/buckets/${made.body.id}`, { as: s.owner })).body.name).toBe('tmp')
      expect((await call(app, 'DELETE', `/api/v2/buckets/${made.body.id}`, { as: s.owner })).status).toBe(204)
      expect((await call(app, 'GET', `/api/v2/buckets/${made.body.id}`, { as: s.owner })).status).toBe(404)
      expect((await call(app, 'DELETE', `/api/v2/buckets/${made.body.id}`, { as: s.owner })).status).toBe(404)
      expect((await call(app, 'DELETE', '/api/v2/buckets/xyz', { as: s.owner })).status).toBe(400)
      const system = (await call(app, 'GET', `/api/v2/buckets?orgID=${s.orgID}&name=_tasks`, { as: s.owner })).body.buckets[0]
      expect((await call(app, 'DELETE', `/api/v2/buckets/${system.id}`, { as: s.owner })).status).toBe(400)
    })
  })

  describe('users', () => {
    it('creates, lists, updates, sets passwords and deletes users', async () => {
      const { app } = server
      const created = await call(app, 'POST', '/api/v2/users', { as: s.operator, body: { name: 'bob' } })
      expect(created.status).toBe(201)
      const bob = created.body.id
      expect((await call(app, 'POST', '/api/v2/users', { as: s.operator, body: { name: 'bob' } })).status).toBe(422)
      // The instance owner's session may create users too.
      expect((await call(app, 'POST', '/api/v2/users', { as: s.owner, body: { name: 'eve' } })).status).toBe(201)
      const list = await call(app, 'GET', '/api/v2/users', { as: s.operator })
      expect(list.body.users.map((u: { name: string }) => u.name)).toEqual(['admin', 'bob', 'eve'])
      expect((await call(app, 'GET', '/api/v2/users?name=bob', { as: s.operator })).body.users).toHaveLength(1)
      expect((await call(app, 'GET', '/api/v2/users?name=nobody', { as: s.operator })).status).toBe(404)
      expect((await call(app, 'POST', `/api/v2/users/${bob}/password`, { as: s.operator, body: { password: 'bobs-password' } })).status).toBe(204)
      const bobSession = await signin(app, 'bob', 'bobs-password')
      const seen = await call(app, 'GET', '/api/v2/users', { as: bobSession })
      expect(seen.body.users.map((u: { name: string }) => u.name)).toEqual(['bob'])
      const patched = await call(app, 'PATCH', `/api/v2/users/${bob}`, { as: s.operator, body: { name: 'robert', status: 'inactive' } })
      expect(patched.body).toMatchObject({ name: 'robert', status: 'inactive' })
      expect((await call(app, 'GET', '/api/v2/me', { as: bobSession })).body).toEqual({ code: 'forbidden', message: 'User is inactive' })
      expect((await call(app, 'PATCH', `/api/v2/users/${bob}`, { as: s.operator, body: { status: 'weird' } })).status).toBe(400)
      expect((await call(app, 'PATCH', `/api/v2/users/${bob}`, { as: s.operator, body: { name: 'admin' } })).status).toBe(422)
      expect((await call(app, 'DELETE', `/api/v2/users/${bob}`, { as: s.operator })).status).toBe(204)
      expect((await call(app, 'DELETE', `/api/v2/users/${bob}`, { as: s.operator })).status).toBe(404)
      expect((await call(app, 'PATCH', `/api/v2/users/${bob}`, { as: s.operator, body: {} })).status).toBe(404)
    })
  })

  describe('write', () => {
    const write = (query: string, body: BodyInit, as = s.operator, headers: Record<string, string> = {}) =>
      call(server.app, 'POST', `/api/v2/write?${query}`, { as, raw: body, headers: { 'content-type': 'text/plain', ...headers } })

    it('stores points by org name or id, bucket name or id, in any precision', async () => {
      expect((await write('org=acme&bucket=telemetry', 'cpu,host=a v=1 1700000000000000000')).status).toBe(204)
      expect((await write(`orgID=${s.orgID}&bucket=${s.bucketID}&precision=s`, 'cpu v=2i 1700000000')).status).toBe(204)
      expect((await write(`org=${s.orgID}&bucket=telemetry&precision=ms`, gzipSync('cpu v=3u\nmem x="y"'), s.operator, { 'content-encoding': 'gzip' })).status).toBe(204)
      const store = openStore(server.dataDir)
      try {
        expect(store.points.count(s.bucketID)).toBe(4)
      } finally {
        store.db.close()
      }
    })

    it.each([
      ['org=acme&bucket=telemetry&precision=h', 'm v=1', 400, 'invalid precision; valid precision units are ns, us, ms, and s'],
      ['org=acme', 'm v=1', 404, 'bucket not found'],
      ['bucket=telemetry', 'm v=1', 400, 'Please provide either orgID or org'],
      ['org=nope&bucket=telemetry', 'm v=1', 404, 'organization name "nope" not found'],
      ['orgID=ffffffffffffffff&bucket=telemetry', 'm v=1', 404, 'organization not found'],
      ['orgID=xyz&bucket=telemetry', 'm v=1', 400, 'id must have a length of 16 bytes'],
      ['org=acme&bucket=nope', 'm v=1', 404, 'bucket "nope" not found'],
      ['org=acme&bucket=telemetry', 'ok v=1\nbad\nm v=', 400, "unable to parse 'bad': missing fields\nunable to parse 'm v=': missing field value"],
    ])('rejects %s %j', async (query, body, status, message) => {
      const res = await write(query, body)
      expect(res.status).toBe(status)
      expect(res.body.message).toBe(message)
    })

    it('writes nothing from a batch with a bad line', async () => {
      const store = openStore(server.dataDir)
      try {
        const before = store.points.count(s.bucketID)
        await write('org=acme&bucket=telemetry', 'good v=1\nbad')
        expect(store.points.count(s.bucketID)).toBe(before)
      } finally {
        store.db.close()
      }
    })

    it('refuses oversized and corrupt bodies', async () => {
      const big = await write('org=acme&bucket=telemetry', 'x', s.operator, { 'content-length': String(30 * 1024 * 1024) })
      expect(big.status).toBe(413)
      expect(big.body.code).toBe('request too large')
      const corrupt = await write('org=acme&bucket=telemetry', 'not gzip', s.operator, { 'content-encoding': 'gzip' })
      expect(corrupt.status).toBe(400)
    })
  })

  describe('hostile input never causes a 5xx', () => {
    it.each([
      ['POST', '/api/v2/authorizations', '{"orgID":'],
      ['PATCH', '/api/v2/authorizations/0000000000000001', 'nope'],
      ['POST', '/api/v2/setup', '[1,2'],
      ['POST', '/api/v2/buckets', ''],
      ['POST', '/api/v2/orgs', '"just a string"'],
      ['POST', '/api/v2/users', '[]'],
    ])('%s %s with malformed JSON is 400', async (method, path, raw) => {
      const res = await call(server.app, method, path, { as: s.operator, raw, headers: json })
      expect(res.status).toBe(400)
      expect(res.body.code).toBe('invalid')
    })

    it('answers 415 for a missing or non-JSON content type', async () => {
      const body = JSON.stringify({ name: 'typed' })
      const typed = await call(server.app, 'POST', '/api/v2/orgs', { as: s.operator, raw: body, headers: { 'content-type': 'text/plain' } })
      expect(typed.status).toBe(415)
      expect(typed.body.code).toBe('unsupported media type')
      const untyped = await server.app.request('/api/v2/orgs', {
        method: 'POST',
        headers: { authorization: `Token ${s.operator.token}` },
        body: new Blob([body]).stream(),
        duplex: 'half',
      } as RequestInit)
      expect(untyped.status).toBe(415)
      expect(await untyped.json()).toEqual({ code: 'unsupported media type', message: 'no content type: expected application/json' })
      const versioned = await call(server.app, 'POST', '/api/v2/orgs', { as: s.operator, raw: body, headers: { 'content-type': 'application/vnd.api+json; charset=utf-8' } })
      expect(versioned.status).toBe(201)
    })

    it('answers 413 for JSON bodies over 1 MiB', async () => {
      const res = await call(server.app, 'POST', '/api/v2/orgs', { as: s.operator, body: { name: 'x'.repeat(1024 * 1024 + 10) } })
      expect(res.status).toBe(413)
    })

    it.each([
      [{ orgID: 5, permissions: [] }, 'invalid json structure: orgID must be a string'],
      [{ orgID: 'x', permissions: [] }, 'invalid json structure: id must have a length of 16 bytes'],
      [{ permissions: {} }, 'invalid json structure: permissions must be an array'],
      [{ permissions: [null] }, 'invalid json structure: permissions[0] must be an object'],
      [{ description: 7 }, 'invalid json structure: description must be a string'],
      [{ __proto__: { admin: true }, constructor: 1, permissions: [] }, 'authorization must include permissions'],
    ])('rejects %j', async (body, message) => {
      const raw = JSON.stringify(body).replace('"__proto__"', '"__proto__"')
      const res = await call(server.app, 'POST', '/api/v2/authorizations', { as: s.operator, raw, headers: json })
      expect(res.status).toBe(400)
      expect(res.body.message).toBe(message)
    })

    it('keeps a literal __proto__ key harmless', async () => {
      const raw = '{"__proto__":{"orgID":"x"},"name":"proto-org"}'
      const res = await call(server.app, 'POST', '/api/v2/orgs', { as: s.operator, raw, headers: json })
      expect(res.status).toBe(201)
      expect(({} as Record<string, unknown>).orgID).toBeUndefined()
    })
  })
})

describe('static files', () => {
  let server: TestServer
  beforeAll(() => {
    const dist = mkdtempSync(join(tmpdir(), 'influx-tokens-dist-'))
    mkdirSync(join(dist, 'assets'))
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>app</title>')
    writeFileSync(join(dist, 'assets', 'app-abc123.js'), 'console.log(1)')
    writeFileSync(join(dist, 'favicon.svg'), '<svg/>')
    server = startTestServer({ staticDir: dist })
  })
  afterAll(() => server.close())

  it('serves files, caches hashed assets forever, and falls back to index.html for HTML routes', async () => {
    const { app } = server
    const asset = await call(app, 'GET', '/assets/app-abc123.js')
    expect(asset.status).toBe(200)
    expect(asset.headers.get('content-type')).toContain('text/javascript')
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    const index = await call(app, 'GET', '/')
    expect(index.text).toContain('<title>app</title>')
    expect(index.headers.get('cache-control')).toBe('no-cache')
    const route = await call(app, 'GET', '/tokens/123', { headers: { accept: 'text/html' } })
    expect(route.status).toBe(200)
    expect(route.text).toContain('<title>app</title>')
    expect((await call(app, 'GET', '/favicon.svg')).headers.get('content-type')).toMatch(/^image\/svg\+xml/)
    expect((await call(app, 'GET', '/missing.js')).status).toBe(404)
    expect((await call(app, 'GET', '/assets/../../etc/passwd', { headers: { accept: 'text/html' } })).text).not.toContain('root:')
    expect((await call(app, 'GET', '/%E0%A4%A', { headers: { accept: 'text/html' } })).status).toBe(200)
    const api = await call(app, 'GET', '/api/v2/unknown', { headers: { accept: 'text/html' } })
    expect(api.body).toEqual({ code: 'unauthorized', message: 'unauthorized access' })
  })

  it('hints the browser to load the session, the orgs and the token list with the token pages, for well-formed org IDs only', async () => {
    const { app } = server
    const html = { headers: { accept: 'text/html' } }
    const page = await call(app, 'GET', '/orgs/0a1b2c3d4e5f6071/load-data/tokens', html)
    expect(page.text).toContain('<title>app</title>')
    const preloads = [
      '</api/v2/authorizations?orgID=0a1b2c3d4e5f6071>; rel=preload; as=fetch; crossorigin=anonymous',
      '</api/v2/me>; rel=preload; as=fetch; crossorigin=anonymous',
      '</api/v2/orgs?limit=100>; rel=preload; as=fetch; crossorigin=anonymous',
      '</api/tokens-app/token-session>; rel=preload; as=fetch; crossorigin=anonymous',
    ].join(', ')
    expect(page.headers.get('link')).toBe(preloads)
    expect((await call(app, 'GET', '/orgs/0a1b2c3d4e5f6071/load-data/tokens/review', html)).headers.get('link')).toBe(preloads)
    for (const path of ['/', '/signin', '/orgs/0a1b2c3d4e5f6071/load-data/buckets', '/orgs/not-an-id%3E%3B/load-data/tokens']) {
      expect((await call(app, 'GET', path, html)).headers.get('link')).toBeNull()
    }
  })
})
