import type { Store } from '../db/store.ts'
import { invalid } from '../http/errors.ts'
import { type Permission, type Principal, can, formatPermission, permission } from './permissions.ts'

/**
 * Refuses (400) a permission of a new token that names, by id, a resource outside the token's org.
 * InfluxDB accepts `{type: buckets, id: <bucket of org B>, orgID: <org A>}` from anyone holding
 * buckets on org A, and its matcher then lets the token reach org B's bucket; see docs/security.md,
 * "Cross-org permissions", for the rule applied here type by type.
 */
export function assertInTokenOrg(
  store: Store,
  principal: Principal,
  token: { orgID: string; userID: string },
  p: Permission,
): void {
  const why = outsideReason(store, principal, token, p)
  if (why) throw invalid(`permission ${formatPermission(p)} is invalid: ${why}`)
}

function outsideReason(
  store: Store,
  principal: Principal,
  token: { orgID: string; userID: string },
  p: Permission,
): string | undefined {
  const { type, id } = p.resource
  if (id === undefined) return undefined
  const { orgID } = token
  const holdsType = can(principal, permission(p.action, type))
  switch (type) {
    case 'buckets':
      return store.buckets.byId(id)?.orgID === orgID ? undefined : `bucket ${id} is not a bucket of org ${orgID}`
    case 'authorizations':
      return store.authorizations.byId(id)?.orgID === orgID
        ? undefined
        : `authorization ${id} is not an authorization of org ${orgID}`
    case 'users':
      // Membership does not count: an org owner may add any user to their org.
      if (!store.users.byId(id)) return `user ${id} does not exist`
      return holdsType || id === token.userID
        ? undefined
        : `user ${id} is not the token's user; naming another user needs ${p.action}:users`
    case 'orgs':
      if (!store.orgs.byId(id)) return `org ${id} does not exist`
      return holdsType || id === orgID ? undefined : `org ${id} is not the token's org ${orgID}`
    default:
      // The embedded server stores no resource of the other types, so it cannot tell their org.
      return holdsType
        ? undefined
        : `the server cannot check that ${type} ${id} belongs to org ${orgID}; naming one by id needs ${p.action}:${type}`
  }
}
