import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type SetUp, type TestServer, call, setUp, startTestServer } from './helpers.ts'

// InfluxDB decodes these fields into int64: a fraction or a number like 1e308 fails to decode (400).
describe('bucket retention numbers', () => {
  let server: TestServer
  let s: SetUp
  beforeAll(async () => {
    server = startTestServer()
    s = await setUp(server.app)
  })
  afterAll(() => server.close())

  const create = (rule: Record<string, unknown>) =>
    call(server.app, 'POST', '/api/v2/buckets', { as: s.operator, body: { orgID: s.orgID, name: `b${Math.random()}`, retentionRules: [{ type: 'expire', ...rule }] } })

  it.each([
    [{ everySeconds: 1e308 }, 'retentionRules[0].everySeconds', '1e+308'],
    [{ everySeconds: 3600.5 }, 'retentionRules[0].everySeconds', '3600.5'],
    [{ everySeconds: 2 ** 63 }, 'retentionRules[0].everySeconds', '9223372036854776000'],
    [{ everySeconds: 3600, shardGroupDurationSeconds: 1e308 }, 'retentionRules[0].shardGroupDurationSeconds', '1e+308'],
    [{ everySeconds: 3600, shardGroupDurationSeconds: -0.5 }, 'retentionRules[0].shardGroupDurationSeconds', '-0.5'],
  ])('refuses %j with 400 and creates nothing', async (rule, path, shown) => {
    const before = (await call(server.app, 'GET', '/api/v2/buckets', { as: s.operator })).body.buckets.length
    const res = await create(rule)
    expect(res.status).toBe(400)
    expect(res.body).toEqual({
      code: 'invalid',
      message: `invalid json structure: ${path} must be an integer between -9007199254740991 and 9007199254740991, got ${shown}`,
    })
    expect((await call(server.app, 'GET', '/api/v2/buckets', { as: s.operator })).body.buckets).toHaveLength(before)
  })

  it('keeps accepting whole numbers and refusing negative ones with 422', async () => {
    const made = await create({ everySeconds: 7200, shardGroupDurationSeconds: 3600 })
    expect(made.status).toBe(201)
    expect(made.body.retentionRules).toEqual([{ type: 'expire', everySeconds: 7200, shardGroupDurationSeconds: 3600 }])
    expect((await create({ everySeconds: -3600 })).status).toBe(422)
  })

  it('refuses a setup retention of 1e308 with 400 and stays open for setup', async () => {
    const fresh = startTestServer()
    try {
      const res = await call(fresh.app, 'POST', '/api/v2/setup', { body: { username: 'a', password: 'password1', org: 'o', bucket: 'b', retentionPeriodSeconds: 1e308 } })
      expect(res.status).toBe(400)
      expect(res.body.message).toMatch(/^invalid json structure: retentionPeriodSeconds must be an integer/)
      expect((await call(fresh.app, 'GET', '/api/v2/setup')).body.allowed).toBe(true)
    } finally {
      fresh.close()
    }
  })
})
