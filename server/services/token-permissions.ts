import type { Permission } from '../auth/permissions.ts'
import type { Authorizations } from '../db/authorizations.ts'

const permissionKey = (p: Permission) => `${p.action} ${p.resource.type} ${p.resource.id ?? ''} ${p.resource.orgID ?? ''}`

// Each user's token permissions, deduplicated: a session request needs them, and re-reading a
// user's thousands of tokens every time dominated the cost of every session request.
const cache = new WeakMap<Authorizations, Map<string, { version: string; permissions: Permission[] }>>()

/** Every distinct permission of a user's tokens (inactive ones included), for session rights. */
export function permissionsOfUserTokens(authorizations: Authorizations, userID: string): Permission[] {
  const version = authorizations.permissionsVersion(userID)
  let byUser = cache.get(authorizations)
  if (!byUser) cache.set(authorizations, (byUser = new Map()))
  const cached = byUser.get(userID)
  if (cached && cached.version === version) return cached.permissions
  const unique = new Map<string, Permission>()
  for (const list of authorizations.permissionListsOf(userID)) {
    for (const p of JSON.parse(list) as Permission[]) unique.set(permissionKey(p), p)
  }
  const permissions = [...unique.values()]
  if (version !== undefined) byUser.set(userID, { version, permissions })
  return permissions
}
