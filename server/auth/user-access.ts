import { unauthorized } from '../http/errors.ts'
import { type Action, type Principal, can, formatPermission, permission } from './permissions.ts'

/**
 * Whether the principal may `action` the user `userID`: through `users/<id>` (or a wider users,
 * or instance, permission), or, for the principal's own user only, through `users/<id>` held under
 * the token's org. A `users/<id>` held under an org never reaches another user, member of that org
 * or not: an org owner could otherwise add the instance owner to their org and take the account over
 * (docs/security.md, "Cross-org permissions").
 */
export function canUser(principal: Principal, action: Action, userID: string): boolean {
  if (can(principal, permission(action, 'users', { id: userID }))) return true
  if (userID !== principal.userID || principal.orgID === undefined) return false
  // An org-wide `users` permission never reached a single user (InfluxDB requests `users/<id>`
  // without an org), and must not start to: only one naming this user under the org counts.
  return principal.permissions?.namesInOrg(action, 'users', userID, principal.orgID) ?? false
}

/** Throws InfluxDB's 401 when the principal may not `action` the user, worded as `authorize` does. */
export function authorizeUser(principal: Principal, action: Action, userID: string): void {
  if (principal.permissions === null) throw unauthorized('token is inactive')
  if (!canUser(principal, action, userID)) {
    throw unauthorized(`${formatPermission(permission(action, 'users', { id: userID }))} is unauthorized`)
  }
}
