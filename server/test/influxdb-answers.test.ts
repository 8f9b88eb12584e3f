import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type SetUp, type TestServer, call, setUp, startTestServer } from './helpers.ts'

// Answers that the conformance suite against a real influxd (npm run test:oracle) found different,
// now as InfluxDB gives them; each case here runs without the real server.
describe('answers as a real InfluxDB 2.7 gives them', () => {
  let server: TestServer
  let s: SetUp
  beforeEach(async () => {
    server = startTestServer()
    s = await setUp(server.app)
  })
  afterEach(() => server.close())

  it('words the password length rule as InfluxDB does, for too short and too long alike', async () => {
    for (const password of ['short', 'x'.repeat(73)]) {
      const res = await call(server.app, 'POST', `/api/v2/users/${s.userID}/password`, { as: s.operator, body: { password } })
      expect(res.status).toBe(400)
      expect(res.body).toEqual({ code: 'invalid', message: 'passwords must be between 8 and 72 characters long' })
    }
  })

  it('says which paging parameter holds a malformed ID', async () => {
    for (const path of ['/api/v2/orgs', '/api/v2/buckets', '/api/v2/users']) {
      const res = await call(server.app, 'GET', `${path}?after=nope`, { as: s.operator })
      expect(res.body).toEqual({ code: 'invalid', message: 'decoding after: id must have a length of 16 bytes' })
    }
  })

  it('checks read rights on a token before write rights when it is updated', async () => {
    const path = `/api/v2/authorizations?orgID=${s.orgID}`
    const tokens = (await call(server.app, 'GET', path, { as: s.operator })).body.authorizations
    const bucketToken = await call(server.app, 'POST', '/api/v2/authorizations', {
      as: s.operator,
      body: { orgID: s.orgID, permissions: [{ action: 'read', resource: { type: 'buckets', id: s.bucketID, orgID: s.orgID } }] },
    })
    const res = await call(server.app, 'PATCH', `/api/v2/authorizations/${tokens[0].id}`, {
      as: { token: bucketToken.body.token },
      body: { description: 'x' },
    })
    expect(res.status).toBe(401)
    expect(res.body.message).toBe(`read:orgs/${s.orgID}/authorizations/${tokens[0].id} is unauthorized`)
  })

  it('refuses an unknown token status without a Go function name in the message', async () => {
    const [token] = (await call(server.app, 'GET', '/api/v2/authorizations', { as: s.operator })).body.authorizations
    const res = await call(server.app, 'PATCH', `/api/v2/authorizations/${token.id}`, { as: s.operator, body: { status: 'paused' } })
    expect(res.body).toEqual({ code: 'invalid', message: 'unknown authorization status' })
  })

  it('answers a bucket without orgID with 400, and a negative retention in InfluxDB words', async () => {
    const noOrg = await call(server.app, 'POST', '/api/v2/buckets', { as: s.operator, body: { name: 'x' } })
    expect(noOrg.status).toBe(400)
    expect(noOrg.body).toEqual({ code: 'invalid', message: 'organization id must be provided' })
    const negative = await call(server.app, 'POST', '/api/v2/buckets', {
      as: s.operator,
      body: { orgID: s.orgID, name: 'neg', retentionRules: [{ type: 'expire', everySeconds: -5 }] },
    })
    expect(negative.status).toBe(422)
    expect(negative.body.message).toBe('expiration seconds cannot be negative')
  })

  it('names the missing bucket of a write, and accepts an empty write with 204', async () => {
    const write = (bucket: string, body: string) =>
      call(server.app, 'POST', `/api/v2/write?org=acme&bucket=${bucket}`, {
        as: s.operator,
        raw: body,
        headers: { 'content-type': 'text/plain' },
      })
    expect((await write('nothing', 'm v=1')).body).toEqual({ code: 'not found', message: 'bucket "nothing" not found' })
    const empty = await write('telemetry', '')
    expect(empty.status).toBe(204)
    expect(empty.text).toBe('')
  })

  it('asks for credentials before saying an API path does not exist', async () => {
    const anonymous = await call(server.app, 'GET', '/api/v2/nothing-here')
    expect(anonymous.status).toBe(401)
    expect(anonymous.body).toEqual({ code: 'unauthorized', message: 'unauthorized access' })
    const signedIn = await call(server.app, 'GET', '/api/v2/nothing-here', { as: s.operator })
    expect(signedIn.status).toBe(404)
    expect(signedIn.body).toEqual({ code: 'not found', message: 'path not found' })
    expect((await call(server.app, 'GET', '/api/v2/setup')).status).toBe(200)
  })
})
