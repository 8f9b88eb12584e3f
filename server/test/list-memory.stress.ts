import { mkdtempSync, rmSync } from 'node:fs'
import { Agent, request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { CACHE_BYTES } from '../services/authorization-responses.ts'
import { CHILD_ADMIN, httpRequest, residentMiB, startChildServer, tokenHeaders } from './child-server.ts'

const TOKENS = 200
const LISTS = 6
const MIB = 1024 * 1024

/** GET `url`, counting the body's bytes without keeping them (a list is 200 MB here). */
function drain(agent: Agent, url: string, headers: Record<string, string>): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    request(url, { agent, headers }, (res) => {
      let bytes = 0
      res.on('data', (chunk: Buffer) => (bytes += chunk.length))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes }))
      res.on('error', reject)
    })
      .on('error', reject)
      .end()
  })
}

it(`holds the server's memory down through two bursts of ${LISTS} concurrent lists of ${TOKENS} tokens with 1 MiB descriptions`, async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'influx-tokens-list-memory-'))
  const server = await startChildServer(dataDir)
  const agent = new Agent({ keepAlive: true, maxSockets: LISTS })
  try {
    const operator = tokenHeaders(CHILD_ADMIN.token)
    const found = await httpRequest(agent, `${server.url}/api/v2/buckets?name=${CHILD_ADMIN.bucket}`, { method: 'GET', headers: operator })
    const orgID = (JSON.parse(found.body) as { buckets: { orgID: string }[] }).buckets[0]!.orgID
    const permissions = [{ action: 'read', resource: { type: 'buckets', orgID } }]
    for (let i = 0; i < TOKENS; i++) {
      const description = `${i} ${'x'.repeat(MIB - 1024)}`
      const res = await httpRequest(agent, `${server.url}/api/v2/authorizations`, {
        method: 'POST',
        headers: tokenHeaders(CHILD_ADMIN.token, true),
        body: JSON.stringify({ orgID, description, permissions }),
      })
      expect(res.status).toBe(201)
    }
    await new Promise((resolve) => setTimeout(resolve, 2000))
    const before = await residentMiB(server.pid)

    let peak = before
    const sampler = setInterval(() => void residentMiB(server.pid).then((mib) => (peak = Math.max(peak, mib))), 100)
    const burst = async () => {
      const started = performance.now()
      const lists = await Promise.all(Array.from({ length: LISTS }, () => drain(agent, `${server.url}/api/v2/authorizations?orgID=${orgID}`, operator)))
      for (const list of lists) {
        expect(list.status).toBe(200)
        expect(list.bytes).toBeGreaterThan(TOKENS * MIB * 0.99)
      }
      const seconds = (performance.now() - started) / 1000
      await new Promise((resolve) => setTimeout(resolve, 20_000))
      return { seconds, bytes: lists[0]!.bytes, after: await residentMiB(server.pid) }
    }
    const first = await burst()
    const second = await burst()
    clearInterval(sampler)
    console.log(
      `list memory: ${LISTS} concurrent lists of ${(first.bytes / 1e6).toFixed(0)} MB in ${first.seconds.toFixed(1)} s, then again in ${second.seconds.toFixed(1)} s; ` +
        `server RSS ${before.toFixed(0)} MiB before, peak ${peak.toFixed(0)} MiB, ${first.after.toFixed(0)} MiB 20 s after the first burst, ${second.after.toFixed(0)} MiB after the second`,
    )
    // Each list holds a chunk or two; the cache fills to its budget at most. What stays above
    // that is memory the allocator keeps for reuse: a second burst must not add more to it than
    // the cache may come to hold in between (which entries it keeps differs from burst to burst).
    const budget = CACHE_BYTES / MIB
    expect(peak - before).toBeLessThan(400)
    expect(second.after - first.after).toBeLessThan(budget)
    expect(second.after - before).toBeLessThan(budget + 200)
  } finally {
    agent.destroy()
    await server.stop('SIGTERM')
    rmSync(dataDir, { recursive: true, force: true })
  }
}, 240_000)
