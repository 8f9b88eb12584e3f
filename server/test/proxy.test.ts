import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../app.ts'
import { listen } from '../listen.ts'
import { type SetUp, type TestServer, basic, call, setUp, startTestServer } from './helpers.ts'

describe('proxy mode', () => {
  let upstream: TestServer
  let running: Awaited<ReturnType<typeof listen>>
  let s: SetUp
  let proxy: ReturnType<typeof buildApp>

  beforeAll(async () => {
    upstream = startTestServer()
    s = await setUp(upstream.app)
    running = await listen(upstream.app, { port: 0, host: '127.0.0.1' })
    proxy = buildApp({ influxUrl: running.url })
  })
  afterAll(async () => {
    proxy.close()
    await running.close()
    upstream.close()
  })

  it('passes signin and its cookie through, then /me, token creation and listing', async () => {
    const { app } = proxy
    const signin = await call(app, 'POST', '/api/v2/signin', { headers: basic('admin', s.password) })
    expect(signin.status).toBe(204)
    const setCookie = signin.headers.get('set-cookie') ?? ''
    expect(setCookie).toMatch(/^influxdb-oss-session=[A-Za-z0-9_-]{86}==; Path=\/api\/; Expires=.+; HttpOnly; SameSite=Strict$/)
    const cookie = setCookie.split(';')[0]!
    const me = await call(app, 'GET', '/api/v2/me', { as: { cookie } })
    expect(me.status).toBe(200)
    expect(me.body.name).toBe('admin')
    const created = await call(app, 'POST', '/api/v2/authorizations', {
      as: { cookie },
      body: { orgID: s.orgID, description: 'via proxy', permissions: [{ action: 'read', resource: { type: 'buckets', orgID: s.orgID } }] },
    })
    expect(created.status).toBe(201)
    expect(created.body.token).toMatch(/==$/)
    const list = await call(app, 'GET', `/api/v2/authorizations?orgID=${s.orgID}`, { as: { cookie } })
    expect(list.body.authorizations.map((a: { description: string }) => a.description)).toContain('via proxy')
    const denied = await call(app, 'GET', '/api/v2/me')
    expect(denied.status).toBe(401)
    expect(denied.headers.get('x-platform-error-code')).toBe('unauthorized')
  })

  it('forwards /ping and /health with the upstream headers, and query strings', async () => {
    const ping = await call(proxy.app, 'GET', '/ping')
    expect(ping.status).toBe(204)
    expect(ping.headers.get('x-influxdb-build')).toBe('OSS')
    expect(ping.headers.get('x-influxdb-version')).toMatch(/^v2\./)
    expect((await call(proxy.app, 'HEAD', '/ping')).status).toBe(204)
    expect((await call(proxy.app, 'GET', '/health')).body.status).toBe('pass')
    const page = await call(proxy.app, 'GET', `/api/v2/buckets?orgID=${s.orgID}&limit=1`, { as: s.operator })
    expect(page.body.buckets).toHaveLength(1)
    const write = await call(proxy.app, 'POST', `/api/v2/write?org=acme&bucket=telemetry`, {
      as: s.operator,
      raw: 'm v=1',
      headers: { 'content-type': 'text/plain' },
    })
    expect(write.status).toBe(204)
  })

  it('answers 502 unavailable when the upstream is unreachable', async () => {
    const dead = await listen(startTestServer().app, { port: 0, host: '127.0.0.1' })
    await dead.close()
    const { app, close } = buildApp({ influxUrl: dead.url })
    const res = await call(app, 'GET', '/api/v2/me')
    close()
    expect(res.status).toBe(502)
    expect(res.body.code).toBe('unavailable')
    expect(res.body.message).toMatch(/upstream .* unreachable/)
  })
})
