import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { LoadJob, LoadResult } from './load-client.ts'

const loadClient = fileURLToPath(new URL('./load-client.ts', import.meta.url))

/** Runs the load client in its own process (with this process's tsx loader) and returns its result. */
export function runLoad(job: LoadJob): Promise<LoadResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, loadClient, JSON.stringify(job)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')))
    child.on('error', reject)
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`load client exited with ${code}`))
      else resolvePromise(JSON.parse(out) as LoadResult)
    })
  })
}

export interface ServerFigures {
  list: LoadResult
  create: LoadResult
}

/**
 * GET /api/v2/authorizations latency one request at a time, then POST /api/v2/authorizations
 * throughput with `concurrency` clients, both with the operator token (no session, no scrypt).
 */
export async function measureServer(
  baseUrl: string,
  orgID: string,
  token: string,
  options: { listRequests: number; createRequests: number; concurrency: number },
): Promise<ServerFigures> {
  const headers = { Authorization: `Token ${token}` }
  const list = await runLoad({
    method: 'GET',
    url: `${baseUrl}/api/v2/authorizations?orgID=${orgID}`,
    headers,
    requests: options.listRequests,
    // None: the first list after a start (nothing cached yet) belongs in the figures.
    warmup: 0,
    concurrency: 1,
    expectStatus: 200,
  })
  const page = (await (await fetch(`${baseUrl}/api/v2/buckets?orgID=${orgID}&limit=3`, { headers })).json()) as {
    buckets: { id: string; type: string }[]
  }
  const bucketIDs = page.buckets.filter((b) => b.type === 'user').map((b) => b.id)
  // What the UI's Read/Write dialog sends: read and write on a few named buckets.
  const permissions = (['read', 'write'] as const).flatMap((action) =>
    bucketIDs.map((id) => ({ action, resource: { type: 'buckets', id, orgID } })),
  )
  const create = await runLoad({
    method: 'POST',
    url: `${baseUrl}/api/v2/authorizations`,
    headers: { ...headers, 'Content-Type': 'application/json' },
    body: JSON.stringify({ orgID, description: 'bench: Télégraf writer ✓', permissions }),
    requests: options.createRequests,
    warmup: 200,
    concurrency: options.concurrency,
    expectStatus: 201,
  })
  return { list, create }
}
