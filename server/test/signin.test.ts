import { type IncomingHttpHeaders, request } from 'node:http'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { SigninThrottle } from '../auth/throttle.ts'
import { listen } from '../listen.ts'
import { type SetUp, type TestServer, basic, call, setUp, signin, startTestServer } from './helpers.ts'

/** A real TCP sign-in from `localAddress` (any 127.x.y.z reaches the loopback listener on Linux). */
function signinFrom(url: string, localAddress: string, user: string, password: string): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/api/v2/signin`, { method: 'POST', localAddress, headers: basic(user, password) }, (res) => {
      let body = ''
      res.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN

describe('sign-in throttling per (user, address)', () => {
  let server: TestServer
  let s: SetUp
  let url: string
  let close: () => Promise<void>
  beforeAll(async () => {
    server = startTestServer()
    s = await setUp(server.app)
    await call(server.app, 'POST', '/api/v2/users', { as: s.operator, body: { name: 'bob' } })
    const bob = (await call(server.app, 'GET', '/api/v2/users?name=bob', { as: s.operator })).body.users[0].id
    await call(server.app, 'POST', `/api/v2/users/${bob}/password`, { as: s.operator, body: { password: 'bobs-password' } })
    const listening = await listen(server.app, { port: 0, host: '127.0.0.1' })
    url = listening.url
    close = listening.close
  })
  afterAll(async () => {
    await close()
    server.close()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('answers 429 with Retry-After after 5 failures, even to the right password, without locking out others', async () => {
    for (let i = 0; i < 5; i++) expect((await signinFrom(url, '127.0.0.1', 'admin', 'wrong-password')).status).toBe(401)
    const blocked = await signinFrom(url, '127.0.0.1', 'admin', s.password)
    expect(blocked.status).toBe(429)
    const retryAfter = Number(blocked.headers['retry-after'])
    expect(retryAfter).toBeGreaterThanOrEqual(1)
    expect(retryAfter).toBeLessThanOrEqual(60)
    expect(JSON.parse(blocked.body)).toEqual({
      code: 'too many requests',
      message: `too many failed sign-in attempts, try again in ${retryAfter} seconds`,
    })
    expect(blocked.headers['set-cookie']).toBeUndefined()
    // The same user from another address, and another user from the same address, are unaffected.
    expect((await signinFrom(url, '127.0.0.2', 'admin', s.password)).status).toBe(204)
    expect((await signinFrom(url, '127.0.0.1', 'bob', 'bobs-password')).status).toBe(204)
  })

  it('lets the user in again once the window has passed', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    for (let i = 0; i < 5; i++) await signinFrom(url, '127.0.0.3', 'admin', 'wrong-password')
    expect((await signinFrom(url, '127.0.0.3', 'admin', s.password)).status).toBe(429)
    vi.setSystemTime(Date.now() + 61_000)
    expect((await signinFrom(url, '127.0.0.3', 'admin', s.password)).status).toBe(204)
  })

  it('forgets earlier failures after a successful sign-in', async () => {
    for (let i = 0; i < 4; i++) await signinFrom(url, '127.0.0.4', 'admin', 'wrong-password')
    expect((await signinFrom(url, '127.0.0.4', 'admin', s.password)).status).toBe(204)
    for (let i = 0; i < 4; i++) expect((await signinFrom(url, '127.0.0.4', 'admin', 'wrong-password')).status).toBe(401)
    expect((await signinFrom(url, '127.0.0.4', 'admin', s.password)).status).toBe(204)
  })

  it('throttles unknown user names too, and keeps its memory bounded', () => {
    const throttle = new SigninThrottle(2, 60_000, 3)
    const now = 1_000_000
    for (const key of ['a', 'b', 'c', 'd']) {
      throttle.fail(key, now)
      throttle.fail(key, now)
    }
    expect(throttle.retryAfter('d', now)).toBe(60)
    expect(throttle.retryAfter('b', now + 30_000)).toBe(30)
    // 'a' failed least recently and was forgotten to stay within 3 keys.
    expect(throttle.retryAfter('a', now)).toBe(0)
    expect(throttle.retryAfter('d', now + 60_000)).toBe(0)
  })
})

describe('sign-in timing', () => {
  let server: TestServer
  beforeAll(async () => {
    server = startTestServer()
    const s = await setUp(server.app)
    await call(server.app, 'POST', '/api/v2/users', { as: s.operator, body: { name: 'nopassword' } })
  })
  afterAll(() => server.close())

  it('takes as long for an unknown user or a user without a password as for a wrong password', async () => {
    // Each attempt from its own address, so the throttle never answers instead of the password check.
    let address = 0
    const timed = async (user: string, password: string) => {
      const env = { incoming: { socket: { remoteAddress: `10.0.0.${++address}` } } }
      const started = performance.now()
      const res = await server.app.request('/api/v2/signin', { method: 'POST', headers: basic(user, password) }, env)
      expect(res.status).toBe(401)
      return performance.now() - started
    }
    const samples: Record<string, number[]> = { wrongPassword: [], unknownUser: [], noPassword: [] }
    for (let i = 0; i < 5; i++) {
      samples.wrongPassword!.push(await timed('admin', 'wrong-password'))
      samples.unknownUser!.push(await timed(`ghost-${i}`, 'wrong-password'))
      samples.noPassword!.push(await timed('nopassword', 'wrong-password'))
    }
    const reference = median(samples.wrongPassword!)
    // Without the dummy hash an unknown user answers far faster; scrypt noise stays well within 2×.
    for (const other of [median(samples.unknownUser!), median(samples.noPassword!)]) {
      expect(other / reference).toBeGreaterThan(0.5)
      expect(other / reference).toBeLessThan(2)
    }
  })
})

describe('sessions', () => {
  let server: TestServer
  let s: SetUp
  beforeAll(async () => {
    server = startTestServer()
    s = await setUp(server.app)
  })
  afterAll(() => server.close())
  afterEach(() => {
    vi.useRealTimers()
  })

  it('issues a new session key on every sign-in and never adopts one the client brings', async () => {
    const first = await signin(server.app, 'admin', s.password)
    const second = await signin(server.app, 'admin', s.password)
    expect(first.cookie).not.toBe(second.cookie)
    const fixed = 'influxdb-oss-session=attacker-chosen-key'
    const res = await call(server.app, 'POST', '/api/v2/signin', { headers: { ...basic('admin', s.password), cookie: fixed } })
    expect(res.headers.get('set-cookie')).not.toContain('attacker-chosen-key')
    expect((await call(server.app, 'GET', '/api/v2/me', { as: { cookie: fixed } })).status).toBe(401)
  })

  it('signs out on the server and expires the cookie in the browser', async () => {
    const session = await signin(server.app, 'admin', s.password)
    const out = await call(server.app, 'POST', '/api/v2/signout', { as: session })
    expect(out.status).toBe(204)
    expect(out.headers.get('set-cookie')).toBe('influxdb-oss-session=; Path=/api/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Strict')
    expect((await call(server.app, 'GET', '/api/v2/me', { as: session })).status).toBe(401)
  })

  it('expires a session after 60 minutes without use; each use extends it by at least 5 minutes', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const start = Date.now()
    const idle = await signin(server.app, 'admin', s.password)
    const used = await signin(server.app, 'admin', s.password)
    const me = (session: typeof idle) => call(server.app, 'GET', '/api/v2/me', { as: session }).then((r) => r.status)
    vi.setSystemTime(start + 59 * 60_000)
    expect(await me(used)).toBe(200)
    vi.setSystemTime(start + 60 * 60_000 + 1000)
    expect(await me(idle)).toBe(401)
    vi.setSystemTime(start + 63 * 60_000)
    expect(await me(used)).toBe(200)
    vi.setSystemTime(start + 68 * 60_000 + 1000)
    expect(await me(used)).toBe(401)
  })
})
