/**
 * The permission sets both the app and the embedded server build: the all-access and operator
 * tokens, and the identity of a permission. Pure functions over the wire types.
 */
import type { Action } from './contract'

export const ACTIONS: readonly Action[] = ['read', 'write']

/** A permission whose resource type is `T`: the app works with any string, the server with its known types. */
export interface TypedPermission<T extends string = string> {
  action: Action
  resource: { type: T; id?: string; orgID?: string; name?: string; org?: string }
}

/** Identity of a permission as the server sees it: it ignores `name` and `org` on input. */
export function permissionKey(permission: TypedPermission): string {
  const { type, id = '', orgID = '' } = permission.resource
  return `${permission.action}|${type}|${id}|${orgID}`
}

/** Drops later duplicates (same action, type, id and orgID), keeping the first one's position. */
export function uniquePermissions<P extends TypedPermission>(permissions: P[]): P[] {
  const seen = new Set<string>()
  return permissions.filter((permission) => {
    const key = permissionKey(permission)
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/**
 * The types a token may be granted, once each, in the order given. `instance` is reserved for
 * setup: InfluxDB refuses it on POST /authorizations (influxdb#23993).
 */
export function grantableTypes<T extends string>(resourceTypes: readonly T[]): T[] {
  return [...new Set(resourceTypes)].filter((type) => type !== 'instance')
}

/** InfluxDB's UI order for types: case-insensitive, and stable for names that differ only by case. */
export function byTypeName(a: string, b: string): number {
  const left = a.toLowerCase()
  const right = b.toLowerCase()
  if (left === right) return 0
  return left < right ? -1 : 1
}

/**
 * The list InfluxDB's UI sends for "All Access API Token": every grantable type sorted by
 * `byTypeName`, read+write scoped to the org, except `orgs` (read on the org itself: write would
 * let the token rename or delete it) and `users` (read+write on the token's user).
 */
export function buildAllAccessPermissions<T extends string>(
  resourceTypes: readonly T[],
  orgID: string,
  userID: string,
): TypedPermission<T>[] {
  return grantableTypes(resourceTypes)
    .sort(byTypeName)
    .flatMap((type): TypedPermission<T>[] => {
      if (type === 'orgs') return [{ action: 'read', resource: { type, id: orgID } }]
      if (type === 'users') return ACTIONS.map((action) => ({ action, resource: { type, id: userID } }))
      return ACTIONS.map((action) => ({ action, resource: { type, orgID } }))
    })
}

/** Global read and write on every grantable type, in the server's order, as `influx auth create --operator` builds it. */
export function buildOperatorPermissions<T extends string>(resourceTypes: readonly T[]): TypedPermission<T>[] {
  return grantableTypes(resourceTypes).flatMap((type) => ACTIONS.map((action) => ({ action, resource: { type } })))
}
