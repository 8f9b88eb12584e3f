import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { allAccessPermissions, operatorPermissions } from '../auth/permissions.ts'
import { openStore } from '../db/store.ts'
import { createBucket, createOrg } from '../services/tenant.ts'
import { type Credential, type SetUp, type TestServer, call, setUp, signin, startTestServer } from './helpers.ts'

const readBucket = (orgID: string, id: string) => ({ action: 'read', resource: { type: 'buckets', orgID, id } })
const writeBucket = (orgID: string, id: string) => ({ action: 'write', resource: { type: 'buckets', orgID, id } })

async function createToken(server: TestServer, as: Credential, body: unknown): Promise<{ id: string; token: string }> {
  const res = await call(server.app, 'POST', '/api/v2/authorizations', { as, body })
  if (res.status !== 201) throw new Error(`token creation failed: ${res.status} ${res.text}`)
  return { id: res.body.id, token: res.body.token }
}

describe('permission model: every credential against every request', () => {
  let server: TestServer
  let s: SetUp
  const ctx = {} as {
    operatorAuthID: string
    orgB: string
    bucketB: string
    patchTarget: string
    doraToken: string
  }
  const creds: Record<string, Credential> = {}
  let unique = 0
  const next = () => `${++unique}`

  /** A user with a password, through the API; returns its ID. */
  async function user(name: string, password = `${name}-password`): Promise<string> {
    const id = (await call(server.app, 'POST', '/api/v2/users', { as: s.operator, body: { name } })).body.id
    await call(server.app, 'POST', `/api/v2/users/${id}/password`, { as: s.operator, body: { password } })
    return id
  }

  beforeAll(async () => {
    server = startTestServer()
    s = await setUp(server.app)
    const { app } = server
    await user('bob')
    const [dora, mia, eve, carol] = [await user('dora'), await user('mia'), await user('eve'), await user('carol')]
    // No API creates memberships: org B (owned by dora) and mia's membership of org A go in directly.
    const store = openStore(server.dataDir)
    try {
      store.db.transaction(() => {
        ctx.orgB = createOrg(store, { name: 'globex' }, dora).id
        ctx.bucketB = createBucket(store, { orgID: ctx.orgB, name: 'ledger', retentionSeconds: 0 }).id
        store.memberships.insert(mia, { resourceType: 'orgs', resourceID: s.orgID, role: 'member' })
      })
    } finally {
      store.db.close()
    }
    ctx.operatorAuthID = (await call(app, 'GET', '/api/v2/authorizations', { as: s.operator })).body.authorizations[0].id
    const allAccess = await createToken(server, s.owner, { orgID: s.orgID, permissions: allAccessPermissions(s.orgID, s.userID) })
    const readOnly = await createToken(server, s.owner, { orgID: s.orgID, permissions: [readBucket(s.orgID, s.bucketID)] })
    const readWrite = await createToken(server, s.owner, { orgID: s.orgID, permissions: [readBucket(s.orgID, s.bucketID), writeBucket(s.orgID, s.bucketID)] })
    const inactive = await createToken(server, s.owner, { orgID: s.orgID, status: 'inactive', permissions: allAccessPermissions(s.orgID, s.userID) })
    ctx.patchTarget = (await createToken(server, s.owner, { orgID: s.orgID, permissions: [readBucket(s.orgID, s.bucketID)] })).id
    ctx.doraToken = (await createToken(server, s.operator, { orgID: ctx.orgB, userID: dora, permissions: [readBucket(ctx.orgB, ctx.bucketB)] })).id
    const carolToken = await createToken(server, s.operator, { orgID: s.orgID, userID: carol, permissions: allAccessPermissions(s.orgID, carol) })
    await call(app, 'DELETE', `/api/v2/users/${carol}`, { as: s.operator })
    const eveToken = await createToken(server, s.operator, { orgID: s.orgID, userID: eve, permissions: allAccessPermissions(s.orgID, eve) })
    await call(app, 'PATCH', `/api/v2/users/${eve}`, { as: s.operator, body: { status: 'inactive' } })
    Object.assign(creds, {
      none: {},
      garbage: { token: 'garbage' },
      operator: s.operator,
      allAccess: { token: allAccess.token },
      readOnly: { token: readOnly.token },
      readWrite: { token: readWrite.token },
      inactive: { token: inactive.token },
      owner: s.owner,
      orgOwner: await signin(app, 'dora', 'dora-password'),
      member: await signin(app, 'mia', 'mia-password'),
      otherUser: await signin(app, 'bob', 'bob-password'),
      deletedUser: { token: carolToken.token },
      inactiveUser: { token: eveToken.token },
    })
  })
  afterAll(() => server.close())

  // Columns. allAccess, readOnly, readWrite and inactive are tokens of the setup user (owner of org A
  // and of the instance) on org A; rows on org B are what "an org A token used on org B" gets.
  // orgOwner owns only org B, member is a plain member of org A, otherUser belongs nowhere.
  const who = ['none', 'garbage', 'operator', 'allAccess', 'readOnly', 'readWrite', 'inactive', 'owner', 'orgOwner', 'member', 'otherUser', 'deletedUser', 'inactiveUser'] as const
  type Request = [method: string, path: string, body?: unknown]
  type Row = [name: string, request: (s: SetUp, who: string) => Request | Promise<Request>, expected: (number | [number, number])[]]
  const freshToken = async (orgID: string, bucketID: string) => (await createToken(server, s.operator, { orgID, permissions: [readBucket(orgID, bucketID)] })).id
  const freshBucket = async (orgID: string) => (await call(server.app, 'POST', '/api/v2/buckets', { as: s.operator, body: { orgID, name: `tmp-${next()}` } })).body.id
  const freshUser = async () => (await call(server.app, 'POST', '/api/v2/users', { as: s.operator, body: { name: `tmp-${next()}` } })).body.id
  const writeLine = (orgID: string, bucketID: string): Request => ['POST', `/api/v2/write?orgID=${orgID}&bucket=${bucketID}`, 'm v=1']
  //                                                   none garb  oper  allA  rOnly rw    inact owner oOwn  membr other del   inUsr
  const table: Row[] = [
    ['GET /health', () => ['GET', '/health'], [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200]],
    ['GET /setup', () => ['GET', '/api/v2/setup'], [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200]],
    ['GET /me', () => ['GET', '/api/v2/me'], [401, 401, 200, 200, 401, 401, 401, 200, 200, 200, 200, 403, 403]],
    ['GET /resources', () => ['GET', '/api/v2/resources'], [401, 401, 200, 200, 200, 200, 200, 200, 200, 200, 200, 403, 403]],
    ['GET /orgs', () => ['GET', '/api/v2/orgs'], [401, 401, [200, 2], [200, 1], [200, 0], [200, 0], [200, 0], [200, 2], [200, 1], [200, 1], [200, 0], 403, 403]],
    ['GET /orgs/{A}', (s) => ['GET', `/api/v2/orgs/${s.orgID}`], [401, 401, 200, 200, 401, 401, 401, 200, 401, 200, 401, 403, 403]],
    ['GET /orgs/{B}', () => ['GET', `/api/v2/orgs/${ctx.orgB}`], [401, 401, 200, 401, 401, 401, 401, 200, 200, 401, 401, 403, 403]],
    ['GET /buckets', () => ['GET', '/api/v2/buckets'], [401, 401, [200, 6], [200, 3], [200, 1], [200, 1], [200, 0], [200, 6], [200, 3], [200, 3], [200, 0], 403, 403]],
    ['GET /buckets?orgID={A}', (s) => ['GET', `/api/v2/buckets?orgID=${s.orgID}`], [401, 401, [200, 3], [200, 3], [200, 1], [200, 1], [200, 0], [200, 3], [200, 0], [200, 3], [200, 0], 403, 403]],
    ['GET /buckets?orgID={B}', () => ['GET', `/api/v2/buckets?orgID=${ctx.orgB}`], [401, 401, [200, 3], [200, 0], [200, 0], [200, 0], [200, 0], [200, 3], [200, 3], [200, 0], [200, 0], 403, 403]],
    ['GET /buckets/{A bucket}', (s) => ['GET', `/api/v2/buckets/${s.bucketID}`], [401, 401, 200, 200, 200, 200, 401, 200, 401, 200, 401, 403, 403]],
    ['GET /buckets/{B bucket}', () => ['GET', `/api/v2/buckets/${ctx.bucketB}`], [401, 401, 200, 401, 401, 401, 401, 200, 200, 401, 401, 403, 403]],
    // 7 listed: the setup user's 6 tokens and dora's; carol's (deleted) and eve's (inactive) are dropped.
    ['GET /authorizations', () => ['GET', '/api/v2/authorizations'], [401, 401, [200, 7], [200, 6], [200, 0], [200, 0], [200, 0], [200, 7], [200, 1], [200, 0], [200, 0], 403, 403]],
    ['GET /authorizations/{operator}', () => ['GET', `/api/v2/authorizations/${ctx.operatorAuthID}`], [401, 401, 200, 200, 401, 401, 401, 200, 401, 401, 401, 403, 403]],
    ['GET /authorizations/{dora}', () => ['GET', `/api/v2/authorizations/${ctx.doraToken}`], [401, 401, 200, 401, 401, 401, 401, 200, 200, 401, 401, 403, 403]],
    ['GET /users', () => ['GET', '/api/v2/users'], [401, 401, [200, 5], [200, 1], [200, 0], [200, 0], [200, 0], [200, 5], [200, 1], [200, 1], [200, 1], 403, 403]],
    ['GET /users/{owner}', (s) => ['GET', `/api/v2/users/${s.userID}`], [401, 401, 200, 200, 401, 401, 401, 200, 401, 401, 401, 403, 403]],
    // Everything below writes; each row makes its own targets.
    ['POST /write {A bucket}', (s) => writeLine(s.orgID, s.bucketID), [401, 401, 204, 204, 403, 204, 403, 204, 403, 403, 403, 403, 403]],
    ['POST /write {B bucket}', () => writeLine(ctx.orgB, ctx.bucketB), [401, 401, 204, 403, 403, 403, 403, 204, 204, 403, 403, 403, 403]],
    ['POST /buckets {A}', (s) => ['POST', '/api/v2/buckets', { orgID: s.orgID, name: `b-${next()}` }], [401, 401, 201, 201, 401, 401, 401, 201, 401, 401, 401, 403, 403]],
    ['POST /buckets {B}', () => ['POST', '/api/v2/buckets', { orgID: ctx.orgB, name: `b-${next()}` }], [401, 401, 201, 401, 401, 401, 401, 201, 201, 401, 401, 403, 403]],
    ['POST /authorizations {A}', (s) => ['POST', '/api/v2/authorizations', { orgID: s.orgID, permissions: [readBucket(s.orgID, s.bucketID)] }], [401, 401, 201, 201, 401, 401, 401, 201, 401, 401, 401, 403, 403]],
    ['POST /authorizations {B}', () => ['POST', '/api/v2/authorizations', { orgID: ctx.orgB, permissions: [readBucket(ctx.orgB, ctx.bucketB)] }], [401, 401, 201, 401, 401, 401, 401, 201, 201, 401, 401, 403, 403]],
    // Cross-org (issue 12.1): an `id` of one org under the `orgID` of another. Creators that hold
    // the permission by org-wide rights get 400; only instance-wide holders may name any user or org.
    ['POST /authorizations {A, B bucket as A}', (s) => ['POST', '/api/v2/authorizations', { orgID: s.orgID, permissions: [readBucket(s.orgID, ctx.bucketB), writeBucket(s.orgID, ctx.bucketB)] }], [401, 401, 400, 400, 401, 401, 401, 400, 401, 401, 401, 403, 403]],
    ['POST /authorizations {B, A bucket as B}', (s) => ['POST', '/api/v2/authorizations', { orgID: ctx.orgB, permissions: [readBucket(ctx.orgB, s.bucketID)] }], [401, 401, 400, 401, 401, 401, 401, 400, 400, 401, 401, 403, 403]],
    ['POST /authorizations {A, B token as A}', (s) => ['POST', '/api/v2/authorizations', { orgID: s.orgID, permissions: [{ action: 'write', resource: { type: 'authorizations', id: ctx.doraToken, orgID: s.orgID } }] }], [401, 401, 400, 400, 401, 401, 401, 400, 401, 401, 401, 403, 403]],
    ['POST /authorizations {B, owner user as B}', (s) => ['POST', '/api/v2/authorizations', { orgID: ctx.orgB, permissions: [{ action: 'write', resource: { type: 'users', id: s.userID, orgID: ctx.orgB } }] }], [401, 401, 201, 401, 401, 401, 401, 201, 400, 401, 401, 403, 403]],
    ['POST /authorizations {A, org B as A}', (s) => ['POST', '/api/v2/authorizations', { orgID: s.orgID, permissions: [{ action: 'read', resource: { type: 'orgs', id: ctx.orgB, orgID: s.orgID } }] }], [401, 401, 201, 403, 401, 401, 401, 201, 401, 401, 401, 403, 403]],
    ['POST /authorizations {B, org A as B}', (s) => ['POST', '/api/v2/authorizations', { orgID: ctx.orgB, permissions: [{ action: 'read', resource: { type: 'orgs', id: s.orgID, orgID: ctx.orgB } }] }], [401, 401, 201, 401, 401, 401, 401, 201, 403, 401, 401, 403, 403]],
    ['PATCH /authorizations/{owner token}', () => ['PATCH', `/api/v2/authorizations/${ctx.patchTarget}`, {}], [401, 401, 200, 200, 401, 401, 401, 200, 401, 401, 401, 403, 403]],
    ['PATCH /authorizations/{dora token}', () => ['PATCH', `/api/v2/authorizations/${ctx.doraToken}`, {}], [401, 401, 200, 401, 401, 401, 401, 200, 200, 401, 401, 403, 403]],
    ['DELETE /authorizations/{owner token}', async (s) => ['DELETE', `/api/v2/authorizations/${await freshToken(s.orgID, s.bucketID)}`], [401, 401, 204, 204, 401, 401, 401, 204, 401, 401, 401, 403, 403]],
    ['DELETE /buckets/{A bucket}', async (s) => ['DELETE', `/api/v2/buckets/${await freshBucket(s.orgID)}`], [401, 401, 204, 204, 401, 401, 401, 204, 401, 401, 401, 403, 403]],
    ['DELETE /buckets/{B bucket}', async () => ['DELETE', `/api/v2/buckets/${await freshBucket(ctx.orgB)}`], [401, 401, 204, 401, 401, 401, 401, 204, 204, 401, 401, 403, 403]],
    ['POST /orgs', () => ['POST', '/api/v2/orgs', { name: `org-${next()}` }], [401, 401, 201, 401, 401, 401, 401, 201, 401, 401, 401, 403, 403]],
    ['POST /users', () => ['POST', '/api/v2/users', { name: `user-${next()}` }], [401, 401, 201, 401, 401, 401, 401, 201, 401, 401, 401, 403, 403]],
    ['PATCH /users/{owner}', (s) => ['PATCH', `/api/v2/users/${s.userID}`, {}], [401, 401, 200, 200, 401, 401, 401, 200, 401, 401, 401, 403, 403]],
    ['POST /users/{other}/password', async () => ['POST', `/api/v2/users/${await freshUser()}/password`, { password: 'a-new-password' }], [401, 401, 204, 401, 401, 401, 401, 204, 401, 401, 401, 403, 403]],
    ['DELETE /users/{other}', async () => ['DELETE', `/api/v2/users/${await freshUser()}`], [401, 401, 204, 401, 401, 401, 401, 204, 401, 401, 401, 403, 403]],
  ]

  it.each(table)('%s', async (_name, request, expected) => {
    const got: (number | [number, number])[] = []
    for (const name of who) {
      const [method, path, body] = await request(s, name)
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
    expect((await call(app, 'GET', '/api/v2/me', { as: creds.inactiveUser })).body).toEqual({ code: 'forbidden', message: 'User is inactive' })
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

  describe('escalation attempts', () => {
    const post = (as: Credential, body: unknown) => call(server.app, 'POST', '/api/v2/authorizations', { as, body })
    const users = async () => (await call(server.app, 'GET', '/api/v2/users', { as: s.operator })).body.users as { id: string; name: string }[]
    const idOf = async (name: string) => (await users()).find((u) => u.name === name)!.id

    it('cannot create a token broader than the creator holds (403), whatever the kind of creator', async () => {
      const orgA = s.orgID
      const attempts: [string, Credential, unknown][] = [
        ['all-access → global bucket read', creds.allAccess!, { orgID: orgA, permissions: [{ action: 'read', resource: { type: 'buckets' } }] }],
        ['all-access → write on its own org', creds.allAccess!, { orgID: orgA, permissions: [{ action: 'write', resource: { type: 'orgs', id: orgA } }] }],
        ['all-access → operator token', creds.allAccess!, { orgID: orgA, permissions: operatorPermissions() }],
        ['all-access → org B bucket by id only', creds.allAccess!, { orgID: orgA, permissions: [{ action: 'read', resource: { type: 'buckets', id: ctx.bucketB } }] }],
        ['org owner → global users', creds.orgOwner!, { orgID: ctx.orgB, permissions: [{ action: 'write', resource: { type: 'users' } }] }],
        ['org owner → org A bucket by id only', creds.orgOwner!, { orgID: ctx.orgB, permissions: [{ action: 'read', resource: { type: 'buckets', id: s.bucketID } }] }],
        ['org owner → instance', creds.orgOwner!, { orgID: ctx.orgB, permissions: [{ action: 'read', resource: { type: 'instance' } }] }],
        ['operator → instance', s.operator, { orgID: orgA, permissions: [{ action: 'write', resource: { type: 'instance' } }] }],
      ]
      for (const [name, as, body] of attempts) {
        const res = await post(as, body)
        expect([name, res.status, res.body.code]).toEqual([name, 403, 'forbidden'])
      }
      // The instance owner holds `instance`, but tokens may never carry it (InfluxDB: 500; here 400).
      const instance = await post(s.owner, { orgID: orgA, permissions: [{ action: 'read', resource: { type: 'instance' } }] })
      expect(instance.body).toEqual({ code: 'invalid', message: 'authorizations cannot be created with the instance type, it is only used during setup' })
    })

    it('cannot create a token for another user or in another org (401), nor any token with read-only rights', async () => {
      const mia = await idOf('mia')
      const attempts: [string, Credential, unknown, string][] = [
        ['org owner for another user', creds.orgOwner!, { orgID: ctx.orgB, userID: mia, permissions: [readBucket(ctx.orgB, ctx.bucketB)] }, `write:users/${mia} is unauthorized`],
        ['all-access for another user', creds.allAccess!, { orgID: s.orgID, userID: mia, permissions: [readBucket(s.orgID, s.bucketID)] }, `write:users/${mia} is unauthorized`],
        ['org owner in another org', creds.orgOwner!, { orgID: s.orgID, permissions: [readBucket(s.orgID, s.bucketID)] }, `write:orgs/${s.orgID}/authorizations is unauthorized`],
        ['org A token in org B', creds.allAccess!, { orgID: ctx.orgB, permissions: [readBucket(ctx.orgB, ctx.bucketB)] }, `write:orgs/${ctx.orgB}/authorizations is unauthorized`],
        ['member', creds.member!, { orgID: s.orgID, permissions: [readBucket(s.orgID, s.bucketID)] }, `write:orgs/${s.orgID}/authorizations is unauthorized`],
        ['read/write token', creds.readWrite!, { orgID: s.orgID, permissions: [readBucket(s.orgID, s.bucketID)] }, `write:orgs/${s.orgID}/authorizations is unauthorized`],
      ]
      for (const [name, as, body, message] of attempts) {
        const res = await post(as, body)
        expect([name, res.status, res.body.message]).toEqual([name, 401, message])
      }
    })

    it("cannot read, patch or delete another user's token, and lists never show it", async () => {
      const mine = ctx.patchTarget
      const attempts: [Credential, string][] = [[creds.orgOwner!, mine], [creds.member!, mine], [creds.otherUser!, mine], [creds.allAccess!, ctx.doraToken]]
      for (const [as, id] of attempts) {
        for (const [method, body] of [['GET'], ['PATCH', { status: 'inactive', description: 'taken' }], ['DELETE']] as const) {
          const res = await call(server.app, method, `/api/v2/authorizations/${id}`, { as, body })
          expect([method, id, res.status]).toEqual([method, id, 401])
        }
        const listed = (await call(server.app, 'GET', '/api/v2/authorizations', { as })).body.authorizations as { id: string }[]
        expect(listed.map((a) => a.id)).not.toContain(id)
      }
      const target = await call(server.app, 'GET', `/api/v2/authorizations/${mine}`, { as: s.operator })
      expect(target.body).toMatchObject({ status: 'active', description: '' })
    })

    it('cannot widen a token through PATCH: permissions, user, org and token value are not writable', async () => {
      const { id, token } = await createToken(server, s.owner, { orgID: s.orgID, permissions: [readBucket(s.orgID, s.bucketID)] })
      const before = (await call(server.app, 'GET', `/api/v2/authorizations/${id}`, { as: s.operator })).body
      const res = await call(server.app, 'PATCH', `/api/v2/authorizations/${id}`, {
        as: s.owner,
        body: { permissions: operatorPermissions(), userID: await idOf('dora'), orgID: ctx.orgB, token: 'chosen', id: ctx.doraToken },
      })
      expect(res.status).toBe(200)
      expect(res.body).toMatchObject({ id, permissions: before.permissions, userID: s.userID, orgID: s.orgID, token: '' })
      const write = await call(server.app, 'POST', `/api/v2/write?orgID=${s.orgID}&bucket=${s.bucketID}`, { as: { token }, raw: 'm v=1', headers: { 'content-type': 'text/plain' } })
      expect(write.status).toBe(403)
      expect((await call(server.app, 'GET', '/api/v2/me', { as: { token: 'chosen' } })).status).toBe(401)
    })

    it("does not revive a deleted user's tokens when the name is taken again", async () => {
      await call(server.app, 'POST', '/api/v2/users', { as: s.operator, body: { name: 'carol' } })
      expect((await call(server.app, 'GET', '/api/v2/me', { as: creds.deletedUser })).body.message).toBe('User is inactive')
    })

    it("stops an inactive user's tokens (403) and hides them from lists until the user is active again (issue #2)", async () => {
      const frank = await user('frank')
      const { id, token } = await createToken(server, s.operator, { orgID: s.orgID, userID: frank, permissions: [readBucket(s.orgID, s.bucketID)] })
      const listed = async () => ((await call(server.app, 'GET', '/api/v2/authorizations', { as: s.operator })).body.authorizations as { id: string }[]).map((a) => a.id)
      const setStatus = (status: string) => call(server.app, 'PATCH', `/api/v2/users/${frank}`, { as: s.operator, body: { status } })
      expect(await listed()).toContain(id)
      await setStatus('inactive')
      expect((await call(server.app, 'GET', `/api/v2/buckets/${s.bucketID}`, { as: { token } })).body).toEqual({ code: 'forbidden', message: 'User is inactive' })
      expect(await listed()).not.toContain(id)
      expect((await call(server.app, 'GET', `/api/v2/authorizations?userID=${frank}`, { as: s.operator })).body.authorizations).toEqual([])
      await setStatus('active')
      expect((await call(server.app, 'GET', `/api/v2/buckets/${s.bucketID}`, { as: { token } })).status).toBe(200)
      expect(await listed()).toContain(id)
    })

    it('grants exactly the bucket access it shows, for any mix of bucket permissions (fast-check)', async () => {
      const buckets = [
        { id: s.bucketID, orgID: s.orgID },
        { id: ctx.bucketB, orgID: ctx.orgB },
      ]
      // Permissions an org A token may carry: on org A, by bucket ID only, or global;
      // org B's bucket by ID only is refused.
      const candidate = fc.record({
        action: fc.constantFrom('read', 'write'),
        resource: fc.oneof(
          fc.constant({ type: 'buckets', orgID: s.orgID }),
          fc.constant({ type: 'buckets', orgID: s.orgID, id: s.bucketID }),
          fc.constantFrom(...buckets.map((b) => ({ type: 'buckets', id: b.id }))),
          fc.constant({ type: 'buckets' }),
        ),
      })
      // Permission matching (docs/influxdb-behaviour.md), written out independently of the server's PermissionSet.
      type Held = { action: string; resource: { type: string; id?: string; orgID?: string } }
      const allows = (held: Held[], action: string, bucket: { id: string; orgID: string }) =>
        held.some(({ action: a, resource: r }) => a === action && ((!r.id && !r.orgID) || (!r.id && r.orgID === bucket.orgID) || r.id === bucket.id))
      await fc.assert(
        fc.asyncProperty(fc.array(candidate, { minLength: 1, maxLength: 4 }), async (permissions) => {
          const created = await post(s.operator, { orgID: s.orgID, permissions })
          // A bucket named by id must be one of the token's org, even for the operator (issue 12.1).
          if (permissions.some((p) => 'id' in p.resource && p.resource.id === ctx.bucketB)) {
            expect(created.status).toBe(400)
            return
          }
          expect(created.status).toBe(201)
          expect(created.body.permissions.map((p: Held) => ({ action: p.action, resource: { type: p.resource.type, id: p.resource.id, orgID: p.resource.orgID } }))).toEqual(
            permissions.map((p) => ({ action: p.action, resource: { type: 'buckets', id: 'id' in p.resource ? p.resource.id : undefined, orgID: 'orgID' in p.resource ? p.resource.orgID : undefined } })),
          )
          const as = { token: created.body.token as string }
          for (const bucket of buckets) {
            const read = await call(server.app, 'GET', `/api/v2/buckets/${bucket.id}`, { as })
            expect([bucket.id, 'read', read.status]).toEqual([bucket.id, 'read', allows(permissions, 'read', bucket) ? 200 : 401])
            const write = await call(server.app, 'POST', `/api/v2/write?orgID=${bucket.orgID}&bucket=${bucket.id}`, { as, raw: 'm v=1', headers: { 'content-type': 'text/plain' } })
            expect([bucket.id, 'write', write.status]).toEqual([bucket.id, 'write', allows(permissions, 'write', bucket) ? 204 : 403])
          }
          await call(server.app, 'DELETE', `/api/v2/authorizations/${created.body.id}`, { as: s.operator })
        }),
        { numRuns: 40 },
      )
    })
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
    // The body the UI sends: names are included and ignored by the server.
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
    expect(bad.body).toEqual({ code: 'invalid', message: 'unknown authorization status' })
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
