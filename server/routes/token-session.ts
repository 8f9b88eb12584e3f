import type { Hono, MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import { z } from 'zod'
import { SESSION_COOKIE } from '../auth/credentials.ts'
import type { Permission } from '../auth/permissions.ts'
import { type NewTokenSession, TOKEN_SESSION_COOKIE, TOKEN_SESSION_PATH, type TokenSession, type TokenSessionStore } from '../auth/token-sessions.ts'
import { publicOrigin } from '../http/client.ts'
import { readJson } from '../http/body.ts'
import { errorResponse, notFound, unauthorized } from '../http/errors.ts'
import { isValidId } from '../ids.ts'


/** Asks this server's own /api (embedded or proxied) as the holder of `token`. */
export type AskApi = (path: string, token: string) => Promise<Response>

/** What a token may do, as far as can be found out. */
export type PermissionLookup = (token: string, userID: string) => Promise<Pick<NewTokenSession, 'permissions' | 'exact'>>

const signinBody = z.object({ token: z.string().trim().min(1, 'token is required').max(1024, 'token is too long') })
const meBody = z.object({ id: z.string(), name: z.string() })
const permissionBody = z.object({
  action: z.enum(['read', 'write']),
  resource: z.object({ type: z.string(), id: z.string().optional(), orgID: z.string().optional() }),
})
const listBody = z.object({
  authorizations: z.array(z.object({ token: z.string().optional(), permissions: z.array(permissionBody) })),
})

const cookie = (value: string, https: boolean, expired = false) =>
  [
    `${TOKEN_SESSION_COOKIE}=${value}`,
    'Path=/',
    ...(expired ? ['Expires=Thu, 01 Jan 1970 00:00:00 GMT'] : []),
    'HttpOnly',
    'SameSite=Strict',
    ...(https ? ['Secure'] : []),
  ].join('; ')

/**
 * Proxy mode: InfluxDB has no "who am I" for a token's permissions, so the user's tokens are listed
 * with the token itself. Where the server returns token values (OSS before hashing) the token's own
 * record is found; otherwise the token is one of its user's readable tokens, so their permissions
 * together bound what it may do. When the list is refused or empty, nothing is known (null).
 */
export function listedPermissions(ask: AskApi): PermissionLookup {
  return async (token, userID) => {
    const unknown = { permissions: null, exact: false }
    if (!isValidId(userID)) return unknown
    const res = await ask(`/api/v2/authorizations?userID=${userID}`, token)
    if (!res.ok) {
      await res.body?.cancel()
      return unknown
    }
    const parsed = listBody.safeParse(await res.json())
    if (!parsed.success || parsed.data.authorizations.length === 0) return unknown
    const own = parsed.data.authorizations.find((auth) => auth.token === token)
    if (own) return { permissions: own.permissions as Permission[], exact: true }
    const union = new Map<string, Permission>()
    for (const auth of parsed.data.authorizations) {
      for (const p of auth.permissions) union.set(JSON.stringify([p.action, p.resource.type, p.resource.orgID, p.resource.id]), p as Permission)
    }
    return { permissions: [...union.values()], exact: false }
  }
}

const sessionBody = ({ user, permissions, exact }: TokenSession | NewTokenSession) => ({ user, permissions, exact })

/**
 * Puts `Authorization: Token …` on every /api request of a token session, so the embedded routes and
 * the proxied InfluxDB both see a token client.
 * `POST /api/v2/signout` of a token session is answered here: InfluxDB knows nothing of it.
 */
export function tokenSessionCredentials(sessions: TokenSessionStore, trustedProxies: ReadonlySet<string>): MiddlewareHandler {
  return async (c, next) => {
    const key = getCookie(c, TOKEN_SESSION_COOKIE)
    if (key === undefined) return next()
    const https = publicOrigin(c, trustedProxies).protocol === 'https'
    if (c.req.method === 'POST' && c.req.path === '/api/v2/signout') {
      const forgotten = sessions.delete(key)
      // A password session in the same browser is signed out by InfluxDB as well.
      if (getCookie(c, SESSION_COOKIE) !== undefined) {
        await next()
        c.res.headers.append('Set-Cookie', cookie('', https, true))
        return
      }
      const expire = { 'Set-Cookie': cookie('', https, true) }
      return forgotten ? c.body(null, 204, expire) : errorResponse(unauthorized(), expire)
    }
    // Any credentials the client sends itself win, like Basic on a password sign-in.
    if (c.req.header('authorization') !== undefined) {
      await next()
      // A password sign-in replaces the token session instead of hiding behind it.
      if (c.req.method === 'POST' && c.req.path === '/api/v2/signin' && c.res.status === 204) {
        sessions.delete(key)
        c.res.headers.append('Set-Cookie', cookie('', https, true))
      }
      return
    }
    const session = sessions.use(key)
    if (session) c.req.raw.headers.set('authorization', `Token ${session.token}`)
    return next()
  }
}

/** POST (sign in with a token) and GET (what the current token session may do) of TOKEN_SESSION_PATH. */
export function registerTokenSessionRoutes(
  app: Hono,
  options: { sessions: TokenSessionStore; ask: AskApi; lookup: PermissionLookup; trustedProxies: ReadonlySet<string> },
): void {
  const { sessions, ask, lookup, trustedProxies } = options

  app.post(TOKEN_SESSION_PATH, async (c) => {
    const { token } = await readJson(c.req.raw, signinBody)
    const me = await ask('/api/v2/me', token)
    if (me.status === 401 || me.status === 403) {
      await me.body?.cancel()
      throw unauthorized('the token was refused: it is unknown or inactive, or it cannot read its own user')
    }
    if (!me.ok) return me
    const user = meBody.parse(await me.json())
    const previous = getCookie(c, TOKEN_SESSION_COOKIE)
    if (previous !== undefined) sessions.delete(previous)
    const session: NewTokenSession = { token, user: { id: user.id, name: user.name }, ...(await lookup(token, user.id)) }
    const key = sessions.create(session)
    c.header('Set-Cookie', cookie(key, publicOrigin(c, trustedProxies).protocol === 'https'))
    return c.json(sessionBody(session), 201)
  })

  app.get(TOKEN_SESSION_PATH, (c) => {
    const key = getCookie(c, TOKEN_SESSION_COOKIE)
    const session = key === undefined ? undefined : sessions.use(key)
    if (!session) throw notFound('no token session: signed in with a password, or not at all')
    return c.json(sessionBody(session), 200)
  })
}
