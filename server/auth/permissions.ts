import { type Action, OSS_RESOURCE_TYPES } from '../../src/api/contract.ts'
import { ACTIONS, buildAllAccessPermissions, buildOperatorPermissions, grantableTypes } from '../../src/api/permission-sets.ts'
import { forbidden, invalid, unauthorized } from '../http/errors.ts'

/**
 * Every resource type an InfluxDB 2.x OSS server knows, in the server's order
 * (docs/influxdb-behaviour.md, Resource types); shared with the UI's wire types.
 */
export const RESOURCE_TYPES = OSS_RESOURCE_TYPES

export type ResourceType = (typeof RESOURCE_TYPES)[number]
export type { Action }

export interface Resource {
  type: ResourceType
  id?: string
  orgID?: string
}

export interface Permission {
  action: Action
  resource: Resource
}

/** InfluxDB's Permission.String(): `read:orgs/<orgID>/buckets/<id>` and its shorter forms. */
export function formatPermission(p: Permission): string {
  const { type, id, orgID } = p.resource
  if (orgID && id) return `${p.action}:orgs/${orgID}/${type}/${id}`
  if (orgID) return `${p.action}:orgs/${orgID}/${type}`
  if (id) return `${p.action}:${type}/${id}`
  return `${p.action}:${type}`
}

export function permission(action: Action, type: ResourceType, scope: { id?: string; orgID?: string } = {}): Permission {
  const resource: Resource = { type }
  if (scope.id !== undefined) resource.id = scope.id
  if (scope.orgID !== undefined) resource.orgID = scope.orgID
  return { action, resource }
}

/** Read and write on every type except `instance`, unscoped: the operator token, built as the app builds it. */
export const operatorPermissions = (): Permission[] => buildOperatorPermissions(RESOURCE_TYPES)

/** What an org owner holds through a session (InfluxDB's OwnerPermissions). */
export function ownerPermissions(orgID: string): Permission[] {
  return grantableTypes(RESOURCE_TYPES).flatMap((t) =>
    ACTIONS.map((a) => (t === 'orgs' ? permission(a, t, { id: orgID }) : permission(a, t, { orgID }))),
  )
}

/** What an org member holds through a session (InfluxDB's MemberPermissions). */
export function memberPermissions(orgID: string): Permission[] {
  return [
    ...grantableTypes(RESOURCE_TYPES).filter((t) => t !== 'orgs').map((t) => permission('read', t, { orgID })),
    permission('read', 'orgs', { id: orgID }),
  ]
}

/** An all-access token of `userID` in `orgID`, built as the app builds it (InfluxDB's UI order). */
export const allAccessPermissions = (orgID: string, userID: string): Permission[] =>
  buildAllAccessPermissions(RESOURCE_TYPES, orgID, userID)

export const mePermissions = (userID: string): Permission[] => ACTIONS.map((a) => permission(a, 'users', { id: userID }))

/**
 * A set of held permissions indexed for InfluxDB's matching rules
 * (docs/influxdb-behaviour.md, Permission matching): a held permission
 * allows a requested one with the same action when it is on `instance`, or has the same type and
 * is global, or is org-wide for the request's orgID, or names the request's id.
 *
 * One intentional difference (docs/security.md, "Cross-org permissions"): a held permission with
 * both an id and an orgID matches only a request with that id in that org. InfluxDB compares the
 * ids alone, so an id of org B held under org A's orgID reached org B's resource.
 */
export class PermissionSet {
  private readonly keys = new Set<string>()

  constructor(permissions: Iterable<Permission> = []) {
    for (const p of permissions) this.add(p)
  }

  add(p: Permission): void {
    const { type, id, orgID } = p.resource
    if (type === 'instance') this.keys.add(`${p.action} instance`)
    else if (id && orgID) this.keys.add(`${p.action} ${type} id ${id} org ${orgID}`)
    else if (id) this.keys.add(`${p.action} ${type} id ${id}`)
    else if (orgID) this.keys.add(`${p.action} ${type} org ${orgID}`)
    else this.keys.add(`${p.action} ${type}`)
  }

  allows(p: Permission): boolean {
    const { type, id, orgID } = p.resource
    return (
      this.keys.has(`${p.action} instance`) ||
      this.keys.has(`${p.action} ${type}`) ||
      (orgID !== undefined && this.keys.has(`${p.action} ${type} org ${orgID}`)) ||
      (id !== undefined && this.keys.has(`${p.action} ${type} id ${id}`)) ||
      (id !== undefined && orgID !== undefined && this.namesInOrg(p.action, type, id, orgID))
    )
  }

  /** Whether a held permission names `id` under `orgID` itself (not an org-wide or wider one). */
  namesInOrg(action: Action, type: ResourceType, id: string, orgID: string): boolean {
    return this.keys.has(`${action} ${type} id ${id} org ${orgID}`)
  }
}

/**
 * What a caller can do. `permissions` is null for an inactive token: every check then fails
 * with `token is inactive`, and list endpoints drop everything (docs/influxdb-behaviour.md, Inactive tokens and users).
 */
export interface Principal {
  kind: 'token' | 'session'
  userID: string
  /** A token's org; undefined for a session. */
  orgID?: string
  permissions: PermissionSet | null
}

export function can(principal: Principal, p: Permission): boolean {
  return principal.permissions?.allows(p) ?? false
}

/** Throws InfluxDB's 401 when the principal lacks `p`. */
export function authorize(principal: Principal, p: Permission): void {
  if (principal.permissions === null) throw unauthorized('token is inactive')
  if (!principal.permissions.allows(p)) throw unauthorized(`${formatPermission(p)} is unauthorized`)
}

/** The creator of a token must hold everything it grants
 * (docs/influxdb-behaviour.md, Who may do what with authorizations). */
export function authorizeGrant(principal: Principal, p: Permission): void {
  if (!can(principal, p)) {
    const text = formatPermission(p)
    throw forbidden(`permission ${text} is not allowed: ${text} is unauthorized`)
  }
}

export function assertNoInstance(permissions: Permission[]): void {
  if (permissions.some((p) => p.resource.type === 'instance')) {
    throw invalid('authorizations cannot be created with the instance type, it is only used during setup')
  }
}
