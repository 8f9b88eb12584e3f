import { Agent, type IncomingHttpHeaders, createServer } from 'node:http'
import { type AddressInfo, type Socket, connect, createServer as createNetServer } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../app.ts'
import { listen } from '../listen.ts'
import { type SetUp, type TestServer, setUp, startTestServer } from './helpers.ts'
import { httpRequest } from './http-client.ts'

type Listening = Awaited<ReturnType<typeof listen>>

const MiB = 1024 * 1024
const chunks = (count: number, size: number) => Array.from({ length: count }, () => Buffer.alloc(size, 'a'))

describe('HTTP lifecycle: responses sent before the body was read', () => {
  let server: TestServer
  let s: SetUp
  let direct: Listening
  let proxied: Listening
  let closeProxy: () => void

  beforeAll(async () => {
    server = startTestServer()
    s = await setUp(server.app)
    direct = await listen(server.app, { port: 0, host: '127.0.0.1' })
    const proxy = buildApp({ influxUrl: direct.url })
    closeProxy = proxy.close
    proxied = await listen(proxy.app, { port: 0, host: '127.0.0.1' })
  })
  afterAll(async () => {
    await proxied.close()
    closeProxy()
    await direct.close()
    server.close()
  })

  const early = (): { path: string; headers: Record<string, string>; body: Buffer[]; status: number }[] => [
    // 401: not signed in, the body is never looked at.
    { path: '/api/v2/orgs', headers: { 'content-type': 'application/json' }, body: chunks(8, 64 * 1024), status: 401 },
    // 415: the wrong content type, refused before reading.
    { path: '/api/v2/orgs', headers: { authorization: `Token ${s.operator.token}`, 'content-type': 'text/plain' }, body: chunks(8, 64 * 1024), status: 415 },
    // 413: over the 1 MiB JSON limit, refused part way through.
    { path: '/api/v2/orgs', headers: { authorization: `Token ${s.operator.token}`, 'content-type': 'application/json' }, body: chunks(40, 64 * 1024), status: 413 },
    // 413 from the declared length alone.
    { path: '/api/v2/orgs', headers: { authorization: `Token ${s.operator.token}`, 'content-type': 'application/json', 'content-length': String(2 * MiB) }, body: [Buffer.alloc(2 * MiB, 'a')], status: 413 },
  ]

  for (const mode of ['embedded', 'proxy'] as const) {
    it(`${mode}: closes the connection cleanly, so a keep-alive client's next request succeeds`, async () => {
      const base = mode === 'embedded' ? direct.url : proxied.url
      for (const request of early()) {
        for (let i = 0; i < 5; i++) {
          const agent = new Agent({ keepAlive: true, maxSockets: 1 })
          const res = await httpRequest(`${base}${request.path}`, { method: 'POST', headers: request.headers, body: request.body, agent })
          expect(res.status, request.path).toBe(request.status)
          // Through the proxy the body may be read whole (into the upstream request) before the answer.
          if (mode === 'embedded') expect(res.headers.connection).toBe('close')
          const next = await httpRequest(`${base}/api/v2/me`, { headers: { authorization: `Token ${s.operator.token}` }, agent })
          expect(next.status).toBe(200)
          agent.destroy()
        }
      }
    })
  }

  it('proxy: an unrelated client is never answered 502 after early responses', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 })
    const other = new Agent({ keepAlive: true, maxSockets: 1 })
    for (let i = 0; i < 10; i++) {
      const [first] = early()
      await httpRequest(`${proxied.url}${first!.path}`, { method: 'POST', headers: first!.headers, body: first!.body, agent })
      const res = await httpRequest(`${proxied.url}/api/v2/me`, { headers: { authorization: `Token ${s.operator.token}` }, agent: other })
      expect(res.status).toBe(200)
    }
    agent.destroy()
    other.destroy()
  })
})

describe('HTTP lifecycle through the proxy', () => {
  let server: TestServer
  let s: SetUp
  let direct: Listening
  let proxied: Listening
  let closeProxy: () => void

  beforeAll(async () => {
    server = startTestServer()
    s = await setUp(server.app)
    direct = await listen(server.app, { port: 0, host: '127.0.0.1' })
    const proxy = buildApp({ influxUrl: direct.url })
    closeProxy = proxy.close
    proxied = await listen(proxy.app, { port: 0, host: '127.0.0.1' })
  })
  afterAll(async () => {
    await proxied.close()
    closeProxy()
    await direct.close()
    server.close()
  })

  it('writes a 1.5 MiB upload sent with Expect: 100-continue, as curl sends it', async () => {
    const lines = Array.from({ length: 120_000 }, (_, i) => `m,i=${i} v=1`).join('\n')
    expect(lines.length).toBeGreaterThan(1.5 * MiB)
    const res = await httpRequest(`${proxied.url}/api/v2/write?org=acme&bucket=telemetry`, {
      method: 'POST',
      headers: { authorization: `Token ${s.operator.token}`, 'content-type': 'text/plain', expect: '100-continue' },
      body: lines,
    })
    expect(res.status).toBe(204)
  })
})

