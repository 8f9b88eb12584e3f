import { Agent } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../app.ts'
import { listen } from '../listen.ts'
import { type SetUp, type TestServer, basic, setUp, startTestServer } from './helpers.ts'
import { httpRequest } from './http-client.ts'

type Listening = Awaited<ReturnType<typeof listen>>

describe('sign-in throttle under concurrent guesses and behind proxies', () => {
  let server: TestServer
  let s: SetUp
  let direct: Listening
  let trusting: { app: ReturnType<typeof buildApp>; listening: Listening }

  beforeAll(async () => {
    server = startTestServer()
    s = await setUp(server.app)
    direct = await listen(server.app, { port: 0, host: '127.0.0.1' })
    // The same data, served by an app that trusts the proxy at 127.0.0.9.
    const app = buildApp({ dataDir: server.dataDir, trustedProxies: ['127.0.0.9'] })
    trusting = { app, listening: await listen(app.app, { port: 0, host: '127.0.0.1' }) }
  })
  afterAll(async () => {
    await trusting.listening.close()
    trusting.app.close()
    await direct.close()
    server.close()
  })

  it('checks at most 5 of 200 concurrent guesses, and refuses the right one among them while locked', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 50 })
    const guesses = Array.from({ length: 200 }, (_, i) => (i === 100 ? s.password : `wrong-${i}`))
    const answers = await Promise.all(
      guesses.map((password) =>
        httpRequest(`${direct.url}/api/v2/signin`, { method: 'POST', headers: basic('admin', password), agent, localAddress: '127.0.0.5' }),
      ),
    )
    agent.destroy()
    const statuses = answers.map((a) => a.status)
    const count = (status: number) => statuses.filter((st) => st === status).length
    expect(count(401)).toBeLessThanOrEqual(5)
    expect(count(204)).toBe(0)
    expect(count(429)).toBeGreaterThanOrEqual(195)
    expect(statuses[100]).toBe(429)
    for (const a of answers.filter((a) => a.status === 429)) expect(Number(a.headers['retry-after'])).toBeGreaterThanOrEqual(1)
  })

  it('keys by the X-Forwarded-For client only behind a trusted proxy; anyone else cannot choose their key', async () => {
    const signinVia = (localAddress: string, forwardedFor: string, password: string) =>
      httpRequest(`${trusting.listening.url}/api/v2/signin`, {
        method: 'POST',
        headers: { ...basic('admin', password), 'x-forwarded-for': forwardedFor },
        localAddress,
      })
    // An attacker behind the trusted proxy locks out only themselves.
    for (let i = 0; i < 5; i++) expect((await signinVia('127.0.0.9', '203.0.113.7', 'wrong-password')).status).toBe(401)
    expect((await signinVia('127.0.0.9', '203.0.113.7', s.password)).status).toBe(429)
    expect((await signinVia('127.0.0.9', '198.51.100.1', s.password)).status).toBe(204)
    // A client prepending its own X-Forwarded-For does not escape: only the proxy's entry counts.
    expect((await signinVia('127.0.0.9', '198.51.100.1, 203.0.113.7', s.password)).status).toBe(429)
    // A peer that is not a trusted proxy is keyed by its own address, whatever it claims.
    for (let i = 0; i < 5; i++) expect((await signinVia('127.0.0.10', `192.0.2.${i}`, 'wrong-password')).status).toBe(401)
    expect((await signinVia('127.0.0.10', '192.0.2.99', s.password)).status).toBe(429)
  })
})
