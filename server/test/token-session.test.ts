import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Hono } from 'hono'
import { buildApp } from '../app.ts'
import { listen } from '../listen.ts'
import { listedPermissions } from '../routes/token-session.ts'
import { type SetUp, type TestServer, basic, call, setUp, startTestServer } from './helpers.ts'

const PATH = '/api/tokens-app/token-session'

interface Tokens {
  s: SetUp
  /** A token of a second user, "auditor", that can read the org's tokens but not create any. */
  readOnly: string
}

async function plantTokens(app: Hono): Promise<Tokens> {
  const s = await setUp(app)
  const auditor = await call(app, 'POST', '/api/v2/users', { as: s.operator, body: { name: 'auditor' } })
  expect(auditor.status).toBe(201)
  const created = await call(app, 'POST', '/api/v2/authorizations', {
    as: s.operator,
    body: {
      orgID: s.orgID,
      userID: auditor.body.id,
      description: 'audit',
      permissions: [
        { action: 'read', resource: { type: 'orgs' } },
        { action: 'read', resource: { type: 'users' } },
        { action: 'read', resource: { type: 'authorizations', orgID: s.orgID } },
        { action: 'read', resource: { type: 'buckets', orgID: s.orgID } },
      ],
    },
  })
  expect(created.status).toBe(201)
  return { s, readOnly: created.body.token }
}

async function signInWithToken(app: Hono, token: string) {
  const res = await call(app, 'POST', PATH, { body: { token } })
  const cookie = res.headers.get('set-cookie')?.split(';')[0]
  return { res, cookie }
}

const canCreate = (permissions: { action: string; resource: { type: string } }[]) =>
  permissions.some((p) => p.action === 'write' && p.resource.type === 'authorizations')

