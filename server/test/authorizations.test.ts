import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { allAccessPermissions } from '../auth/permissions.ts'
import { type Credential, type SetUp, type TestServer, call, setUp, signin, startTestServer } from './helpers.ts'

const readBucket = (orgID: string, id: string) => ({ action: 'read', resource: { type: 'buckets', orgID, id } })
const writeBucket = (orgID: string, id: string) => ({ action: 'write', resource: { type: 'buckets', orgID, id } })

async function createToken(server: TestServer, as: Credential, body: unknown): Promise<{ id: string; token: string }> {
  const res = await call(server.app, 'POST', '/api/v2/authorizations', { as, body })
  if (res.status !== 201) throw new Error(`token creation failed: ${res.status} ${res.text}`)
  return { id: res.body.id, token: res.body.token }
}

describe('permission model: credential × request', () => {
  let server: TestServer
  let s: SetUp
  let operatorAuthID: string
  const creds: Record<string, Credential> = {}

  beforeAll(async () => {
    server = startTestServer()
    s = await setUp(server.app)
    const { app } = server
    operatorAuthID = (await call(app, 'GET', '/api/v2/authorizations', { as: s.operator })).body.authorizations[0].id
    const allAccess = await createToken(server, s.owner, { orgID: s.orgID, permissions: allAccessPermissions(s.orgID, s.userID) })
    const readOnly = await createToken(server, s.owner, { orgID: s.orgID, permissions: [readBucket(s.orgID, s.bucketID)] })
    const inactive = await createToken(server, s.owner, { orgID: s.orgID, status: 'inactive', permissions: allAccessPermissions(s.orgID, s.userID) })
    const bob = (await call(app, 'POST', '/api/v2/users', { as: s.operator, body: { name: 'bob' } })).body.id
    await call(app, 'POST', `/api/v2/users/${bob}/password`, { as: s.operator, body: { password: 'bobs-password' } })
    const carol = (await call(app, 'POST', '/api/v2/users', { as: s.operator, body: { name: 'carol' } })).body.id
    const carolToken = await createToken(server, s.operator, { orgID: s.orgID, userID: carol, permissions: allAccessPermissions(s.orgID, carol) })
    await call(app, 'DELETE', `/api/v2/users/${carol}`, { as: s.operator })
    Object.assign(creds, {
      none: {},
      garbage: { token: 'garbage' },
      operator: s.operator,
      allAccess: { token: allAccess.token },
      readOnly: { token: readOnly.token },
      inactive: { token: inactive.token },
      owner: s.owner,
      otherUser: await signin(app, 'bob', 'bobs-password'),
      deletedUser: { token: carolToken.token },
    })
  })
  afterAll(() => server.close())

  // Expected status per credential, in the column order of `who`; for lists also the item count.
  const who = ['none', 'garbage', 'operator', 'allAccess', 'readOnly', 'inactive', 'owner', 'otherUser', 'deletedUser'] as const
  type Row = [name: string, request: (s: SetUp, opID: string, who: string) => [string, string, unknown?], expected: (number | [number, number])[]]
  const table: Row[] = [
    ['GET /me', () => ['GET', '/api/v2/me'], [401, 401, 200, 200, 401, 401, 200, 200, 403]],
    ['GET /orgs', () => ['GET', '/api/v2/orgs'], [401, 401, [200, 1], [200, 1], [200, 0], [200, 0], [200, 1], [200, 0], 403]],
    ['GET /orgs/{id}', (s) => ['GET', `/api/v2/orgs/${s.orgID}`], [401, 401, 200, 200, 401, 401, 200, 401, 403]],
    ['GET /buckets/{id}', (s) => ['GET', `/api/v2/buckets/${s.bucketID}`], [401, 401, 200, 200, 200, 401, 200, 401, 403]],
    ['GET /buckets?orgID', (s) => ['GET', `/api/v2/buckets?orgID=${s.orgID}`], [401, 401, [200, 3], [200, 3], [200, 1], [200, 0], [200, 3], [200, 0], 403]],
    ['GET /authorizations', () => ['GET', '/api/v2/authorizations'], [401, 401, [200, 4], [200, 4], [200, 0], [200, 0], [200, 4], [200, 0], 403]],
    ['GET /authorizations/{operator}', (_s, op) => ['GET', `/api/v2/authorizations/${op}`], [401, 401, 200, 200, 401, 401, 200, 401, 403]],
    ['GET /users', () => ['GET', '/api/v2/users'], [401, 401, [200, 2], [200, 1], [200, 0], [200, 0], [200, 2], [200, 1], 403]],
    ['GET /resources', () => ['GET', '/api/v2/resources'], [401, 401, 200, 200, 200, 200, 200, 200, 403]],
    ['POST /write', (s) => ['POST', `/api/v2/write?orgID=${s.orgID}&bucket=${s.bucketID}`, 'm v=1'], [401, 401, 204, 204, 403, 403, 204, 403, 403]],
    ['POST /buckets', (s, _op, name) => ['POST', '/api/v2/buckets', { orgID: s.orgID, name: `b-${name}` }], [401, 401, 201, 201, 401, 401, 201, 401, 403]],
    ['POST /authorizations', (s) => ['POST', '/api/v2/authorizations', { orgID: s.orgID, permissions: [readBucket(s.orgID, s.bucketID)] }], [401, 401, 201, 201, 401, 401, 201, 401, 403]],
    ['POST /orgs', (_s, _op, name) => ['POST', '/api/v2/orgs', { name: `org-${name}` }], [401, 401, 201, 401, 401, 401, 201, 401, 403]],
  ]

  it.each(table)('%s', async (_name, request, expected) => {
    const got: (number | [number, number])[] = []
    for (const name of who) {
      const [method, path, body] = request(s, operatorAuthID, name)
      const isWrite = path.startsWith('/api/v2/write')
      const res = await call(server.app, method, path, {
        as: creds[name],
        ...(isWrite ? { raw: body as string, headers: { 'content-type': 'text/plain' } } : { body }),
      })
      const key = ['orgs', 'buckets', 'authorizations', 'users'].find((k) => Array.isArray(res.body?.[k]))
      const list: unknown[] | undefined = key ? res.body[key] : undefined
      got.push(list ? [res.status, list.length] : res.status)
    }
    expect(Object.fromEntries(who.map((w, i) => [w, got[i]]))).toEqual(Object.fromEntries(who.map((w, i) => [w, expected[i]])))
  })

  it('gives the exact InfluxDB messages', async () => {
    const { app } = server
    expect((await call(app, 'GET', '/api/v2/me', { as: creds.inactive })).body).toEqual({ code: 'unauthorized', message: 'token is inactive' })
    expect((await call(app, 'GET', '/api/v2/me', { as: creds.deletedUser })).body).toEqual({ code: 'forbidden', message: 'User is inactive' })
    expect((await call(app, 'GET', '/api/v2/me', { as: creds.readOnly })).body.message).toBe(`read:users/${s.userID} is unauthorized`)
    expect((await call(app, 'GET', `/api/v2/buckets/${s.bucketID}`, { as: creds.otherUser })).body.message).toBe(
      `read:orgs/${s.orgID}/buckets/${s.bucketID} is unauthorized`,
    )
    const write = await call(app, 'POST', `/api/v2/write?org=acme&bucket=telemetry`, { as: creds.readOnly, raw: 'm v=1', headers: { 'content-type': 'text/plain' } })
    expect(write.body).toEqual({ code: 'forbidden', message: 'insufficient permissions for write' })
    const garbage = await call(app, 'GET', '/api/v2/orgs', { as: creds.garbage })
    expect(garbage.body).toEqual({ code: 'unauthorized', message: 'unauthorized access' })
    expect(garbage.headers.get('x-platform-error-code')).toBe('unauthorized')
  })
})

