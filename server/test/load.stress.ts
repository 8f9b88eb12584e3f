import { mkdtempSync, rmSync } from 'node:fs'
import { Agent } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { CHILD_ADMIN, httpRequest, residentMiB, startChildServer, tokenHeaders } from './child-server.ts'

const SECONDS = 60
const CONNECTIONS = 32
// Each connection keeps at most this many tokens of its own, so the total stays bounded and
// a list costs the same at the end of the run as in the middle.
const POOL = 8
// A JavaScript heap that kept growing would hit this cap and crash the server (connection errors).
const HEAP_MIB = 96

type Op = 'list' | 'create' | 'patch' | 'delete'
interface Stored {
  description: string
  status: 'active' | 'inactive'
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN

it(`serves ${CONNECTIONS} connections of mixed list/create/patch/delete for ${SECONDS} s without a 5xx, an error or a lost token`, async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'influx-tokens-load-'))
  const server = await startChildServer(dataDir, [`--max-old-space-size=${HEAP_MIB}`])
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS })
  try {
    expect(new URL(server.url).hostname).toBe('127.0.0.1')
    const operator = tokenHeaders(CHILD_ADMIN.token)
    const json = tokenHeaders(CHILD_ADMIN.token, true)
    const found = await httpRequest(agent, `${server.url}/api/v2/buckets?name=${CHILD_ADMIN.bucket}`, { method: 'GET', headers: operator })
    const bucket = (JSON.parse(found.body) as { buckets: { id: string; orgID: string }[] }).buckets[0]!
    const orgID = bucket.orgID
    const permissions = [
      { action: 'read', resource: { type: 'buckets', orgID, id: bucket.id } },
      { action: 'write', resource: { type: 'buckets', orgID, id: bucket.id } },
    ]

    // What every connection believes exists: its own tokens, so the model needs no locking.
    const model = new Map<string, Stored>()
    const tokenValues = new Set<string>()
    let createdCount = 0
    const latencies: Record<Op, number[]> = { list: [], create: [], patch: [], delete: [] }
    const statusCounts = new Map<number, number>()
    const failures: string[] = []
    const memory: { at: number; mib: number }[] = []
    const started = Date.now()
    const deadline = started + SECONDS * 1000

    const timed = async (op: Op, method: string, path: string, body?: unknown) => {
      const t0 = performance.now()
      const res = await httpRequest(agent, server.url + path, {
        method,
        headers: body === undefined ? operator : json,
        body: body === undefined ? undefined : JSON.stringify(body),
      })
      latencies[op].push(performance.now() - t0)
      statusCounts.set(res.status, (statusCounts.get(res.status) ?? 0) + 1)
      return res
    }
    const expectStatus = (op: Op, status: number, res: { status: number; body: string }) => {
      if (res.status !== status && failures.length < 20) failures.push(`${op}: ${res.status} ${res.body.slice(0, 200)}`)
      return res.status === status
    }

    const connection = async (index: number) => {
      const mine: string[] = []
      for (let n = 0; Date.now() < deadline; n++) {
        const roll = Math.random()
        let op: Op = roll < 0.3 ? 'list' : roll < 0.55 ? 'create' : roll < 0.85 ? 'patch' : 'delete'
        if (op === 'create' && mine.length >= POOL) op = 'delete'
        if ((op === 'patch' || op === 'delete') && mine.length === 0) op = 'create'
        if (op === 'list') {
          const res = await timed(op, 'GET', `/api/v2/authorizations?orgID=${orgID}`)
          expectStatus(op, 200, res)
        } else if (op === 'create') {
          const description = `load c${index} #${n} ✓ ‮rtl‬ <b>`
          const res = await timed(op, 'POST', '/api/v2/authorizations', { orgID, description, permissions })
          if (expectStatus(op, 201, res)) {
            const body = JSON.parse(res.body) as { id: string; token: string }
            model.set(body.id, { description, status: 'active' })
            tokenValues.add(body.token)
            createdCount++
            mine.push(body.id)
          }
        } else if (op === 'patch') {
          const id = mine[Math.floor(Math.random() * mine.length)]!
          const next: Stored = { description: `renamed c${index} #${n}`, status: Math.random() < 0.5 ? 'active' : 'inactive' }
          const res = await timed(op, 'PATCH', `/api/v2/authorizations/${id}`, next)
          if (expectStatus(op, 200, res)) model.set(id, next)
        } else {
          const id = mine.splice(Math.floor(Math.random() * mine.length), 1)[0]!
          const res = await timed(op, 'DELETE', `/api/v2/authorizations/${id}`)
          if (expectStatus(op, 204, res)) model.delete(id)
        }
      }
    }
    const sampler = setInterval(() => {
      void residentMiB(server.pid).then((mib) => memory.push({ at: Date.now() - started, mib }))
    }, 2000)
    await Promise.all(Array.from({ length: CONNECTIONS }, (_, i) => connection(i)))
    clearInterval(sampler)
    const elapsed = (Date.now() - started) / 1000

    // The server's view must be exactly the model: nothing lost, nothing duplicated, nothing stale.
    const listed = await httpRequest(agent, `${server.url}/api/v2/authorizations?orgID=${orgID}`, { method: 'GET', headers: operator })
    const auths = (JSON.parse(listed.body) as { authorizations: { id: string; description: string; status: string }[] }).authorizations
    const onServer = new Map(auths.filter((a) => a.description !== `${CHILD_ADMIN.username}'s Token`).map((a) => [a.id, { description: a.description, status: a.status }]))
    const lost = [...model.keys()].filter((id) => !onServer.has(id))
    const unexpected = [...onServer.keys()].filter((id) => !model.has(id))
    const stale = [...model].filter(([id, want]) => onServer.has(id) && JSON.stringify(onServer.get(id)) !== JSON.stringify(want))

    const all = Object.values(latencies).flat().sort((a, b) => a - b)
    const total = all.length
    const fiveXX = [...statusCounts].filter(([status]) => status >= 500).reduce((n, [, count]) => n + count, 0)
    const connectionErrors = statusCounts.get(0) ?? 0
    // RSS saws up and down with garbage collection; a leak lifts the troughs above the old peaks.
    const settled = memory.filter((m) => m.at > 15_000).map((m) => m.mib)
    const third = Math.floor(settled.length / 3)
    const earlyPeak = Math.max(...settled.slice(0, third))
    const lateTrough = Math.min(...settled.slice(-third))
    const lines = [
      `load: ${total} requests in ${elapsed.toFixed(1)} s over ${CONNECTIONS} connections = ${(total / elapsed).toFixed(0)} req/s`,
      `load: p50 ${percentile(all, 0.5).toFixed(1)} ms, p99 ${percentile(all, 0.99).toFixed(1)} ms (all requests)`,
      ...Object.entries(latencies).map(([op, values]) => {
        const sorted = [...values].sort((a, b) => a - b)
        return `load:   ${op.padEnd(6)} ${String(sorted.length).padStart(7)} requests, p50 ${percentile(sorted, 0.5).toFixed(1)} ms, p99 ${percentile(sorted, 0.99).toFixed(1)} ms`
      }),
      `load: statuses ${JSON.stringify(Object.fromEntries(statusCounts))}, 5xx ${fiveXX}, connection errors ${connectionErrors}`,
      `load: ${createdCount} tokens created, ${model.size} left; lost ${lost.length}, unexpected ${unexpected.length}, stale ${stale.length}, duplicate token values ${createdCount - tokenValues.size}`,
      `load: server RSS every 2 s (MiB, heap capped at ${HEAP_MIB}): ${memory.map((m) => m.mib.toFixed(0)).join(' ')}; after warm-up, first-third peak ${earlyPeak.toFixed(0)}, last-third trough ${lateTrough.toFixed(0)}`,
    ]
    console.log(lines.join('\n'))

    expect(failures).toEqual([])
    expect({ fiveXX, connectionErrors }).toEqual({ fiveXX: 0, connectionErrors: 0 })
    expect({ lost, unexpected, stale }).toEqual({ lost: [], unexpected: [], stale: [] })
    expect(new Set(auths.map((a) => a.id)).size).toBe(auths.length)
    expect(tokenValues.size).toBe(createdCount)
    expect(settled.length).toBeGreaterThanOrEqual(10)
    expect(lateTrough).toBeLessThan(earlyPeak + 16)
  } finally {
    agent.destroy()
    await server.stop('SIGTERM')
    rmSync(dataDir, { recursive: true, force: true })
  }
}, (SECONDS + 60) * 1000)
