import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../app.ts'
import { openStore } from '../db/store.ts'
import { listen } from '../listen.ts'
import { type SetUp, type TestServer, setUp, startTestServer } from './helpers.ts'
import { type HttpAnswer, httpRequest } from './http-client.ts'

type Listening = Awaited<ReturnType<typeof listen>>

describe('cross-origin requests with the session cookie', () => {
  let server: TestServer
  let s: SetUp
  let direct: Listening
  let proxied: Listening
  let closeProxy: () => void

  beforeAll(async () => {
    // It believes the X-Forwarded-Host of the proxy below, which runs on the same address.
    server = startTestServer({ trustedProxies: ['127.0.0.1'] })
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

  const points = () => {
    const store = openStore(server.dataDir)
    try {
      return store.points.count(s.bucketID)
    } finally {
      store.db.close()
    }
  }

  // What a form on another origin sends: text/plain, the cookie, and the browser's own headers.
  const formWrite = (base: string, headers: Record<string, string>): Promise<HttpAnswer> =>
    httpRequest(`${base}/api/v2/write?org=acme&bucket=telemetry`, {
      method: 'POST',
      headers: { cookie: s.owner.cookie!, 'content-type': 'text/plain', ...headers },
      body: 'm v=1\n',
    })

  for (const mode of ['embedded', 'proxy'] as const) {
    it(`${mode}: refuses a write and a sign-out from another origin of the same site, with 403 forbidden`, async () => {
      const base = mode === 'embedded' ? direct.url : proxied.url
      const otherPort = `http://127.0.0.1:${new URL(base).port === '1' ? 2 : 1}`
      const before = points()
      const crossOrigin: Record<string, string>[] = [
        { origin: otherPort },
        { origin: 'null' },
        { origin: 'http://evil.example' },
        { 'sec-fetch-site': 'same-site' },
        { 'sec-fetch-site': 'cross-site' },
      ]
      for (const headers of crossOrigin) {
        const res = await formWrite(base, headers)
        expect(res.status, JSON.stringify(headers)).toBe(403)
        expect(JSON.parse(res.body)).toEqual({ code: 'forbidden', message: expect.stringMatching(/cross-origin/) })
      }
      const signout = await httpRequest(`${base}/api/v2/signout`, {
        method: 'POST',
        headers: { cookie: s.owner.cookie!, origin: otherPort, 'content-type': 'text/plain' },
      })
      expect(signout.status).toBe(403)
      expect(points()).toBe(before)
      const me = await httpRequest(`${base}/api/v2/me`, { headers: { cookie: s.owner.cookie! } })
      expect(me.status).toBe(200)
    })

    it(`${mode}: accepts the same request from this origin, from a browser-less client, and with a token`, async () => {
      const base = mode === 'embedded' ? direct.url : proxied.url
      const before = points()
      const sameOrigin: Record<string, string>[] = [{ origin: base }, { 'sec-fetch-site': 'same-origin' }]
      for (const headers of [...sameOrigin, {}]) expect((await formWrite(base, headers)).status, JSON.stringify(headers)).toBe(204)
      const withToken = await formWrite(base, { origin: 'http://evil.example', authorization: `Token ${s.operator.token}` })
      expect(withToken.status).toBe(204)
      expect(points()).toBe(before + sameOrigin.length + 2)
    })
  }
})
