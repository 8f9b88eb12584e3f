/** What a token can do, in words: a table-cell summary, grouped lines and a plain paragraph. */
import type { Action, Authorization, Permission, Resource } from '@/api/contract'
import { uniquePermissions } from '@/api/permission-sets'
import { tokenKind } from './permissions'

export interface NameLookup {
  bucketName(id: string): string | undefined
  orgName(id: string): string | undefined
}

export interface PermissionLine {
  action: Action
  type: string
  target: string
  /** A bucket the server no longer knows: no name came with it and the lookup has none. */
  deleted: boolean
}

/** One action's bucket permissions: id-less wildcards and the explicit buckets, unique by id. */
interface BucketSide {
  wildcards: Resource[]
  buckets: Array<Resource & { id: string }>
}

function bucketSide(permissions: Permission[], action: Action): BucketSide | null {
  const side: BucketSide = { wildcards: [], buckets: [] }
  for (const p of permissions) {
    const { resource } = p
    if (p.action !== action || resource.type !== 'buckets') continue
    const { id } = resource
    if (id === undefined) side.wildcards.push(resource)
    else if (!side.buckets.some((bucket) => bucket.id === id)) side.buckets.push({ ...resource, id })
  }
  return side.wildcards.length + side.buckets.length > 0 ? side : null
}

function plural(count: number, noun: string): string {
  return count === 1 ? noun : `${noun}s`
}

function countText(side: BucketSide): string {
  return side.wildcards.length > 0 ? 'all' : String(side.buckets.length)
}

/** "Read 2 · Write 1 bucket": the noun agrees with the last count ("all" takes the plural). */
function bucketSummary(read: BucketSide | null, write: BucketSide | null): string {
  const sides = [
    { label: 'Read', side: read },
    { label: 'Write', side: write },
  ].flatMap(({ label, side }) => (side ? [{ label, count: countText(side) }] : []))
  const noun = sides.at(-1)?.count === '1' ? 'bucket' : 'buckets'
  return `${sides.map(({ label, count }) => `${label} ${count}`).join(' · ')} ${noun}`
}

// The token list shares each permission list among its tokens, and no list is changed once read:
// a list's summary is worked out once, not on every row that scrolls or filters into view.
const summaries = new WeakMap<readonly Permission[], string>()

/** Short text for a table cell. */
export function scopeSummary({ permissions }: Pick<Authorization, 'permissions'>): string {
  let summary = summaries.get(permissions)
  if (summary === undefined) summaries.set(permissions, (summary = summarize(permissions)))
  return summary
}

function summarize(permissions: Permission[]): string {
  switch (tokenKind(permissions)) {
    case 'operator':
      return 'Operator'
    case 'all-access':
      return 'All-Access'
    case 'read-write':
      return bucketSummary(bucketSide(permissions, 'read'), bucketSide(permissions, 'write'))
    case 'custom': {
      const count = uniquePermissions(permissions).length
      return `Custom · ${count} ${plural(count, 'permission')}`
    }
  }
}

/** The org's name: the server's, else a lookup, else its id. */
function orgLabel(orgID: string, org: string | undefined, names: NameLookup): string {
  return org ?? names.orgName(orgID) ?? orgID
}

/** The name of a resource given by id: the server's, else a lookup, else the id itself. */
function idTarget(resource: Resource & { id: string }, names: NameLookup): Pick<PermissionLine, 'target' | 'deleted'> {
  if (resource.name !== undefined) return { target: resource.name, deleted: false }
  if (resource.type === 'buckets') {
    const name = names.bucketName(resource.id)
    return { target: name ?? resource.id, deleted: name === undefined }
  }
  const name = resource.type === 'orgs' ? names.orgName(resource.id) : undefined
  return { target: name ?? resource.id, deleted: false }
}

function permissionLine({ action, resource }: Permission, names: NameLookup): PermissionLine {
  const { type, id } = resource
  if (id !== undefined) return { action, type, ...idTarget({ ...resource, id }, names) }
  if (resource.orgID !== undefined) {
    return { action, type, target: `all in ${orgLabel(resource.orgID, resource.org, names)}`, deleted: false }
  }
  return { action, type, target: 'all orgs', deleted: false }
}

/** Lines grouped by resource type, the groups in order of first appearance. */
export function permissionLines(permissions: Permission[], names: NameLookup): Array<{ type: string; lines: PermissionLine[] }> {
  const groups = new Map<string, PermissionLine[]>()
  for (const permission of permissions) {
    const line = permissionLine(permission, names)
    const lines = groups.get(line.type)
    if (lines) lines.push(line)
    else groups.set(line.type, [line])
  }
  return [...groups].map(([type, lines]) => ({ type, lines }))
}

/** "a, b and c"; `conjunction` is "or" for things a token cannot do. */
function joinList(items: string[], conjunction = 'and'): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1)}`
}

const MAX_NAMES = 5

/** "(a, b, c, d, e and 3 more)": long bucket lists would swamp the sentence. */
function nameList(targets: string[]): string {
  const shown = targets.slice(0, MAX_NAMES).join(', ')
  const more = targets.length - MAX_NAMES
  return more > 0 ? `(${shown} and ${more} more)` : `(${shown})`
}

function describedName(resource: Resource & { id: string }, names: NameLookup): string {
  const { target, deleted } = idTarget(resource, names)
  return deleted ? `deleted bucket ${target}` : target
}

/** Where a type-wide permission applies: its org, or every org when it has none (operator style). */
function scopeText(resources: Resource[], names: NameLookup): string {
  const labels = new Set<string>()
  for (const { orgID, org } of resources) {
    if (orgID === undefined) return 'in every organization'
    labels.add(orgLabel(orgID, org, names))
  }
  return `in ${joinList([...labels])}`
}

function sideText(side: BucketSide, names: NameLookup, noun = true): string {
  if (side.wildcards.length > 0) return `all buckets ${scopeText(side.wildcards, names)}, including buckets created later`
  const count = side.buckets.length
  const label = noun ? ` ${plural(count, 'bucket')}` : ''
  return `${count}${label} ${nameList(side.buckets.map((bucket) => describedName(bucket, names)))}`
}

function sameSide(a: BucketSide, b: BucketSide, names: NameLookup): boolean {
  const key = (side: BucketSide) =>
    side.wildcards.length > 0 ? scopeText(side.wildcards, names) : `#${side.buckets.map((bucket) => bucket.id).sort().join()}`
  return key(a) === key(b)
}

