import { serve } from '@hono/node-server'
import type { Hono } from 'hono'
import type { AddressInfo } from 'node:net'

export interface ConnectionLimits {
  /** Time for a client to send a request's headers. */
  headersTimeoutMs: number
  /** Time for a client to send a whole request, headers and body (a 25 MiB write included). */
  requestTimeoutMs: number
  /** How long an idle keep-alive connection stays open. */
  keepAliveTimeoutMs: number
  /** Open connections at once; further ones are closed on arrival. */
  maxConnections: number
}

// The request timeout and the connection cap are settings (REQUEST_TIMEOUT, MAX_CONNECTIONS).
const DEFAULT_LIMITS: ConnectionLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 120_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: 1024,
}

/** Starts an HTTP server for `app`; port 0 picks a free port. */
export function listen(
  app: Hono,
  opts: { port: number; host: string; limits?: Partial<ConnectionLimits> },
): Promise<{ url: string; port: number; close(): Promise<void> }> {
  const limits = { ...DEFAULT_LIMITS, ...opts.limits }
  return new Promise((resolvePromise, reject) => {
    const server = serve(
      {
        fetch: app.fetch,
        port: opts.port,
        hostname: opts.host,
        serverOptions: {
          headersTimeout: limits.headersTimeoutMs,
          requestTimeout: limits.requestTimeoutMs,
          // Node checks the two timeouts above only this often (30 s by default).
          connectionsCheckingInterval: Math.min(1000, limits.headersTimeoutMs),
        },
      },
      (info: AddressInfo) => {
        server.off('error', reject)
        const host = info.address.includes(':') ? `[${info.address}]` : info.address
        resolvePromise({
          url: `http://${host}:${info.port}`,
          port: info.port,
          close: () =>
            new Promise<void>((done, fail) => {
              server.close((error) => (error ? fail(error) : done()))
              // Keep-alive connections would otherwise hold close() open.
              if ('closeAllConnections' in server) server.closeAllConnections()
            }),
        })
      },
    )
    server.maxConnections = limits.maxConnections
    if ('keepAliveTimeout' in server) server.keepAliveTimeout = limits.keepAliveTimeoutMs
    server.once('error', reject)
  })
}
