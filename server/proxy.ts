import type { Context } from 'hono'
import { getCookie } from 'hono/cookie'
import { SESSION_COOKIE } from './auth/credentials.ts'
import { fromTrustedProxy, peerAddress, publicOrigin } from './http/client.ts'
import { ApiError, errorResponse } from './http/errors.ts'
import { isValidId } from './ids.ts'

export interface ProxyOptions {
  /** Where failures are logged, with their cause. */
  log: (line: string) => void
  /** How long to wait for the upstream's response headers before answering 504. */
  timeoutMs: number
  trustedProxies: ReadonlySet<string>
}

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

/** The hop-by-hop headers plus those the sender names in `Connection`. */
function connectionHeaders(headers: Headers): Set<string> {
  const named = (headers.get('connection') ?? '').split(',').map((n) => n.trim().toLowerCase())
  return new Set([...HOP_BY_HOP, ...named])
}

function forwardedRequestHeaders(c: Context, trustedProxies: ReadonlySet<string>): Headers {
  const incoming = c.req.raw.headers
  const headers = new Headers()
  const dropped = connectionHeaders(incoming)
  // host is set by fetch for the upstream; accept-encoding is dropped so bodies pass through as-is;
  // expect was answered by this server already (fetch refuses to send it); the X-Forwarded-* and
  // the cookie are rewritten below.
  for (const name of ['host', 'accept-encoding', 'expect', 'cookie', 'x-forwarded-for', 'x-forwarded-proto', 'x-forwarded-host']) {
    dropped.add(name)
  }
  incoming.forEach((value, name) => {
    if (!dropped.has(name)) headers.set(name, value)
  })
  // Only InfluxDB's session cookie: the others of this host are none of the upstream's business.
  const session = getCookie(c, SESSION_COOKIE)
  if (session !== undefined) headers.set('cookie', `${SESSION_COOKIE}=${session}`)
  // Set here rather than passed through: a client could otherwise claim any address or host.
  const forwardedFor = fromTrustedProxy(c, trustedProxies) ? c.req.header('x-forwarded-for') : undefined
  const chain = [forwardedFor, peerAddress(c)].filter((entry) => entry !== undefined && entry !== '')
  if (chain.length > 0) headers.set('x-forwarded-for', chain.join(', '))
  const origin = publicOrigin(c, trustedProxies)
  headers.set('x-forwarded-proto', origin.protocol)
  headers.set('x-forwarded-host', origin.host)
  return headers
}

/** The upstream's cookie, made to fit this origin: no foreign Domain, Secure only over HTTPS. */
function localCookie(cookie: string, https: boolean): string {
  const [pair, ...attributes] = cookie.split(';')
  const kept = attributes.filter((attribute) => {
    const name = attribute.split('=')[0]?.trim().toLowerCase()
    return name !== 'domain' && (name !== 'secure' || https)
  })
  return [pair, ...kept].join(';')
}

function returnedHeaders(upstream: Headers, https: boolean): Headers {
  const headers = new Headers()
  const dropped = connectionHeaders(upstream)
  upstream.forEach((value, name) => {
    if (!dropped.has(name) && name !== 'set-cookie') headers.set(name, value)
  })
  // Each cookie separately: joining them with commas would corrupt their Expires dates.
  for (const cookie of upstream.getSetCookie()) headers.append('set-cookie', localCookie(cookie, https))
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

/** What failed, for the log: fetch wraps the socket's error in `cause`. */
function failureCause(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error
  if (!(cause instanceof Error)) return String(cause)
  const code = (cause as { code?: unknown }).code
  return typeof code === 'string' ? `${code}: ${cause.message}` : `${cause.name}: ${cause.message}`
}

/** The path for the log, with anything but IDs and lowercase words masked (a pasted token, say). */
const loggedPath = (path: string) =>
  path.split('/').map((segment) => (segment === '' || isValidId(segment) || /^[a-z][a-z0-9-]{0,31}$/.test(segment) ? segment : '…')).join('/')

/**
 * The answer when the upstream could not be asked: 504 on a timeout, else 502; /health answers
 * 503 in its own shape. The upstream's address is logged, never shown: anyone may call these.
 */
function failureResponse(c: Context, timedOut: boolean): Response {
  if (c.req.path === '/health') {
    const body = { name: 'influxdb', message: 'the upstream InfluxDB is unreachable', status: 'fail', checks: [] }
    return c.json(body, 503)
  }
  return timedOut
    ? errorResponse(new ApiError('unavailable', 'the upstream InfluxDB did not answer in time', 504))
    : errorResponse(new ApiError('unavailable', 'the upstream InfluxDB is unreachable', 502))
}

/**
 * A handler that forwards the request to a real InfluxDB and streams its answer back.
 * Not hono/proxy: it drops Connection-named request headers only in a strict mode that answers 400, and leaves the rest of this file (forwarded headers, cookies, Expect, retry, timeout) to its caller.
 */
export function proxyTo(influxUrl: string, options: ProxyOptions) {
  const base = new URL(influxUrl)
  const prefix = base.pathname.replace(/\/+$/, '')
  return async (c: Context): Promise<Response> => {
    const incoming = new URL(c.req.url)
    const target = new URL(prefix + incoming.pathname + incoming.search, base.origin)
    const method = c.req.method
    const withBody = hasBody(c)
    const timeout = new AbortController()
    const timer = setTimeout(() => timeout.abort(), options.timeoutMs)
    const send = () =>
      fetch(target, {
        method,
        headers: forwardedRequestHeaders(c, options.trustedProxies),
        body: withBody ? c.req.raw.body : undefined,
        redirect: 'manual',
        signal: AbortSignal.any([c.req.raw.signal, timeout.signal]),
        ...(withBody ? { duplex: 'half' } : {}),
      } as RequestInit)
    let upstream: Response
    try {
      upstream = await send().catch((error: unknown) => {
        // A kept-alive upstream connection can be closed by the upstream just as a request is sent on
        // it; a request that changes nothing twice and has no body to replay is sent once more.
        if (!IDEMPOTENT.has(method) || withBody || c.req.raw.signal.aborted || timeout.signal.aborted) throw error
        options.log(`upstream ${method} ${loggedPath(incoming.pathname)} failed (${failureCause(error)}), sending it once more`)
        return send()
      })
    } catch (error) {
      const timedOut = timeout.signal.aborted
      const cause = timedOut ? `no answer within ${options.timeoutMs} ms` : failureCause(error)
      options.log(`upstream ${method} ${loggedPath(incoming.pathname)} at ${base.origin} failed: ${cause}`)
      return failureResponse(c, timedOut)
    } finally {
      clearTimeout(timer)
    }
    const noBody = method === 'HEAD' || upstream.status === 204 || upstream.status === 304
    return new Response(noBody ? null : upstream.body, {
      status: upstream.status,
      statusText: upstream.statusText,
      headers: returnedHeaders(upstream.headers, publicOrigin(c, options.trustedProxies).protocol === 'https'),
    })
  }
}
