import type { Context } from 'hono'
import { ApiError, errorResponse } from './http/errors.ts'

// Hop-by-hop headers (RFC 9110 §7.6.1) apply to one connection only and are never forwarded.
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
])

function forwardedRequestHeaders(incoming: Headers): Headers {
  const headers = new Headers()
  incoming.forEach((value, name) => {
    // host is set by fetch for the upstream; accept-encoding is dropped so bodies pass through as-is.
    if (!HOP_BY_HOP.has(name) && name !== 'host' && name !== 'accept-encoding') headers.set(name, value)
  })
  return headers
}

function returnedHeaders(upstream: Headers): Headers {
  const headers = new Headers()
  upstream.forEach((value, name) => {
    if (!HOP_BY_HOP.has(name) && name !== 'set-cookie') headers.set(name, value)
  })
  // Each cookie separately: joining them with commas would corrupt their Expires dates.
  for (const cookie of upstream.getSetCookie()) headers.append('set-cookie', cookie)
  // fetch has already decoded any compressed body, so these would now be wrong.
  if (headers.has('content-encoding')) {
    headers.delete('content-encoding')
    headers.delete('content-length')
  }
  return headers
}

/** A handler that forwards the request to a real InfluxDB and streams its answer back unchanged. */
export function proxyTo(influxUrl: string) {
  const base = new URL(influxUrl)
  const prefix = base.pathname.replace(/\/+$/, '')
  return async (c: Context): Promise<Response> => {
    const incoming = new URL(c.req.url)
    const target = new URL(prefix + incoming.pathname + incoming.search, base.origin)
    const method = c.req.method
    const hasBody = method !== 'GET' && method !== 'HEAD'
    let upstream: Response
    try {
      upstream = await fetch(target, {
        method,
        headers: forwardedRequestHeaders(c.req.raw.headers),
        body: hasBody ? c.req.raw.body : undefined,
        redirect: 'manual',
        signal: c.req.raw.signal,
        ...(hasBody ? { duplex: 'half' } : {}),
      } as RequestInit)
    } catch {
      return errorResponse(
        new ApiError('unavailable', `the upstream InfluxDB at ${base.origin} is unreachable`, 502),
      )
    }
    const noBody = method === 'HEAD' || upstream.status === 204 || upstream.status === 304
    return new Response(noBody ? null : upstream.body, {
      status: upstream.status,
      statusText: upstream.statusText,
      headers: returnedHeaders(upstream.headers),
    })
  }
}
