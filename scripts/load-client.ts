import { Agent, request } from 'node:http'
import { percentile } from './stats.ts'

/**
 * A small HTTP load driver, run as its own process by the benchmark so the client's work does not
 * share the server's event loop. Reads a LoadJob as JSON from argv[2], prints a LoadResult as JSON.
 */
export interface LoadJob {
  method: 'GET' | 'POST'
  url: string
  headers: Record<string, string>
  /** Sent with every request (POST). */
  body?: string
  requests: number
  /** Sent first and not counted, so the server's JIT has warmed up. */
  warmup: number
  concurrency: number
  /** The status every request must answer with; anything else counts as an error. */
  expectStatus: number
}

export interface LoadResult {
  requests: number
  errors: number
  seconds: number
  perSecond: number
  bytes: number
  latencyMs: { p50: number; p95: number; p99: number; max: number }
}

function once(job: LoadJob, agent: Agent): Promise<{ status: number; bytes: number }> {
  return new Promise((resolvePromise, reject) => {
    const req = request(job.url, { method: job.method, headers: job.headers, agent }, (res) => {
      let bytes = 0
      res.on('data', (chunk: Buffer) => (bytes += chunk.length))
      res.on('end', () => resolvePromise({ status: res.statusCode ?? 0, bytes }))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end(job.body)
  })
}

async function runLoad(job: LoadJob): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: job.concurrency })
  for (let i = 0; i < job.warmup; i++) await once(job, agent)
  const latencies: number[] = []
  let errors = 0
  let bytes = 0
  let issued = 0
  const worker = async () => {
    while (issued < job.requests) {
      issued++
      const started = performance.now()
      try {
        const res = await once(job, agent)
        bytes += res.bytes
        if (res.status !== job.expectStatus) errors++
      } catch {
        errors++
      }
      latencies.push(performance.now() - started)
    }
  }
  const started = performance.now()
  await Promise.all(Array.from({ length: job.concurrency }, worker))
  const seconds = (performance.now() - started) / 1000
  agent.destroy()
  latencies.sort((a, b) => a - b)
  return {
    requests: latencies.length,
    errors,
    seconds,
    perSecond: latencies.length / seconds,
    bytes,
    latencyMs: {
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      max: latencies[latencies.length - 1] ?? NaN,
    },
  }
}

const job = JSON.parse(process.argv[2] ?? '{}') as LoadJob
process.stdout.write(JSON.stringify(await runLoad(job)))