describe('authorizations', () => {
  let server: TestServer
  let s: SetUp
  let buckets: string[]
  beforeAll(async () => {
    server = startTestServer()
    s = await setUp(server.app)
    buckets = [s.bucketID]
    for (const name of ['iot-sensors', 'billing-events']) {
      buckets.push((await call(server.app, 'POST', '/api/v2/buckets', { as: s.operator, body: { orgID: s.orgID, name } })).body.id)
    }
  })
  afterAll(() => server.close())

  it('walks through the issue: create (2 read + 1 write), list, deactivate, delete', async () => {
    const { app } = server
    const [telemetry, iot, billing] = buckets as [string, string, string]
    // The body the UI sends (ref §D, §C.9): names are included and ignored by the server.
    const body = {
      orgID: s.orgID,
      description: 'ci writer',
      permissions: [
        { action: 'read', resource: { type: 'buckets', orgID: s.orgID, id: telemetry, name: 'telemetry' } },
        { action: 'read', resource: { type: 'buckets', orgID: s.orgID, id: iot, name: 'iot-sensors' } },
        { action: 'write', resource: { type: 'buckets', orgID: s.orgID, id: billing, name: 'billing-events' } },
      ],
    }
    const created = await call(app, 'POST', '/api/v2/authorizations', { as: s.owner, body })
    expect(created.status).toBe(201)
    const token = created.body.token as string
    expect(token).toMatch(/^[A-Za-z0-9_-]{86}==$/)
    expect(created.body).toMatchObject({
      status: 'active',
      description: 'ci writer',
      orgID: s.orgID,
      org: 'acme',
      userID: s.userID,
      user: 'admin',
      links: { self: `/api/v2/authorizations/${created.body.id}`, user: `/api/v2/users/${s.userID}` },
    })
    expect(created.body.permissions).toEqual([
      { action: 'read', resource: { type: 'buckets', id: telemetry, orgID: s.orgID, name: 'telemetry', org: 'acme' } },
      { action: 'read', resource: { type: 'buckets', id: iot, orgID: s.orgID, name: 'iot-sensors', org: 'acme' } },
      { action: 'write', resource: { type: 'buckets', id: billing, orgID: s.orgID, name: 'billing-events', org: 'acme' } },
    ])

    const list = await call(app, 'GET', `/api/v2/authorizations?orgID=${s.orgID}`, { as: s.owner })
    const listed = list.body.authorizations.find((a: { id: string }) => a.id === created.body.id)
    expect(listed).toMatchObject({ ...created.body, token: '' })
    expect(list.body.authorizations.map((a: { id: string }) => a.id)).toEqual(
      [...list.body.authorizations.map((a: { id: string }) => a.id)].sort(),
    )

    const me = { token }
    expect((await call(app, 'GET', `/api/v2/buckets/${iot}`, { as: me })).status).toBe(200)
    const write = (bucket: string) =>
      call(app, 'POST', `/api/v2/write?orgID=${s.orgID}&bucket=${bucket}`, { as: me, raw: 'm v=1', headers: { 'content-type': 'text/plain' } })
    expect((await write(billing)).status).toBe(204)
    expect((await write(telemetry)).status).toBe(403)

    const off = await call(app, 'PATCH', `/api/v2/authorizations/${created.body.id}`, { as: s.owner, body: { status: 'inactive' } })
    expect(off.status).toBe(200)
    expect(off.body).toMatchObject({ status: 'inactive', token: '', description: 'ci writer' })
    expect(off.body.updatedAt > created.body.updatedAt).toBe(true)
    expect((await call(app, 'GET', `/api/v2/buckets/${iot}`, { as: me })).body.message).toBe('token is inactive')
    expect((await call(app, 'GET', '/api/v2/buckets', { as: me })).body.buckets).toEqual([])
    expect((await write(billing)).status).toBe(403)

    const on = await call(app, 'PATCH', `/api/v2/authorizations/${created.body.id}`, { as: s.owner, body: { status: 'active', description: 'renamed' } })
    expect(on.body).toMatchObject({ status: 'active', description: 'renamed' })
    expect((await write(billing)).status).toBe(204)

    expect((await call(app, 'DELETE', `/api/v2/authorizations/${created.body.id}`, { as: s.owner })).status).toBe(204)
    expect((await call(app, 'GET', `/api/v2/authorizations/${created.body.id}`, { as: s.owner })).status).toBe(404)
    expect((await call(app, 'GET', `/api/v2/buckets/${iot}`, { as: me })).status).toBe(401)
  })

  it('confines a one-bucket token to that bucket', async () => {
    const { app } = server
    const [telemetry, iot] = buckets as [string, string]
    const { id, token } = await createToken(server, s.owner, { orgID: s.orgID, permissions: [readBucket(s.orgID, iot)] })
    const as = { token }
    expect((await call(app, 'GET', `/api/v2/buckets/${iot}`, { as })).status).toBe(200)
    const visible = await call(app, 'GET', `/api/v2/buckets?orgID=${s.orgID}`, { as })
    expect(visible.body.buckets.map((b: { id: string }) => b.id)).toEqual([iot])
    const refusals: [string, string, unknown?][] = [
      ['GET', `/api/v2/buckets/${telemetry}`],
      ['DELETE', `/api/v2/buckets/${iot}`],
      ['GET', '/api/v2/me'],
      ['GET', `/api/v2/orgs/${s.orgID}`],
      ['GET', `/api/v2/authorizations/${id}`],
      ['PATCH', `/api/v2/authorizations/${id}`, { status: 'inactive' }],
      ['DELETE', `/api/v2/authorizations/${id}`],
      ['POST', '/api/v2/authorizations', { orgID: s.orgID, permissions: [readBucket(s.orgID, iot)] }],
      ['POST', '/api/v2/buckets', { orgID: s.orgID, name: 'nope' }],
      ['POST', '/api/v2/users', { name: 'nope' }],
    ]
    for (const [method, path, body] of refusals) {
      expect([method, path, (await call(app, method, path, { as, body })).status]).toEqual([method, path, 401])
    }
    const w = await call(app, 'POST', `/api/v2/write?orgID=${s.orgID}&bucket=${iot}`, { as, raw: 'm v=1', headers: { 'content-type': 'text/plain' } })
    expect(w.status).toBe(403)
    expect((await call(app, 'GET', '/api/v2/orgs', { as })).body.orgs).toEqual([])
    expect((await call(app, 'GET', '/api/v2/authorizations', { as })).body.authorizations).toEqual([])
  })

  it.each([
    [{ orgID: 'O' }, 400, 'authorization must include permissions'],
    [{ orgID: 'O', permissions: [] }, 400, 'authorization must include permissions'],
    [{ orgID: 'O', permissions: [{ action: 'read', resource: { type: 'flows' } }] }, 400, 'invalid resource type for permission: unknown resource type for permission'],
    [{ orgID: 'O', permissions: [{ action: 'delete', resource: { type: 'buckets', orgID: 'O' } }] }, 400, 'invalid action type for permission: unknown action for permission'],
    [{ permissions: [{ action: 'read', resource: { type: 'buckets', orgID: 'O' } }] }, 400, 'org id required: invalid ID'],
    [{ orgID: 'O', status: 'paused', permissions: [{ action: 'read', resource: { type: 'buckets', orgID: 'O' } }] }, 400, 'invalid status: must be active or inactive'],
    [{ orgID: 'O', permissions: [{ action: 'read', resource: { type: 'buckets', orgID: 'O', id: '' } }] }, 400, 'invalid json structure: id must have a length of 16 bytes'],
    [{ orgID: 'O', permissions: [{ action: 'read', resource: { type: 'instance' } }] }, 400, 'authorizations cannot be created with the instance type, it is only used during setup'],
    [{ orgID: 'O', permissions: [{ action: 'read', resource: { type: 'buckets', orgID: 'ffffffffffffffff' } }] }, 400, 'permission read:orgs/ffffffffffffffff/buckets is not for org id O'],
    [{ orgID: 'ffffffffffffffff', permissions: [{ action: 'read', resource: { type: 'buckets' } }] }, 400, 'unable to create token'],
    [{ orgID: 'O', userID: 'ffffffffffffffff', permissions: [{ action: 'read', resource: { type: 'buckets' } }] }, 400, 'unable to create token'],
  ])('validates %j like InfluxDB', async (body, status, message) => {
    const text = JSON.stringify(body).replaceAll('"O"', `"${s.orgID}"`)
    const res = await call(server.app, 'POST', '/api/v2/authorizations', {
      as: s.owner,
      raw: text,
      headers: { 'content-type': 'application/json' },
    })
    expect(res.status).toBe(status)
    expect(res.body.message).toBe(message.replace(' O', ` ${s.orgID}`))
  })

  it('refuses to grant what the creator does not hold (403) or to act for another user (401)', async () => {
    const { app } = server
    const [, iot] = buckets as [string, string]
    const { token } = await createToken(server, s.owner, {
      orgID: s.orgID,
      permissions: [readBucket(s.orgID, iot), { action: 'write', resource: { type: 'authorizations', orgID: s.orgID } }, { action: 'write', resource: { type: 'users', id: s.userID } }],
    })
    const grant = await call(app, 'POST', '/api/v2/authorizations', { as: { token }, body: { orgID: s.orgID, permissions: [writeBucket(s.orgID, iot)] } })
    expect(grant.status).toBe(403)
    expect(grant.body.message).toBe(`permission write:orgs/${s.orgID}/buckets/${iot} is not allowed: write:orgs/${s.orgID}/buckets/${iot} is unauthorized`)
    expect((await call(app, 'POST', '/api/v2/authorizations', { as: { token }, body: { orgID: s.orgID, permissions: [readBucket(s.orgID, iot)] } })).status).toBe(201)
    const bob = (await call(app, 'POST', '/api/v2/users', { as: s.operator, body: { name: 'bob' } })).body.id
    const forBob = await call(app, 'POST', '/api/v2/authorizations', { as: { token }, body: { orgID: s.orgID, userID: bob, permissions: [readBucket(s.orgID, iot)] } })
    expect(forBob.status).toBe(401)
    expect(forBob.body.message).toBe(`write:users/${bob} is unauthorized`)
    const byOperator = await call(app, 'POST', '/api/v2/authorizations', { as: s.operator, body: { orgID: s.orgID, userID: bob, permissions: [readBucket(s.orgID, iot)] } })
    expect(byOperator.body).toMatchObject({ userID: bob, user: 'bob' })
  })

  it('filters lists by user, org and id, and 404s unknown names', async () => {
    const { app } = server
    const all = (await call(app, 'GET', '/api/v2/authorizations', { as: s.operator })).body.authorizations
    const bobs = await call(app, 'GET', '/api/v2/authorizations?user=bob', { as: s.operator })
    expect(bobs.body.authorizations.every((a: { user: string }) => a.user === 'bob')).toBe(true)
    expect(bobs.body.authorizations.length).toBeGreaterThan(0)
    const byId = await call(app, 'GET', `/api/v2/authorizations?id=${all[0].id}&token=ignored`, { as: s.operator })
    expect(byId.body.authorizations).toHaveLength(1)
    expect((await call(app, 'GET', `/api/v2/authorizations?org=acme&userID=${s.userID}`, { as: s.operator })).body.authorizations.length).toBe(
      all.filter((a: { userID: string }) => a.userID === s.userID).length,
    )
    expect((await call(app, 'GET', '/api/v2/authorizations?orgID=ffffffffffffffff', { as: s.operator })).body.authorizations).toEqual([])
    expect((await call(app, 'GET', '/api/v2/authorizations?user=nobody', { as: s.operator })).body).toEqual({ code: 'not found', message: 'user not found' })
    expect((await call(app, 'GET', '/api/v2/authorizations?org=nope', { as: s.operator })).body.message).toBe('organization name "nope" not found')
    expect((await call(app, 'GET', '/api/v2/authorizations?id=ffffffffffffffff', { as: s.operator })).body.message).toBe('authorization not found')
    expect((await call(app, 'GET', '/api/v2/authorizations?userID=x', { as: s.operator })).status).toBe(400)
  })

  it('handles PATCH/DELETE errors and orphaned tokens like InfluxDB', async () => {
    const { app } = server
    const path = (id: string) => `/api/v2/authorizations/${id}`
    expect((await call(app, 'PATCH', path('ffffffffffffffff'), { as: s.owner, body: {} })).status).toBe(404)
    expect((await call(app, 'PATCH', path('xyz'), { as: s.owner, body: {} })).status).toBe(400)
    expect((await call(app, 'DELETE', path('ffffffffffffffff'), { as: s.owner })).body.message).toBe('authorization not found')
    const carol = (await call(app, 'POST', '/api/v2/users', { as: s.operator, body: { name: 'carol' } })).body.id
    const { id, token } = await createToken(server, s.operator, { orgID: s.orgID, userID: carol, permissions: [readBucket(s.orgID, s.bucketID)] })
    const bad = await call(app, 'PATCH', path(id), { as: s.operator, body: { status: 'paused' } })
    expect(bad.body).toEqual({ code: 'invalid', message: 'encodeAuthorization: unknown authorization status' })
    const bumped = await call(app, 'PATCH', path(id), { as: s.operator, body: {} })
    expect(bumped.status).toBe(200)
    await call(app, 'DELETE', `/api/v2/users/${carol}`, { as: s.operator })
    expect((await call(app, 'GET', `/api/v2/buckets/${s.bucketID}`, { as: { token } })).body.message).toBe('User is inactive')
    expect((await call(app, 'GET', path(id), { as: s.operator })).body).toEqual({ code: 'not found', message: 'user not found' })
    const listed = (await call(app, 'GET', '/api/v2/authorizations', { as: s.operator })).body.authorizations
    expect(listed.some((a: { id: string }) => a.id === id)).toBe(false)
    expect((await call(app, 'DELETE', path(id), { as: s.operator })).status).toBe(204)
  })
})
