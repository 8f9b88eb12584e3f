import { type IncomingHttpHeaders, type Server, createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../app.ts'
import { listen } from '../listen.ts'
import { httpRequest } from './http-client.ts'

type Listening = Awaited<ReturnType<typeof listen>>

/** An upstream that records what it was sent and answers with a cookie set for its own domain. */
function recordingUpstream() {
  const seen: IncomingHttpHeaders[] = []
  const server = createServer((req, res) => {
    seen.push(req.headers)
    if (req.url === '/api/v2/slow') {
      setTimeout(() => res.writeHead(204).end(), 2500)
      return
    }
    res.writeHead(204, {
      'set-cookie': ['influxdb-oss-session=abc==; Path=/api/; Domain=influx.internal; Secure; HttpOnly; SameSite=Strict'],
    })
    res.end()
  })
  return { server, seen }
}

const portOf = (server: Server) => (server.address() as AddressInfo).port

describe('proxy hygiene', () => {
  const upstream = recordingUpstream()
  const log: string[] = []
  let plain: { close(): void; listening: Listening }
  let behindProxy: { close(): void; listening: Listening }

  beforeAll(async () => {
    await new Promise<void>((done) => upstream.server.listen(0, '127.0.0.1', done))
    const influxUrl = `http://127.0.0.1:${portOf(upstream.server)}`
    const a = buildApp({ influxUrl, influxTimeoutSeconds: 1, log: (line) => log.push(line) })
    plain = { close: a.close, listening: await listen(a.app, { port: 0, host: '127.0.0.1' }) }
    const b = buildApp({ influxUrl, trustedProxies: ['127.0.0.1'] })
    behindProxy = { close: b.close, listening: await listen(b.app, { port: 0, host: '127.0.0.1' }) }
  })
  afterAll(async () => {
    for (const p of [plain, behindProxy]) {
      await p.listening.close()
      p.close()
    }
    upstream.server.close()
  })

  const claims = {
    'x-forwarded-for': '6.6.6.6',
    'x-forwarded-host': 'evil.example',
    'x-forwarded-proto': 'https',
    cookie: 'tracking=1; influxdb-oss-session=abc==; other=x',
  }

  it('sets X-Forwarded-For/-Proto/-Host itself and forwards only the session cookie', async () => {
    const res = await httpRequest(`${plain.listening.url}/api/v2/me`, { headers: claims })
    expect(res.status).toBe(204)
    const seen = upstream.seen.at(-1)!
    expect(seen['x-forwarded-for']).toBe('127.0.0.1')
    expect(seen['x-forwarded-host']).toBe(new URL(plain.listening.url).host)
    expect(seen['x-forwarded-proto']).toBe('http')
    expect(seen.cookie).toBe('influxdb-oss-session=abc==')
  })

  it('passes a trusted proxy X-Forwarded-* on, adding the peer to X-Forwarded-For', async () => {
    await httpRequest(`${behindProxy.listening.url}/api/v2/me`, { headers: claims })
    const seen = upstream.seen.at(-1)!
    expect(seen['x-forwarded-for']).toBe('6.6.6.6, 127.0.0.1')
    expect(seen['x-forwarded-host']).toBe('evil.example')
    expect(seen['x-forwarded-proto']).toBe('https')
  })

  it("rewrites the upstream's Set-Cookie for this origin: no Domain, Secure only over HTTPS", async () => {
    const overHttp = await httpRequest(`${plain.listening.url}/api/v2/signin`, { method: 'POST' })
    expect(overHttp.headers['set-cookie']).toEqual(['influxdb-oss-session=abc==; Path=/api/; HttpOnly; SameSite=Strict'])
    const overHttps = await httpRequest(`${behindProxy.listening.url}/api/v2/signin`, { method: 'POST', headers: { 'x-forwarded-proto': 'https' } })
    expect(overHttps.headers['set-cookie']).toEqual(['influxdb-oss-session=abc==; Path=/api/; Secure; HttpOnly; SameSite=Strict'])
  })

  it('answers 504 when the upstream does not answer in time, without naming it, and logs why', async () => {
    const started = performance.now()
    const res = await httpRequest(`${plain.listening.url}/api/v2/slow`)
    expect(res.status).toBe(504)
    expect(performance.now() - started).toBeLessThan(2000)
    expect(JSON.parse(res.body)).toEqual({ code: 'unavailable', message: 'the upstream InfluxDB did not answer in time' })
    expect(res.body).not.toContain('127.0.0.1')
    expect(log.find((line) => line.startsWith('upstream '))).toMatch(/^upstream GET \/api\/v2\/slow at http:\/\/127\.0\.0\.1:\d+ failed: no answer within 1000 ms$/)
  })

  it('answers 502 without naming the upstream, /health 503 fail, and logs the cause of each failure', async () => {
    const dead = createServer()
    await new Promise<void>((done) => dead.listen(0, '127.0.0.1', done))
    const url = `http://127.0.0.1:${portOf(dead)}`
    dead.close()
    const lines: string[] = []
    const { app, close } = buildApp({ influxUrl: url, log: (line) => lines.push(line) })
    const listening = await listen(app, { port: 0, host: '127.0.0.1' })
    const api = await httpRequest(`${listening.url}/api/v2/authorizations/${'A'.repeat(86)}==`)
    expect(api.status).toBe(502)
    expect(JSON.parse(api.body)).toEqual({ code: 'unavailable', message: 'the upstream InfluxDB is unreachable' })
    const health = await httpRequest(`${listening.url}/health`)
    expect(health.status).toBe(503)
    expect(JSON.parse(health.body)).toMatchObject({ name: 'influxdb', status: 'fail' })
    for (const body of [api.body, health.body]) expect(body).not.toContain(url)
    const failures = lines.filter((line) => line.includes(' failed: '))
    expect(failures).toHaveLength(2)
    for (const line of failures) expect(line).toMatch(/ECONNREFUSED/)
    // A token pasted in place of an ID never reaches the log.
    expect(failures[0]).toContain('/api/v2/authorizations/…')
    expect(lines.join('\n')).not.toContain('AAAA')
    await listening.close()
    close()
  })
})
