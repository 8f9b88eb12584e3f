import { serve } from '@hono/node-server'
import type { Hono } from 'hono'
import type { AddressInfo } from 'node:net'

/** Starts an HTTP server for `app`; port 0 picks a free port. */
export function listen(
  app: Hono,
  opts: { port: number; host: string },
): Promise<{ url: string; port: number; close(): Promise<void> }> {
  return new Promise((resolvePromise, reject) => {
    const server = serve({ fetch: app.fetch, port: opts.port, hostname: opts.host }, (info: AddressInfo) => {
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
    })
    server.once('error', reject)
  })
}
