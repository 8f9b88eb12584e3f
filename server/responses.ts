import type { Permission } from './auth/permissions.ts'
import type { Authorization, Bucket, Org, User } from './domain.ts'

/** UserResponse: `oauthID` is omitted when empty. */
export function userResponse(u: User) {
  return { links: { self: `/api/v2/users/${u.id}` }, id: u.id, name: u.name, status: u.status }
}

/** Organization as OSS returns it: no `status`, no `defaultStorageType`, plus a `logs` link. */
export function orgResponse(o: Org) {
  const name = encodeURIComponent(o.name)
  return {
    links: {
      self: `/api/v2/orgs/${o.id}`,
      logs: `/api/v2/orgs/${o.id}/logs`,
      members: `/api/v2/orgs/${o.id}/members`,
      owners: `/api/v2/orgs/${o.id}/owners`,
      secrets: `/api/v2/orgs/${o.id}/secrets`,
      labels: `/api/v2/orgs/${o.id}/labels`,
      buckets: `/api/v2/buckets?org=${name}`,
      tasks: `/api/v2/tasks?org=${name}`,
      dashboards: `/api/v2/dashboards?org=${name}`,
    },
    id: o.id,
    name: o.name,
    description: o.description,
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
  }
}

/** Bucket: `retentionRules` is [] only when there is neither retention nor shard duration. */
export function bucketResponse(b: Bucket) {
  const retentionRules =
    b.retentionSeconds > 0 || b.shardGroupSeconds > 0
      ? [{ type: 'expire', everySeconds: b.retentionSeconds, shardGroupDurationSeconds: b.shardGroupSeconds }]
      : []
  return {
    id: b.id,
    orgID: b.orgID,
    type: b.type,
    name: b.name,
    ...(b.description ? { description: b.description } : {}),
    retentionRules,
    createdAt: b.createdAt,
    updatedAt: b.updatedAt,
    links: {
      self: `/api/v2/buckets/${b.id}`,
      org: `/api/v2/orgs/${b.orgID}`,
      members: `/api/v2/buckets/${b.id}/members`,
      owners: `/api/v2/buckets/${b.id}/owners`,
      labels: `/api/v2/buckets/${b.id}/labels`,
      write: `/api/v2/write?org=${b.orgID}&bucket=${b.id}`,
    },
    labels: [],
  }
}

const authLinks = (a: Authorization) => ({ self: `/api/v2/authorizations/${a.id}`, user: `/api/v2/users/${a.userID}` })

/** The stored struct as POST /setup returns it: no names anywhere. */
export function rawAuthorizationResponse(a: Authorization, token: string) {
  return {
    id: a.id,
    token,
    status: a.status,
    description: a.description,
    orgID: a.orgID,
    userID: a.userID,
    permissions: a.permissions,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    links: authLinks(a),
  }
}

/** id → name lookups for naming authorizations, built once per request. */
export interface Names {
  users: Map<string, string>
  orgs: Map<string, string>
  buckets: Map<string, string>
}

/**
 * Adds names to permissions like InfluxDB's newPermissionsResponse: `name` for an existing bucket,
 * org or user id, `org` for the orgID; when the id is unknown the org name is skipped too.
 */
function namedPermissions(permissions: Permission[], names: Names) {
  return permissions.map((p) => {
    const resource: Record<string, string> = { ...p.resource }
    const { type, id, orgID } = p.resource
    if (id !== undefined) {
      const lookup = type === 'buckets' ? names.buckets : type === 'orgs' ? names.orgs : type === 'users' ? names.users : undefined
      const name = lookup?.get(id)
      if (lookup && name === undefined) return { action: p.action, resource }
      if (name !== undefined) resource.name = name
    }
    if (orgID !== undefined) {
      const org = names.orgs.get(orgID)
      if (org !== undefined) resource.org = org
    }
    return { action: p.action, resource }
  })
}

/**
 * An Authorization response with names, or undefined when its user or org is gone (InfluxDB
 * skips those in lists). The token is only given right after creation.
 */
export function authorizationResponse(a: Authorization, names: Names, token = '') {
  const org = names.orgs.get(a.orgID)
  const user = names.users.get(a.userID)
  if (org === undefined || user === undefined) return undefined
  return {
    id: a.id,
    token,
    status: a.status,
    description: a.description,
    orgID: a.orgID,
    org,
    userID: a.userID,
    user,
    permissions: namedPermissions(a.permissions, names),
    links: authLinks(a),
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  }
}
