import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type SetUp, type TestServer, call, setUp, signin, startTestServer } from './helpers.ts'

// `influx user create -n <name> -p <password> -o <org>` creates the user, then adds it to the org
// with POST /api/v2/orgs/{orgID}/members, then sets its password.
describe('POST /api/v2/orgs/{orgID}/members', () => {
  let server: TestServer
  let cast: SetUp
  beforeAll(async () => {
    server = startTestServer()
    cast = await setUp(server.app)
  })
  afterAll(() => server.close())

  it('adds a user to the org as a member, as `influx user create -o` does', async () => {
    const { app } = server
    const created = await call(app, 'POST', '/api/v2/users', { as: cast.operator, body: { name: 'member' } })
    const id = created.body.id as string
    const added = await call(app, 'POST', `/api/v2/orgs/${cast.orgID}/members`, { as: cast.operator, body: { id } })
    expect(added.status).toBe(201)
    expect(added.body).toEqual({ role: 'member', links: { self: `/api/v2/users/${id}` }, id, name: 'member', status: 'active' })
    const password = await call(app, 'POST', `/api/v2/users/${id}/password`, { as: cast.operator, body: { password: 'member-password' } })
    expect(password.status).toBe(204)
    // A member reads its org's buckets.
    const member = await signin(app, 'member', 'member-password')
    const buckets = await call(app, 'GET', `/api/v2/buckets?orgID=${cast.orgID}`, { as: member })
    expect(buckets.body.buckets.map((b: { id: string }) => b.id)).toContain(cast.bucketID)
  })

  it('refuses a user who already belongs to the org, owner or member (422; InfluxDB answers 500)', async () => {
    const { app } = server
    const path = `/api/v2/orgs/${cast.orgID}/members`
    const owner = await call(app, 'POST', path, { as: cast.operator, body: { id: cast.userID } })
    expect([owner.status, owner.body]).toEqual([422, { code: 'conflict', message: `mapping for user ${cast.userID} already exists` }])
    // Still an owner: it can create buckets.
    const write = await call(app, 'POST', '/api/v2/buckets', { as: cast.owner, body: { orgID: cast.orgID, name: 'owner-still', retentionRules: [] } })
    expect(write.status).toBe(201)
  })

  it('answers bad input, unknown users and orgs, and callers without rights as InfluxDB does', async () => {
    const { app } = server
    const path = `/api/v2/orgs/${cast.orgID}/members`
    const missing = await call(app, 'POST', path, { as: cast.operator, body: {} })
    expect([missing.status, missing.body]).toEqual([400, { code: 'invalid', message: 'user id missing or invalid' }])
    const bad = await call(app, 'POST', path, { as: cast.operator, body: { id: 'bad' } })
    expect([bad.status, bad.body]).toEqual([400, { code: 'invalid', message: 'id must have a length of 16 bytes' }])
    const unknown = await call(app, 'POST', path, { as: cast.operator, body: { id: '0000000000000bad' } })
    expect([unknown.status, unknown.body]).toEqual([404, { code: 'not found', message: 'user not found' }])
    const noOrg = await call(app, 'POST', '/api/v2/orgs/0000000000000bad/members', { as: cast.operator, body: { id: cast.userID } })
    expect([noOrg.status, noOrg.body]).toEqual([404, { code: 'not found', message: '404 page not found' }])

    const token = async (permissions: unknown[]) =>
      ({ token: (await call(app, 'POST', '/api/v2/authorizations', { as: cast.operator, body: { orgID: cast.orgID, permissions } })).body.token as string })
    const bucketsOnly = await token([{ action: 'read', resource: { type: 'buckets', orgID: cast.orgID } }])
    const hidden = await call(app, 'POST', path, { as: bucketsOnly, body: { id: cast.userID } })
    expect([hidden.status, hidden.body]).toEqual([404, { code: 'not found', message: '404 page not found' }])
    const readOnly = await token([{ action: 'read', resource: { type: 'orgs', id: cast.orgID } }])
    const refused = await call(app, 'POST', path, { as: readOnly, body: { id: cast.userID } })
    expect([refused.status, refused.body]).toEqual([
      401,
      { code: 'unauthorized', message: `write:orgs/${cast.orgID}/orgs/${cast.orgID} is unauthorized` },
    ])
  })
})
