import type { MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import { SESSION_COOKIE, tokenFromHeader } from '../auth/credentials.ts'
import { TOKEN_SESSION_COOKIE, TOKEN_SESSION_PATH } from '../auth/token-sessions.ts'
import { publicOrigin } from './client.ts'
import { errorResponse, forbidden } from './errors.ts'

const UNSAFE_METHODS = new Set(['POST', 'PATCH', 'PUT', 'DELETE'])

/**
 * Whether the browser says the request comes from a page of this server. `SameSite=Strict` lets
 * another origin of the same site (another port, a sibling subdomain) send the session cookie, so
 * the browser's own statement is checked: `Origin` against the host the browser connected to
 * (`Host`, or a trusted proxy's `X-Forwarded-Host`), else `Sec-Fetch-Site`. A request with neither header is not from a browser that sends cookies
 * across origins (every current browser sends `Origin` on a cross-origin POST), so it passes.
 */
function isSameOrigin(headers: Headers, ownHost: string): boolean {
  const origin = headers.get('origin')
  if (origin !== null) {
    if (!URL.canParse(origin)) return false
    return new URL(origin).host === ownHost
  }
  const site = headers.get('sec-fetch-site')
  return site === null || site === 'same-origin' || site === 'none'
}

/**
 * Refuses a cookie-authenticated (InfluxDB session or token session) POST, PATCH, PUT or DELETE that
 * a page of another origin made, and a token sign-in from another origin.
 * A request with a token is not affected: a page cannot attach one without the token itself.
 */
export function crossOriginProtection(trustedProxies: ReadonlySet<string>): MiddlewareHandler {
  return async (c, next) => {
    const cookieAuthenticated =
      (getCookie(c, SESSION_COOKIE) !== undefined || getCookie(c, TOKEN_SESSION_COOKIE) !== undefined) &&
      tokenFromHeader(c.req.header('authorization')) === undefined
    // A token sign-in from another origin would sign the browser in with someone else's token.
    const startsTokenSession = c.req.path === TOKEN_SESSION_PATH
    if (UNSAFE_METHODS.has(c.req.method) && (cookieAuthenticated || startsTokenSession) && !isSameOrigin(c.req.raw.headers, publicOrigin(c, trustedProxies).host)) {
      return errorResponse(forbidden('cross-origin request refused: the session cookie is only accepted from this application'))
    }
    await next()
  }
}
