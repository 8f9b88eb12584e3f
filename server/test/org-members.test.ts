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

  it('keeps an owner an owner', async () => {
    const { app } = server
    const again = await call(app, 'POST', `/api/v2/orgs/${cast.orgID}/members`, { as: cast.operator, body: { id: cast.userID } })
    expect(again.status).toBe(201)
    const write = await call(app, 'POST', '/api/v2/buckets', { as: cast.owner, body: { orgID: cast.orgID, name: 'owner-still', retentionRules: [] } })
    expect(write.status).toBe(201)
  })

  it('refuses a missing user, an unknown user or org, and a caller without write on the org (401, as InfluxDB answers)', async () => {
    const { app } = server
    const path = `/api/v2/orgs/${cast.orgID}/members`
    const missing = await call(app, 'POST', path, { as: cast.operator, body: {} })
    expect([missing.status, missing.body]).toEqual([400, { code: 'invalid', message: 'user id missing or invalid' }])
    const unknown = await call(app, 'POST', path, { as: cast.operator, body: { id: '0000000000000bad' } })
    expect([unknown.status, unknown.body.message]).toEqual([404, 'user not found'])
    const noOrg = await call(app, 'POST', '/api/v2/orgs/0000000000000bad/members', { as: cast.operator, body: { id: cast.userID } })
    expect([noOrg.status, noOrg.body.message]).toEqual([404, 'organization not found'])
    const member = await signin(app, 'member', 'member-password')
    const refused = await call(app, 'POST', path, { as: member, body: { id: cast.userID } })
    expect(refused.status).toBe(401)
  })
})
