import { mkdtempSync, rmSync } from 'node:fs'
import { Agent } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { CHILD_ADMIN, httpRequest, startChildServer, tokenHeaders } from './child-server.ts'
import { invalidLines, validLines } from './lines.ts'

const MIB = 1024 * 1024
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!
const p95 = (sorted: number[]) => percentile(sorted, 0.95)
const p99 = (sorted: number[]) => percentile(sorted, 0.99)

it('answers /health within 100 ms (p95, over an idle server) while three 24 MiB writes run, and an invalid 24 MiB body with a small error', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'influx-tokens-write-'))
  const server = await startChildServer(dataDir)
  const agent = new Agent({ keepAlive: true, maxSockets: 8 })
  try {
    const operator = tokenHeaders(CHILD_ADMIN.token)
    const found = await httpRequest(agent, `${server.url}/api/v2/buckets?name=${CHILD_ADMIN.bucket}`, { method: 'GET', headers: operator })
    const bucket = (JSON.parse(found.body) as { buckets: { id: string; orgID: string }[] }).buckets[0]!
    const permissions = [{ action: 'write', resource: { type: 'buckets', orgID: bucket.orgID, id: bucket.id } }]
    const tokens = [CHILD_ADMIN.token]
    for (let i = 0; i < 2; i++) {
      const res = await httpRequest(agent, `${server.url}/api/v2/authorizations`, {
        method: 'POST',
        headers: tokenHeaders(CHILD_ADMIN.token, true),
        body: JSON.stringify({ orgID: bucket.orgID, permissions }),
      })
      tokens.push((JSON.parse(res.body) as { token: string }).token)
    }
    const body = Buffer.from(validLines(24 * MIB - 256))
    const url = `${server.url}/api/v2/write?org=${CHILD_ADMIN.org}&bucket=${CHILD_ADMIN.bucket}`
    const post = (token: string, text: Buffer) =>
      httpRequest(agent, url, { method: 'POST', headers: { ...tokenHeaders(token), 'content-type': 'text/plain' }, body: text })

    const health = new Agent({ keepAlive: true, maxSockets: 1 })
    const checkHealth = async (while_: () => boolean) => {
      const latencies: number[] = []
      while (while_()) {
        const t0 = performance.now()
        const res = await httpRequest(health, `${server.url}/health`, { method: 'GET' })
        latencies.push(performance.now() - t0)
        expect(res.status).toBe(200)
        await new Promise((resolve) => setTimeout(resolve, 10))
      }
      return latencies.sort((a, b) => a - b)
    }
    // The same checks with nothing else to do: on a busy machine even an idle server is slow to answer.
    const baselineEnd = performance.now() + 5000
    const baseline = await checkHealth(() => performance.now() < baselineEnd)

    const started = performance.now()
    let writing = true
    const writes = Promise.all(tokens.map((token) => post(token, body))).finally(() => (writing = false))
    const sorted = await checkHealth(() => writing)
    health.destroy()
    const results = await writes
    const writeSeconds = (performance.now() - started) / 1000

    const invalidStarted = performance.now()
    const invalid = await post(CHILD_ADMIN.token, Buffer.from(invalidLines(24 * MIB)))
    const invalidSeconds = (performance.now() - invalidStarted) / 1000
    console.log(
      `write stress: idle server, health p95 ${p95(baseline).toFixed(1)} ms, p99 ${p99(baseline).toFixed(1)} ms, slowest ${baseline.at(-1)!.toFixed(1)} ms; ` +
        `three 24 MiB writes in ${writeSeconds.toFixed(1)} s; ${sorted.length} health checks meanwhile, ` +
        `p50 ${percentile(sorted, 0.5).toFixed(1)} ms, p95 ${p95(sorted).toFixed(1)} ms, p99 ${p99(sorted).toFixed(1)} ms, slowest ${sorted.at(-1)!.toFixed(1)} ms; ` +
        `an invalid 24 MiB body answered ${invalid.status} in ${invalidSeconds.toFixed(1)} s with ${invalid.body.length} bytes`,
    )
    expect(results.map((r) => r.status)).toEqual([204, 204, 204])
    expect(sorted.length).toBeGreaterThan(20)
    // The 95th percentile: on a shared machine the slowest percent or so measures the scheduler (the
    // server busy with the writes waits for a core behind other busy processes; its heap stays small).
    expect(p95(sorted) - p95(baseline)).toBeLessThan(100)
    expect(invalid.status).toBe(400)
    expect(invalid.body.length).toBeLessThan(16 * 1024)
  } finally {
    agent.destroy()
    await server.stop('SIGTERM')
    rmSync(dataDir, { recursive: true, force: true })
  }
}, 240_000)
