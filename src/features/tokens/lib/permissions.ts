/**
 * Builders for the `permissions` of `POST /api/v2/authorizations`, their inverses (to prefill a
 * "clone" dialog) and the token kind a permission list amounts to.
 *
 * Every org-scoped permission carries `orgID`: the server only matches an org-wide holder against a
 * request that names the same org (docs/influxdb-behaviour.md, Permission matching),
 * so a bucket permission without it would be useless to anyone but an operator.
 */
import type { Action, Permission, Resource } from '@/api/contract'
import { ACTIONS, uniquePermissions } from '@/api/permission-sets'

export interface BucketRef {
  id: string
  name: string
}

/** One column of the Read/Write dialog. `all` is the wildcard that also covers future buckets. */
export interface BucketAccess {
  all: boolean
  buckets: BucketRef[]
}

export interface TypeAccess {
  read: boolean
  write: boolean
}

/** What the Custom dialog holds: type-wide rows plus individually chosen buckets. */
export interface CustomSelection {
  types: Record<string, TypeAccess>
  bucketRead: BucketRef[]
  bucketWrite: BucketRef[]
}

export type TokenKind = 'operator' | 'all-access' | 'read-write' | 'custom'

function bucketPermissions(action: Action, orgID: string, access: BucketAccess): Permission[] {
  if (access.all) return [{ action, resource: { type: 'buckets', orgID } }]
  return access.buckets.map((bucket) => ({
    action,
    resource: { type: 'buckets', orgID, id: bucket.id, name: bucket.name },
  }))
}

export function buildReadWritePermissions(orgID: string, read: BucketAccess, write: BucketAccess): Permission[] {
  return uniquePermissions([
    ...bucketPermissions('read', orgID, read),
    ...bucketPermissions('write', orgID, write),
  ])
}

interface CustomContext {
  orgID: string
  orgName: string
  userID: string
}

function typeWideResource(type: string, ctx: CustomContext): Resource {
  if (type === 'orgs') return { type, id: ctx.orgID, name: ctx.orgName }
  if (type === 'users') return { type, id: ctx.userID }
  return { type, orgID: ctx.orgID }
}

function individualBuckets(action: Action, orgID: string, buckets: BucketRef[], typeWide: boolean): Permission[] {
  // A ticked "All Buckets" box already covers every bucket, so listing them would only add noise.
  return typeWide ? [] : bucketPermissions(action, orgID, { all: false, buckets })
}

/** Like InfluxDB UI's `formatApiPermissions` for the Custom dialog (influxdb-ui.md §2(a)). */
export function buildCustomPermissions(ctx: CustomContext, sel: CustomSelection): Permission[] {
  const typeWide = Object.entries(sel.types).flatMap(([type, access]) =>
    ACTIONS.filter((action) => access[action]).map((action) => ({ action, resource: typeWideResource(type, ctx) })),
  )
  const bucketsRow = sel.types.buckets
  return uniquePermissions([
    ...typeWide,
    ...individualBuckets('read', ctx.orgID, sel.bucketRead, bucketsRow?.read === true),
    ...individualBuckets('write', ctx.orgID, sel.bucketWrite, bucketsRow?.write === true),
  ])
}

function isGlobal(resource: Resource): boolean {
  return resource.id === undefined && resource.orgID === undefined
}

function isOrgWide(resource: Resource): boolean {
  return resource.id === undefined && resource.orgID !== undefined
}

function hasPermission(permissions: Permission[], action: Action, matches: (resource: Resource) => boolean): boolean {
  return permissions.some((p) => p.action === action && matches(p.resource))
}

/** Global read+write on tokens: such a token can mint any other token, so it is an operator. */
function isOperator(permissions: Permission[]): boolean {
  const globalTokens = (r: Resource) => r.type === 'authorizations' && isGlobal(r)
  return ACTIONS.every((action) => hasPermission(permissions, action, globalTokens))
}

/**
 * The all-access shape for one org O: read on `orgs` id=O; `users` only by id; every other
 * permission org-wide on O, each type with both read and write, tokens and buckets among them.
 * The set of types is not fixed, since it follows the server version that built the token.
 */
function isAllAccess(permissions: Permission[]): boolean {
  const orgID = permissions.find((p) => p.resource.type === 'authorizations' && isOrgWide(p.resource))?.resource.orgID
  if (orgID === undefined) return false
  if (!hasPermission(permissions, 'read', (r) => r.type === 'orgs' && r.id === orgID)) return false

  const orgWide = permissions.filter((p) => p.resource.type !== 'orgs' && p.resource.type !== 'users')
  const othersFit = permissions.every((p) => {
    const r = p.resource
    if (r.type === 'orgs') return p.action === 'read' && r.id === orgID
    if (r.type === 'users') return r.id !== undefined && r.orgID === undefined
    return isOrgWide(r) && r.orgID === orgID
  })
  const types = new Set(orgWide.map((p) => p.resource.type))
  const bothActions = [...types].every((type) =>
    ACTIONS.every((action) => hasPermission(orgWide, action, (r) => r.type === type)),
  )
  return othersFit && bothActions && types.has('authorizations') && types.has('buckets')
}

export function tokenKind(permissions: Permission[]): TokenKind {
  if (isOperator(permissions)) return 'operator'
  if (isAllAccess(permissions)) return 'all-access'
  if (permissions.length > 0 && permissions.every((p) => p.resource.type === 'buckets')) return 'read-write'
  return 'custom'
}

function addBucketRef(list: BucketRef[], resource: Resource & { id: string }): void {
  if (!list.some((bucket) => bucket.id === resource.id)) list.push({ id: resource.id, name: resource.name ?? '' })
}

/** The bucket part of a permission list as the Read/Write dialog's two columns. */
export function readWriteFromPermissions(permissions: Permission[]): { read: BucketAccess; write: BucketAccess } {
  const result = { read: { all: false, buckets: [] as BucketRef[] }, write: { all: false, buckets: [] as BucketRef[] } }
  for (const { action, resource } of permissions) {
    if (resource.type !== 'buckets') continue
    const side = result[action]
    if (resource.id === undefined) side.all = true
    else addBucketRef(side.buckets, { ...resource, id: resource.id })
  }
  return result
}

/**
 * The inverse of buildCustomPermissions. Individual resources other than buckets, orgs and users
 * (one Telegraf config, say) have no place in a CustomSelection and are left out.
 */
export function customFromPermissions(permissions: Permission[]): CustomSelection {
  const sel: CustomSelection = { types: {}, bucketRead: [], bucketWrite: [] }
  for (const { action, resource } of permissions) {
    const { type, id } = resource
    if (type === 'buckets' && id !== undefined) {
      addBucketRef(action === 'read' ? sel.bucketRead : sel.bucketWrite, { ...resource, id })
    } else if (id === undefined || type === 'orgs' || type === 'users') {
      const access = (sel.types[type] ??= { read: false, write: false })
      access[action] = true
    }
  }
  return sel
}