describe('the proxy and its upstream connections', () => {
  it('does not forward the headers the client names in Connection', async () => {
    let seen: IncomingHttpHeaders = {}
    const upstream = createServer((req, res) => {
      seen = req.headers
      res.writeHead(200, { connection: 'x-upstream-private', 'x-upstream-private': '1', 'content-type': 'text/plain' }).end('ok')
    })
    await new Promise<void>((done) => upstream.listen(0, '127.0.0.1', done))
    const proxy = buildApp({ influxUrl: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}` })
    const proxied = await listen(proxy.app, { port: 0, host: '127.0.0.1' })
    const res = await httpRequest(`${proxied.url}/api/v2/me`, { headers: { connection: 'keep-alive, x-private', 'x-private': 'secret', 'x-public': 'yes' } })
    expect(res.status).toBe(200)
    expect(seen['x-private']).toBeUndefined()
    expect(seen['x-public']).toBe('yes')
    expect(res.headers['x-upstream-private']).toBeUndefined()
    await proxied.close()
    proxy.close()
    upstream.close()
  })

  it('sends an idempotent request once more when the upstream drops the connection, and never a POST', async () => {
    let requests = 0
    // The first request of every pair is dropped without an answer, as by an upstream closing an idle connection.
    const upstream = createNetServer((socket) => {
      socket.once('data', () => {
        requests++
        if (requests % 2 === 1) socket.destroy()
        else socket.end('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}')
      })
    })
    await new Promise<void>((done) => upstream.listen(0, '127.0.0.1', done))
    const proxy = buildApp({ influxUrl: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}` })
    const proxied = await listen(proxy.app, { port: 0, host: '127.0.0.1' })
    const get = await httpRequest(`${proxied.url}/api/v2/me`)
    expect(get.status).toBe(200)
    expect(requests).toBe(2)
    const del = await httpRequest(`${proxied.url}/api/v2/authorizations/0000000000000001`, { method: 'DELETE' })
    expect(del.status).toBe(200)
    expect(requests).toBe(4)
    const post = await httpRequest(`${proxied.url}/api/v2/orgs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":"x"}' })
    expect(post.status).toBe(502)
    expect(requests).toBe(5)
    await proxied.close()
    proxy.close()
    upstream.close()
  })
})

describe('slow and numerous clients', () => {
  let listening: Listening
  let server: TestServer
  beforeAll(async () => {
    server = startTestServer()
    listening = await listen(server.app, {
      port: 0,
      host: '127.0.0.1',
      limits: { headersTimeoutMs: 500, requestTimeoutMs: 1000, maxConnections: 3 },
    })
  })
  afterAll(async () => {
    await listening.close()
    server.close()
  })

  /** Opens a connection, sends `data`, and resolves with what came back and when the server closed it. */
  const hold = (data: string): Promise<{ answer: string; ms: number }> =>
    new Promise((resolve, reject) => {
      const started = performance.now()
      const socket = connect(listening.port, '127.0.0.1', () => socket.write(data))
      let answer = ''
      socket.on('data', (chunk: Buffer) => (answer += chunk.toString('utf8')))
      socket.on('close', () => resolve({ answer, ms: performance.now() - started }))
      socket.on('error', reject)
    })

  it('closes a connection whose headers are not done within the headers timeout', async () => {
    const { answer, ms } = await hold('GET /health HTTP/1.1\r\nHost: x\r\n')
    expect(answer).toMatch(/^HTTP\/1.1 408/)
    expect(ms).toBeLessThan(3000)
  })

  it('closes a connection whose body is not done within the request timeout', async () => {
    const { answer, ms } = await hold('POST /api/v2/setup HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"a"')
    expect(answer).toMatch(/408/)
    expect(ms).toBeLessThan(4000)
  })

  it('closes connections beyond the cap on arrival', async () => {
    const sockets = await Promise.all([0, 1, 2].map(() => new Promise<Socket>((done) => { const s = connect(listening.port, '127.0.0.1', () => done(s)) })))
    await new Promise((done) => setTimeout(done, 50))
    const { answer, ms } = await hold('GET /health HTTP/1.1\r\nHost: x\r\n\r\n')
    expect(answer).toBe('')
    expect(ms).toBeLessThan(1000)
    for (const socket of sockets) socket.destroy()
  })
})