/** The "Can ..." sentence of a bucket-only token. */
function bucketSentence(read: BucketSide | null, write: BucketSide | null, names: NameLookup): string {
  if (read && write && sameSide(read, write, names)) return `Can read and write ${sideText(read, names)}.`
  if (read && write) {
    // After an explicit read list, "and write 1 (a)" reads better without repeating "bucket".
    const readText = sideText(read, names)
    const joiner = read.wildcards.length > 0 ? ', and write' : ' and write'
    return `Can read ${readText}${joiner} ${sideText(write, names, read.wildcards.length > 0)}.`
  }
  if (read) return `Can read ${sideText(read, names)}.`
  // A read-write token has at least one bucket permission, so without reads there are writes.
  return `Can write ${sideText(write as BucketSide, names)}.`
}

const TYPE_LABELS: Record<string, string> = {
  authorizations: 'tokens',
  orgs: 'organizations',
  telegrafs: 'Telegraf configurations',
  dbrp: 'DBRP mappings',
  notificationRules: 'notification rules',
  notificationEndpoints: 'notification endpoints',
}

function typeLabel(type: string): string {
  return TYPE_LABELS[type] ?? type
}

interface Grant {
  resource: Resource
  actions: Set<Action>
}

/** Permissions merged per target (a type in one scope, or one resource id) with their actions. */
function grantsOf(permissions: Permission[]): Grant[] {
  const grants = new Map<string, Grant>()
  for (const { action, resource } of permissions) {
    const target = resource.id === undefined ? (resource.orgID ?? '') : `#${resource.id}`
    const key = `${resource.type}|${target}`
    const grant = grants.get(key) ?? { resource, actions: new Set<Action>() }
    grant.actions.add(action)
    grants.set(key, grant)
  }
  return [...grants.values()]
}

/** One clause per scope ("dashboards and tasks in acme") and per type of named resources. */
function clauses(verb: string, grants: Grant[], names: NameLookup): string[] {
  const typesByScope = new Map<string, string[]>()
  const namesByType = new Map<string, string[]>()
  for (const { resource } of grants) {
    const { id } = resource
    if (id === undefined) {
      const scope = scopeText([resource], names)
      typesByScope.set(scope, [...(typesByScope.get(scope) ?? []), typeLabel(resource.type)])
    } else {
      namesByType.set(resource.type, [...(namesByType.get(resource.type) ?? []), describedName({ ...resource, id }, names)])
    }
  }
  return [
    ...[...typesByScope].map(([scope, types]) => `${verb} ${joinList(types)} ${scope}`),
    ...[...namesByType].map(([type, targets]) => `${verb} ${typeLabel(type)} ${nameList(targets)}`),
  ]
}

/** The "Can ..." sentence of a custom token: read-and-write grants first, then read, then write. */
function customSentence(permissions: Permission[], names: NameLookup): string {
  const grants = grantsOf(permissions)
  const both = grants.filter((g) => g.actions.size === 2)
  const only = (action: Action) => grants.filter((g) => g.actions.size === 1 && g.actions.has(action))
  const parts = [
    ...clauses('read and write', both, names),
    ...clauses('read', only('read'), names),
    ...clauses('write', only('write'), names),
  ]
  return `Can ${parts.join('; ')}.`
}

const SENSITIVE: ReadonlyArray<[type: string, label: string]> = [
  ['authorizations', 'tokens'],
  ['users', 'users'],
  ['tasks', 'tasks'],
]

/**
 * Names what the token cannot change among the powerful types, so a reader need not infer it.
 * Managing means type-wide write: writing one user by id (the token's own) manages nobody else.
 */
function cannotSentence(permissions: Permission[]): string {
  const typeWideWrites = permissions.filter((p) => p.action === 'write' && p.resource.id === undefined)
  const written = new Set(typeWideWrites.map((p) => p.resource.type))
  const missing = SENSITIVE.filter(([type]) => !written.has(type)).map(([, label]) => label)
  return missing.length > 0 ? ` Cannot manage ${joinList(missing, 'or')}.` : ''
}

/** One plain-language paragraph about what a token can and cannot do. */
export function describeAccess(permissions: Permission[], names: NameLookup): string {
  if (permissions.length === 0) return 'Has no permissions.'
  switch (tokenKind(permissions)) {
    case 'operator':
      return 'Operator: full read and write access to every resource in every organization, including all tokens and users.'
    case 'all-access': {
      const orgWide = permissions.map((p) => p.resource).filter((r) => r.orgID !== undefined)
      return `Full access to everything ${scopeText(orgWide, names)}: can create, update, delete, read and write any resource.`
    }
    case 'read-write': {
      const can = bucketSentence(bucketSide(permissions, 'read'), bucketSide(permissions, 'write'), names)
      return can + cannotSentence(permissions)
    }
    case 'custom':
      return customSentence(uniquePermissions(permissions), names) + cannotSentence(permissions)
  }
}
