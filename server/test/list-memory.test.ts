import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { permission } from '../auth/permissions.ts'
import { type Store, openStore } from '../db/store.ts'
import { AuthorizationResponses } from '../services/authorization-responses.ts'
import { setup } from '../services/setup.ts'
import { insertAuthorization } from '../services/tenant.ts'

const KIB = 1024
let dataDir: string
let store: Store
let orgID: string

// 40 tokens with 100 KiB descriptions: a 4 MB list.
beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'influx-tokens-list-memory-'))
  store = openStore(dataDir)
  const { user, org } = await setup(store, { username: 'admin', org: 'acme', bucket: 'telemetry' })
  orgID = org.id
  store.db.transaction(() => {
    for (let i = 0; i < 40; i++) {
      const description = `${i} ${'d'.repeat(100 * KIB)}`
      insertAuthorization(store, { orgID, userID: user.id, permissions: [permission('read', 'buckets', { orgID })], description })
    }
  })
})

afterEach(() => {
  store.db.close()
  rmSync(dataDir, { recursive: true, force: true })
})

it('keeps the cached JSON under its byte budget, and still answers the whole list', () => {
  const responses = new AuthorizationResponses(store, 1024 * KIB)
  for (let round = 0; round < 2; round++) {
    const body = JSON.parse(Buffer.concat([...responses.listChunks({ orgID }, () => true)]).toString('utf8'))
    expect(body.authorizations).toHaveLength(41)
    expect(responses.cachedBytes).toBeGreaterThan(512 * KIB)
    expect(responses.cachedBytes).toBeLessThanOrEqual(1024 * KIB)
  }
})

it('builds a large list a chunk at a time, as the client reads it', async () => {
  const responses = new AuthorizationResponses(store)
  const reader = responses.listJson({ orgID }, () => true).getReader()
  const sizes: number[] = []
  for (let next = await reader.read(); !next.done; next = await reader.read()) sizes.push(next.value.length)
  expect(sizes.reduce((a, b) => a + b)).toBeGreaterThan(4000 * KIB)
  expect(sizes.length).toBeGreaterThanOrEqual(4)
  expect(Math.max(...sizes)).toBeLessThan(1200 * KIB)
})

it('leaves out a token deleted while its list is being sent', () => {
  const responses = new AuthorizationResponses(store)
  const chunks = responses.listChunks({ orgID }, () => true)
  const first = chunks.next().value!.toString('utf8')
  const last = store.authorizations.list({ orgID }).at(-1)!
  store.db.transaction(() => store.authorizations.delete(last.id))
  const text = first + [...chunks].map((c) => c.toString('utf8')).join('')
  const ids = (JSON.parse(text).authorizations as { id: string }[]).map((a) => a.id)
  expect(ids).toHaveLength(40)
  expect(ids).not.toContain(last.id)
})
