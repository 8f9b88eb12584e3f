import type { Store } from '../db/store.ts'
import { unauthorized } from '../http/errors.ts'
import { type Action, type Principal, can, formatPermission, permission } from './permissions.ts'

/**
 * Whether the principal may `action` the user `userID`: through `users/<id>` (or a wider users,
 * or instance, permission), or through `users/<id>` held under the orgID of an org the user is in
 * now, or of the token's own org when the user is the token's user. A permission naming a user
 * under an org reaches that user only while they are in it (docs/security.md).
 */
export function canUser(store: Store, principal: Principal, action: Action, userID: string): boolean {
  if (can(principal, permission(action, 'users', { id: userID }))) return true
  const orgs = store.memberships.of(userID).flatMap((m) => (m.resourceType === 'orgs' ? [m.resourceID] : []))
  if (userID === principal.userID && principal.orgID !== undefined) orgs.push(principal.orgID)
  // Only a permission naming this user under the org counts: an org-wide `users` permission never
  // reached a single user (InfluxDB requests `users/<id>` without an org), and must not start to.
  return orgs.some((orgID) => principal.permissions?.namesInOrg(action, 'users', userID, orgID) ?? false)
}

/** Throws InfluxDB's 401 when the principal may not `action` the user, worded as `authorize` does. */
export function authorizeUser(store: Store, principal: Principal, action: Action, userID: string): void {
  if (principal.permissions === null) throw unauthorized('token is inactive')
  if (!canUser(store, principal, action, userID)) {
    throw unauthorized(`${formatPermission(permission(action, 'users', { id: userID }))} is unauthorized`)
  }
}
