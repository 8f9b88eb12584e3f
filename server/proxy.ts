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

/** The hop-by-hop headers plus those the sender names in `Connection` (RFC 9110 §7.6.1). */
function connectionHeaders(headers: Headers): Set<string> {
  const named = (headers.get('connection') ?? '').split(',').map((n) => n.trim().toLowerCase())
  return new Set([...HOP_BY_HOP, ...named])
}

function forwardedRequestHeaders(incoming: Headers): Headers {
  const headers = new Headers()
  const dropped = connectionHeaders(incoming)
  // host is set by fetch for the upstream; accept-encoding is dropped so bodies pass through as-is;
  // expect was answered by this server already (fetch refuses to send it).
  for (const name of ['host', 'accept-encoding', 'expect']) dropped.add(name)
  incoming.forEach((value, name) => {
    if (!dropped.has(name)) headers.set(name, value)
  })
  return headers
}

function returnedHeaders(upstream: Headers): Headers {
  const headers = new Headers()
  const dropped = connectionHeaders(upstream)
  upstream.forEach((value, name) => {
    if (!dropped.has(name) && name !== 'set-cookie') headers.set(name, value)
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

const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE'])

/** A request from the wire has a body only when its headers frame one; `app.request()` has no wire. */
function hasBody(c: Context): boolean {
  const request = c.req.raw
  if (request.method === 'GET' || request.method === 'HEAD') return false
  if (!(c.env as { incoming?: unknown } | undefined)?.incoming) return request.body !== null
  const length = request.headers.get('content-length')
  return (length !== null && length !== '0') || request.headers.has('transfer-encoding')
}

/** A handler that forwards the request to a real InfluxDB and streams its answer back unchanged. */
export function proxyTo(influxUrl: string) {
  const base = new URL(influxUrl)
  const prefix = base.pathname.replace(/\/+$/, '')
  return async (c: Context): Promise<Response> => {
    const incoming = new URL(c.req.url)
    const target = new URL(prefix + incoming.pathname + incoming.search, base.origin)
    const method = c.req.method
    const withBody = hasBody(c)
    const send = () =>
      fetch(target, {
        method,
        headers: forwardedRequestHeaders(c.req.raw.headers),
        body: withBody ? c.req.raw.body : undefined,
        redirect: 'manual',
        signal: c.req.raw.signal,
        ...(withBody ? { duplex: 'half' } : {}),
      } as RequestInit)
    let upstream: Response
    try {
      upstream = await send().catch((error: unknown) => {
        // A kept-alive upstream connection can be closed by the upstream just as a request is sent on
        // it; a request that changes nothing twice and has no body to replay is sent once more.
        if (!IDEMPOTENT.has(method) || withBody || c.req.raw.signal.aborted) throw error
        return send()
      })
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