/** Runs the same sign-in checks against an app in either mode. */
function tokenSignInCases(mode: string, target: () => { app: Hono; tokens: Tokens; logged: string[] }) {
  describe(`token sign-in, ${mode}`, () => {
    it('signs in with an operator token: the cookie stands for the token on /api, with everything allowed', async () => {
      const { app, tokens, logged } = target()
      const operator = tokens.s.operator.token!
      const { res, cookie } = await signInWithToken(app, operator)
      expect(res.status).toBe(201)
      expect(res.headers.get('set-cookie')).toMatch(/^influx-tokens-token-session=[A-Za-z0-9_-]{86}==; Path=\/; HttpOnly; SameSite=Strict$/)
      expect(res.body.user.name).toBe('admin')
      expect(canCreate(res.body.permissions)).toBe(true)
      const me = await call(app, 'GET', '/api/v2/me', { as: { cookie } })
      expect(me.status).toBe(200)
      expect(me.body.name).toBe('admin')
      const made = await call(app, 'POST', '/api/v2/authorizations', {
        as: { cookie },
        body: { orgID: tokens.s.orgID, description: 'made in a token session', permissions: [{ action: 'read', resource: { type: 'buckets', orgID: tokens.s.orgID } }] },
      })
      expect(made.status).toBe(201)
      const session = await call(app, 'GET', PATH, { as: { cookie } })
      expect(session.status).toBe(200)
      for (const answer of [res, me, made, session]) {
        expect(answer.text).not.toContain(operator)
        answer.headers.forEach((value) => expect(value).not.toContain(operator))
      }
      expect(logged.join('\n')).not.toContain(operator)
    })

    it('signs in with a read-only token: it lists tokens, and creating one is refused and known to be', async () => {
      const { app, tokens } = target()
      const { res, cookie } = await signInWithToken(app, tokens.readOnly)
      expect(res.status).toBe(201)
      expect(res.body.user.name).toBe('auditor')
      expect(canCreate(res.body.permissions)).toBe(false)
      const list = await call(app, 'GET', `/api/v2/authorizations?orgID=${tokens.s.orgID}`, { as: { cookie } })
      expect(list.status).toBe(200)
      expect(list.body.authorizations.length).toBeGreaterThan(0)
      const refused = await call(app, 'POST', '/api/v2/authorizations', {
        as: { cookie },
        body: { orgID: tokens.s.orgID, permissions: [{ action: 'read', resource: { type: 'buckets', orgID: tokens.s.orgID } }] },
      })
      expect(refused.status).toBe(401)
      expect(refused.body.message).toMatch(/^write:orgs\/[0-9a-f]{16}\/authorizations is unauthorized$/)
    })

    it('refuses an unknown token with 401 and sets no cookie', async () => {
      const { app } = target()
      const { res, cookie } = await signInWithToken(app, 'not-a-token-of-this-server')
      expect(res.status).toBe(401)
      expect(res.body.code).toBe('unauthorized')
      expect(cookie).toBeUndefined()
      expect((await call(app, 'POST', PATH, { body: { token: '' } })).status).toBe(400)
      expect((await call(app, 'POST', PATH, { raw: 'token=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } })).status).toBe(415)
    })

    it('forgets the token on Sign Out and expires the cookie', async () => {
      const { app, tokens } = target()
      const { cookie } = await signInWithToken(app, tokens.readOnly)
      const out = await call(app, 'POST', '/api/v2/signout', { as: { cookie } })
      expect(out.status).toBe(204)
      expect(out.headers.get('set-cookie')).toMatch(/^influx-tokens-token-session=; Path=\/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Strict$/)
      expect((await call(app, 'GET', '/api/v2/me', { as: { cookie } })).status).toBe(401)
      expect((await call(app, 'GET', PATH, { as: { cookie } })).status).toBe(404)
      expect((await call(app, 'POST', '/api/v2/signout', { as: { cookie } })).status).toBe(401)
    })

    it('lets a password sign-in through a live token session, and replaces the token session with it', async () => {
      const { app, tokens } = target()
      const { cookie } = await signInWithToken(app, tokens.readOnly)
      const signin = await call(app, 'POST', '/api/v2/signin', { as: { cookie }, headers: basic('admin', tokens.s.password) })
      expect(signin.status).toBe(204)
      const cookies = signin.headers.getSetCookie()
      expect(cookies.some((c) => c.startsWith('influx-tokens-token-session=; Path=/; Expires=Thu, 01 Jan 1970'))).toBe(true)
      const password = cookies.find((c) => c.startsWith('influxdb-oss-session='))!.split(';')[0]!
      expect((await call(app, 'GET', PATH, { as: { cookie } })).status).toBe(404)
      expect((await call(app, 'GET', '/api/v2/me', { as: { cookie: `${cookie}; ${password}` } })).body.name).toBe('admin')
    })

    it('refuses a cross-origin unsafe request that only the token-session cookie authenticates', async () => {
      const { app, tokens } = target()
      const { cookie } = await signInWithToken(app, tokens.s.operator.token!)
      const body = { orgID: tokens.s.orgID, permissions: [{ action: 'read', resource: { type: 'buckets', orgID: tokens.s.orgID } }] }
      const foreign = await call(app, 'POST', '/api/v2/authorizations', { as: { cookie }, body, headers: { origin: 'http://evil.example' } })
      expect(foreign.status).toBe(403)
      expect(foreign.body.message).toMatch(/cross-origin/)
      const own = await call(app, 'POST', '/api/v2/authorizations', { as: { cookie }, body, headers: { origin: 'http://localhost' } })
      expect(own.status).toBe(201)
      const operator = tokens.s.operator.token!
      const planted = await call(app, 'POST', PATH, { body: { token: operator }, headers: { origin: 'http://evil.example' } })
      expect(planted.status).toBe(403)
      expect(planted.headers.get('set-cookie')).toBeNull()
    })
  })
}

let clock = Date.parse('2026-01-01T00:00:00Z')
const now = () => clock
const logged: string[] = []

describe('embedded and proxy mode', () => {
  let embedded: TestServer
  let embeddedTokens: Tokens
  let upstream: TestServer
  let running: Awaited<ReturnType<typeof listen>>
  let upstreamTokens: Tokens
  let proxy: ReturnType<typeof buildApp>

  beforeAll(async () => {
    embedded = startTestServer({ now, log: (line) => logged.push(line) })
    embeddedTokens = await plantTokens(embedded.app)
    upstream = startTestServer({ log: (line) => logged.push(line) })
    upstreamTokens = await plantTokens(upstream.app)
    running = await listen(upstream.app, { port: 0, host: '127.0.0.1' })
    proxy = buildApp({ influxUrl: running.url, now, log: (line) => logged.push(line) })
  })
  afterAll(async () => {
    proxy.close()
    await running.close()
    upstream.close()
    embedded.close()
  })

  tokenSignInCases('embedded mode', () => ({ app: embedded.app, tokens: embeddedTokens, logged }))
  tokenSignInCases('proxy mode', () => ({ app: proxy.app, tokens: upstreamTokens, logged }))

  it('forgets a token session after 60 minutes without use, and not before', async () => {
    const { cookie } = await signInWithToken(embedded.app, embeddedTokens.readOnly)
    clock += 59 * 60_000
    expect((await call(embedded.app, 'GET', '/api/v2/me', { as: { cookie } })).status).toBe(200)
    clock += 59 * 60_000
    expect((await call(embedded.app, 'GET', '/api/v2/me', { as: { cookie } })).status).toBe(200)
    clock += 60 * 60_000
    expect((await call(embedded.app, 'GET', '/api/v2/me', { as: { cookie } })).status).toBe(401)
    expect((await call(embedded.app, 'GET', PATH, { as: { cookie } })).status).toBe(404)
  })

  it('lets a token the client sends itself win over the session cookie', async () => {
    const { cookie } = await signInWithToken(embedded.app, embeddedTokens.readOnly)
    const me = await call(embedded.app, 'GET', '/api/v2/me', { as: { cookie, token: embeddedTokens.s.operator.token } })
    expect(me.body.name).toBe('admin')
  })
})

describe('what a token may do, in proxy mode', () => {
  const ME = '0123456789abcdef'
  const read = { action: 'read', resource: { type: 'authorizations', orgID: 'fedcba9876543210' } }
  const write = { action: 'write', resource: { type: 'authorizations', orgID: 'fedcba9876543210' } }
  const answering = (status: number, body: unknown) => async () => new Response(JSON.stringify(body), { status })

  it("is the token's own permissions when the upstream still returns token values", async () => {
    const lookup = listedPermissions(answering(200, { authorizations: [{ token: 'other', permissions: [write] }, { token: 'mine', permissions: [read] }] }))
    expect(await lookup('mine', ME)).toEqual({ permissions: [read], exact: true })
  })

  it("is bounded by all the user's tokens when values are hashed", async () => {
    const lookup = listedPermissions(answering(200, { authorizations: [{ token: '', permissions: [read] }, { token: '', permissions: [read, write] }] }))
    expect(await lookup('mine', ME)).toEqual({ permissions: [read, write], exact: false })
  })

  it('is unknown when the list is refused or empty', async () => {
    expect(await listedPermissions(answering(401, { code: 'unauthorized', message: 'unauthorized access' }))('mine', ME)).toEqual({ permissions: null, exact: false })
    expect(await listedPermissions(answering(200, { authorizations: [] }))('mine', ME)).toEqual({ permissions: null, exact: false })
  })
})
