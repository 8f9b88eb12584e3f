import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../app.ts'
import { listen } from '../listen.ts'
import { SECRET_FILE, keyedTokenHash } from '../db/at-rest.ts'
import { hashToken } from '../ids.ts'
import { type Credential, basic, call, signin } from './helpers.ts'

const PASSWORD = 'hardening-password'

describe('HTTP hardening', () => {
  const log: string[] = []
  let app: ReturnType<typeof buildApp>['app']
  let close: () => void
  let dataDir: string
  let dist: string
  let operator: Credential
  let owner: Credential
  let orgID: string
  let bucketID: string
  let userID: string
  const secrets: string[] = [PASSWORD]

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'influx-tokens-hardening-'))
    dist = mkdtempSync(join(tmpdir(), 'influx-tokens-hardening-dist-'))
    mkdirSync(join(dist, 'assets'))
    writeFileSync(join(dist, 'index.html'), '<!doctype html><script type="module" src="/assets/app.js"></script>')
    writeFileSync(join(dist, 'assets', 'app.js'), 'export {}')
    ;({ app, close } = buildApp({ dataDir, staticDir: dist, log: (line) => log.push(line) }))
    const res = await call(app, 'POST', '/api/v2/setup', { body: { username: 'admin', password: PASSWORD, org: 'acme', bucket: 'telemetry' } })
    operator = { token: res.body.auth.token }
    orgID = res.body.org.id
    bucketID = res.body.bucket.id
    userID = res.body.user.id
    owner = await signin(app, 'admin', PASSWORD)
    secrets.push(res.body.auth.token, owner.cookie!.split('=').slice(1).join('='))
  })
  afterAll(() => {
    close()
    rmSync(dataDir, { recursive: true, force: true })
    rmSync(dist, { recursive: true, force: true })
  })

  it('sends the security headers on every kind of response: API, errors, preflight, static files, SPA routes', async () => {
    const requests: [string, string, Record<string, string>?][] = [
      ['GET', '/'], ['GET', '/assets/app.js'], ['GET', '/orgs/x/load-data/tokens', { accept: 'text/html' }], ['GET', '/missing.png'],
      ['GET', '/health'], ['HEAD', '/ping'], ['GET', '/api/v2/setup'], ['GET', '/api/v2/me'], ['GET', '/api/v2/nothing'],
      ['OPTIONS', '/api/v2/authorizations', { origin: 'http://elsewhere' }], ['POST', '/api/v2/signin', basic('admin', 'nope')],
      ['POST', '/api/v2/orgs', { 'content-type': 'text/plain' }], ['GET', '/api/v2/orgs?limit=0', { authorization: `Token ${operator.token}` }],
    ]
    for (const [method, path, headers] of requests) {
      const res = await app.request(path, { method, headers })
      const csp = res.headers.get('content-security-policy') ?? ''
      const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]))
      const where = `${method} ${path} ${res.status}`
      expect(directives.get('script-src'), where).toEqual(["'self'"])
      expect(directives.get('frame-ancestors'), where).toEqual(["'none'"])
      expect(directives.get('default-src'), where).toEqual(["'self'"])
      expect(csp, where).not.toMatch(/unsafe-eval|'unsafe-inline'[^;]*script|script[^;]*'unsafe-inline'/)
      expect(res.headers.get('x-content-type-options'), where).toBe('nosniff')
      expect(res.headers.get('referrer-policy'), where).toBe('no-referrer')
      expect(res.headers.get('x-influxdb-build'), where).toBe('OSS')
    }
  })

  it('refuses every JSON write endpoint without a JSON content type (415), changing nothing', async () => {
    const endpoints: [string, string][] = [
      ['POST', '/api/v2/setup'], ['POST', '/api/v2/orgs'], ['POST', '/api/v2/buckets'], ['POST', '/api/v2/users'],
      ['PATCH', `/api/v2/users/${userID}`],
      ['POST', '/api/v2/authorizations'],
    ]
    const { id: authID } = (await call(app, 'GET', '/api/v2/authorizations', { as: operator })).body.authorizations[0]
    endpoints.push(['PATCH', `/api/v2/authorizations/${authID}`])
    const body = JSON.stringify({ orgID, name: 'sneaky', description: 'sneaky', username: 'x', org: 'x', bucket: 'x', permissions: [{ action: 'read', resource: { type: 'buckets', orgID } }] })
    const before = (await call(app, 'GET', '/api/v2/authorizations', { as: operator })).text
    for (const [method, path] of endpoints) {
      for (const contentType of [undefined, 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
        const headers: Record<string, string> = { authorization: `Token ${operator.token}` }
        if (contentType) headers['content-type'] = contentType
        const res = await app.request(path, { method, headers, body: new TextEncoder().encode(body) })
        expect([method, path, contentType, res.status]).toEqual([method, path, contentType, 415])
      }
    }
    expect((await call(app, 'GET', '/api/v2/authorizations', { as: operator })).text).toBe(before)
    expect((await call(app, 'GET', '/api/v2/orgs', { as: operator })).body.orgs).toHaveLength(1)
  })

  it('over HTTP, reads bodies of a declared length or chunked, and refuses either past 1 MiB (413)', async () => {
    const server = await listen(app, { port: 0, host: '127.0.0.1' })
    try {
      const headers = { authorization: `Token ${operator.token}`, 'content-type': 'application/json' }
      const post = (body: BodyInit, extra: Record<string, string> = {}) =>
        fetch(`${server.url}/api/v2/orgs`, { method: 'POST', headers: { ...headers, ...extra }, body, duplex: 'half' } as RequestInit)
      const chunked = (text: string) => new Blob([text]).stream()
      const declared = await post(JSON.stringify({ name: 'declared length' }))
      expect(declared.status).toBe(201)
      const streamed = await post(chunked(JSON.stringify({ name: 'chunked' })))
      expect(streamed.status).toBe(201)
      const huge = JSON.stringify({ name: 'x'.repeat(1024 * 1024 + 10) })
      for (const body of [huge, chunked(huge)]) {
        const res = await post(body)
        expect(res.status).toBe(413)
        expect((await res.json()).code).toBe('request too large')
      }
      const orgs = (await call(app, 'GET', '/api/v2/orgs', { as: operator })).body.orgs.map((o: { name: string }) => o.name)
      expect(orgs).toEqual(expect.arrayContaining(['declared length', 'chunked']))
      expect(orgs.some((name: string) => name.startsWith('xxx'))).toBe(false)
    } finally {
      await server.close()
    }
  })

  it('never writes a token, password or session key to the log', async () => {
    const created = await call(app, 'POST', '/api/v2/authorizations', {
      as: owner,
      body: { orgID, description: 'logged?', permissions: [{ action: 'write', resource: { type: 'buckets', orgID, id: bucketID } }] },
    })
    secrets.push(created.body.token)
    const as = { token: created.body.token as string }
    // Credentials in every place a client might put them, including where they do not belong.
    await call(app, 'GET', `/api/v2/authorizations?token=${encodeURIComponent(created.body.token)}`, { as: owner })
    await call(app, 'GET', `/api/v2/authorizations/${encodeURIComponent(created.body.token)}`, { as: owner })
    await call(app, 'GET', `/orgs/${encodeURIComponent(created.body.token)}`, { headers: { accept: 'text/html' } })
    await call(app, 'POST', `/api/v2/write?org=acme&bucket=telemetry`, { as, raw: 'm v=1', headers: { 'content-type': 'text/plain' } })
    await call(app, 'POST', '/api/v2/signin', { headers: basic('admin', `${PASSWORD}-wrong`) })
    const user = (await call(app, 'POST', '/api/v2/users', { as: operator, body: { name: 'logged' } })).body.id
    await call(app, 'POST', `/api/v2/users/${user}/password`, { as: operator, body: { password: 'short' } })
    await call(app, 'POST', `/api/v2/users/${user}/password`, { as: operator, body: { password: `${PASSWORD}-new` } })
    await call(app, 'GET', '/api/v2/me', { headers: { authorization: `Token ${created.body.token}x` } })
    await call(app, 'POST', '/api/v2/signout', { as: owner })
    const text = log.join('\n')
    expect(log.length).toBeGreaterThan(10)
    // Routes are logged with their IDs, so the log stays useful.
    expect(text).toContain(`POST /api/v2/users/${user}/password 204`)
    for (const secret of [...secrets, `${PASSWORD}-new`, `${PASSWORD}-wrong`, encodeURIComponent(created.body.token)]) {
      expect(text.includes(secret), `log contains ${secret.slice(0, 12)}…`).toBe(false)
    }
  })

  it('stores tokens only as keyed hashes: no plaintext in the database, its WAL or its shared memory', async () => {
    const created = await call(app, 'POST', '/api/v2/authorizations', {
      as: operator,
      body: { orgID, description: 'at rest', permissions: [{ action: 'read', resource: { type: 'buckets', orgID } }] },
    })
    const token: string = created.body.token
    const files = readdirSync(dataDir).filter((name) => name !== SECRET_FILE).map((name) => readFileSync(join(dataDir, name)))
    expect(files.length).toBeGreaterThanOrEqual(2)
    const found = (needle: string) => files.some((bytes) => bytes.includes(Buffer.from(needle, 'utf8')))
    // The scan can see what is there: the keyed hash and the description are stored, the bare SHA-256 is not.
    expect(found(keyedTokenHash(readFileSync(join(dataDir, SECRET_FILE)), hashToken(token)))).toBe(true)
    expect(found(hashToken(token))).toBe(false)
    expect(found('at rest')).toBe(true)
    for (const secret of [token, operator.token!, PASSWORD, `${PASSWORD}-new`]) expect(found(secret), `plaintext ${secret.slice(0, 8)}… on disk`).toBe(false)
  })
})
