import type { MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import type { Store } from '../db/store.ts'
import { forbidden, unauthorized } from '../http/errors.ts'
import { permissionsOfUserTokens } from '../services/token-permissions.ts'
import type { AppEnv, Services } from '../http/context.ts'
import { hashToken } from '../ids.ts'
import {
  PermissionSet,
  type Principal,
  mePermissions,
  memberPermissions,
  ownerPermissions,
  permission,
} from './permissions.ts'

export const SESSION_COOKIE = 'influxdb-oss-session'

/** `Token <t>` or `Bearer <t>`, scheme case-insensitive; anything else is not a token. */
export function tokenFromHeader(header: string | undefined): string | undefined {
  const match = /^(token|bearer) +(\S+)\s*$/i.exec(header ?? '')
  return match?.[2]
}

// Built sets by store and user. An admin of many tokens holds a large set, and rebuilding it on
// every session request slowed the UI's many small requests (docs/performance.md).
const sessionSets = new WeakMap<Store, Map<string, { version: string; set: PermissionSet }>>()

/**
 * A session's rights, as of this request: org ownership and membership, bucket membership,
 * instance ownership, every token of the user (inactive ones too), and the user's own record
 * (docs/influxdb-behaviour.md, Where a caller's permissions come from). Reused until the store's rights version moves.
 */
export function sessionPermissions(store: Store, userID: string): PermissionSet {
  const version = store.db.version('rights')
  let cache = sessionSets.get(store)
  if (!cache) sessionSets.set(store, (cache = new Map()))
  const cached = cache.get(userID)
  if (cached && cached.version === version) return cached.set
  const set = buildSessionPermissions(store, userID)
  if (version !== undefined) cache.set(userID, { version, set })
  return set
}

function buildSessionPermissions(store: Store, userID: string): PermissionSet {
  const set = new PermissionSet(mePermissions(userID))
  for (const m of store.memberships.of(userID)) {
    if (m.resourceType === 'orgs') {
      const perms = m.role === 'owner' ? ownerPermissions(m.resourceID) : memberPermissions(m.resourceID)
      perms.forEach((p) => set.add(p))
    } else if (m.resourceType === 'buckets') {
      set.add(permission('read', 'buckets', { id: m.resourceID }))
    } else {
      set.add(permission('read', 'instance'))
      set.add(permission('write', 'instance'))
    }
  }
  permissionsOfUserTokens(store.authorizations, userID).forEach((p) => set.add(p))
  return set
}

// What each token grants, by token hash. Reading and indexing a token's permissions on every request
// was a tenth of the cost of creating a token; this holds until an existing token changes or goes.
const tokenGrants = new WeakMap<Store, { version: string; grants: Map<string, TokenGrant> }>()

interface TokenGrant {
  userID: string
  orgID: string
  /** null for an inactive token. */
  permissions: PermissionSet | null
}

function tokenGrant(store: Store, tokenHash: string): TokenGrant | undefined {
  const version = store.db.version('tokens')
  let cache = version === undefined ? undefined : tokenGrants.get(store)
  if (version !== undefined && cache?.version !== version) tokenGrants.set(store, (cache = { version, grants: new Map() }))
  const cached = cache?.grants.get(tokenHash)
  if (cached) return cached
  const auth = store.authorizations.byTokenHash(tokenHash)
  if (!auth) return undefined
  const grant = { userID: auth.userID, orgID: auth.orgID, permissions: auth.status === 'active' ? new PermissionSet(auth.permissions) : null }
  cache?.grants.set(tokenHash, grant)
  return grant
}

/**
 * InfluxDB's authentication middleware: a token header wins over the session cookie; unknown
 * credentials are 401; a missing or inactive user is 403 `User is inactive`.
 */
export function authenticate({ store, sessions }: Services, headers: Headers, cookie: string | undefined): Principal {
  const token = tokenFromHeader(headers.get('authorization') ?? undefined)
  let principal: Principal
  if (token !== undefined) {
    const grant = tokenGrant(store, hashToken(token))
    if (!grant) throw unauthorized()
    principal = { kind: 'token', userID: grant.userID, orgID: grant.orgID, permissions: grant.permissions }
  } else {
    const session = cookie ? sessions.use(cookie) : undefined
    if (!session) throw unauthorized()
    principal = { kind: 'session', userID: session.userID, permissions: null }
  }
  const user = store.users.byId(principal.userID)
  if (!user || user.status !== 'active') throw forbidden('User is inactive')
  if (principal.kind === 'session') principal.permissions = sessionPermissions(store, user.id)
  return principal
}

/** Route middleware: authenticate, then expose the principal as `c.get('principal')`. */
export function requireAuth(services: Services): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('principal', authenticate(services, c.req.raw.headers, getCookie(c, SESSION_COOKIE)))
    await next()
  }
}
