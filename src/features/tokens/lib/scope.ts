/** What a token can do, in words: a table-cell summary, grouped lines and a plain paragraph. */
import type { Action, Authorization, Permission, Resource } from '@/api/contract'
import { uniquePermissions } from '@/api/permission-sets'
import { allOfType, grantPhrase, joinList, namedOfType, orgsWords, type GrantVerb } from './grant-phrase'
import { tokenKind } from './permissions'
import { typeNoun } from './resource-types'

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
  const orgs = resource.orgID === undefined ? null : [orgLabel(resource.orgID, resource.org, names)]
  return { action, type, target: allOfType(type, orgs), deleted: false }
}

/** One permission as a phrase: "write data in bucket beta", "read all dashboards of acme". */
export function permissionPhrase(permission: Permission, names: NameLookup): string {
  const { resource } = permission
  const { id } = resource
  const target = id === undefined ? permissionLine(permission, names).target : namedOfType(resource.type, [describedName({ ...resource, id }, names)])
  return grantPhrase(permission.action, resource.type, target)
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

function describedName(resource: Resource & { id: string }, names: NameLookup): string {
  const { target, deleted } = idTarget(resource, names)
  return deleted ? `deleted bucket ${target}` : target
}

/** The orgs type-wide permissions apply to, by name; null when one has no org (operator style). */
function scopeOrgs(resources: Resource[], names: NameLookup): string[] | null {
  const labels = new Set<string>()
  for (const { orgID, org } of resources) {
    if (orgID === undefined) return null
    labels.add(orgLabel(orgID, org, names))
  }
  return [...labels]
}

function sidePhrase(verb: GrantVerb, side: BucketSide, names: NameLookup): string {
  const target =
    side.wildcards.length > 0
      ? allOfType('buckets', scopeOrgs(side.wildcards, names))
      : namedOfType('buckets', side.buckets.map((bucket) => describedName(bucket, names)))
  return grantPhrase(verb, 'buckets', target)
}

function sameSide(a: BucketSide, b: BucketSide, names: NameLookup): boolean {
  const key = (side: BucketSide) =>
    side.wildcards.length > 0 ? orgsWords(scopeOrgs(side.wildcards, names)) : `#${side.buckets.map((bucket) => bucket.id).sort().join()}`
  return key(a) === key(b)
}

/** The "Can ..." sentence of a bucket-only token. */
function bucketSentence(read: BucketSide | null, write: BucketSide | null, names: NameLookup): string {
  if (read && write && sameSide(read, write, names)) return `Can ${sidePhrase('read and write', read, names)}.`
  // A wildcard phrase ends in a clause of its own, so the next one needs a comma.
  if (read && write) return `Can ${sidePhrase('read', read, names)}${read.wildcards.length > 0 ? ',' : ''} and ${sidePhrase('write', write, names)}.`
  if (read) return `Can ${sidePhrase('read', read, names)}.`
  // A read-write token has at least one bucket permission, so without reads there are writes.
  return `Can ${sidePhrase('write', write as BucketSide, names)}.`
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

/**
 * One clause per scope ("all dashboards and tasks of acme") and per type of named resources;
 * type-wide buckets get a clause of their own, the one every bucket grant is described by.
 */
function clauses(verb: GrantVerb, grants: Grant[], names: NameLookup): string[] {
  const typesByScope = new Map<string, { orgs: string[] | null; types: string[] }>()
  const namesByType = new Map<string, string[]>()
  const phrases: string[] = []
  for (const { resource } of grants) {
    const { id } = resource
    if (id !== undefined) {
      namesByType.set(resource.type, [...(namesByType.get(resource.type) ?? []), describedName({ ...resource, id }, names)])
      continue
    }
    const orgs = scopeOrgs([resource], names)
    if (resource.type === 'buckets') {
      phrases.push(grantPhrase(verb, 'buckets', allOfType('buckets', orgs)))
      continue
    }
    const key = orgsWords(orgs)
    const entry = typesByScope.get(key) ?? { orgs, types: [] }
    entry.types.push(typeNoun(resource.type))
    typesByScope.set(key, entry)
  }
  return [
    ...phrases,
    ...[...typesByScope.values()].map(({ orgs, types }) => `${verb} all ${joinList(types)} of ${orgsWords(orgs)}`),
    ...[...namesByType].map(([type, targets]) => grantPhrase(verb, type, namedOfType(type, targets))),
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
      return `Full access to everything in ${orgsWords(scopeOrgs(orgWide, names))}: can create, update, delete, read and write any resource.`
    }
    case 'read-write': {
      const can = bucketSentence(bucketSide(permissions, 'read'), bucketSide(permissions, 'write'), names)
      return can + cannotSentence(permissions)
    }
    case 'custom':
      return customSentence(uniquePermissions(permissions), names) + cannotSentence(permissions)
  }
}
