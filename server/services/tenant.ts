import type { Permission } from '../auth/permissions.ts'
import { type Authorization, type Bucket, INSTANCE_ID, type Org, type Status, type User } from '../domain.ts'
import type { Store } from '../db/store.ts'
import { conflict, invalid } from '../http/errors.ts'
import { hashToken, newToken, randomId, snowflakeId, timestamp } from '../ids.ts'
import type { Names } from '../responses.ts'

// These functions write without opening a transaction: callers wrap a whole request's work in
// store.db.transaction() so it lands completely or not at all.

export function createUser(store: Store, input: { name: string; status?: Status; passwordHash?: string }): User {
  const name = input.name.trim()
  if (name === '') throw invalid('user name is empty')
  if (store.users.byName(name)) throw conflict(`user with name ${name} already exists`)
  const now = timestamp()
  const user: User = { id: snowflakeId(), name, status: input.status ?? 'active', createdAt: now, updatedAt: now }
  store.users.insert(user, input.passwordHash ?? null)
  return user
}

const DAY = 24 * 3600

/** InfluxDB's default shard-group duration for a retention period (0 = infinite). */
export function defaultShardGroupSeconds(retentionSeconds: number): number {
  if (retentionSeconds === 0 || retentionSeconds >= 180 * DAY) return 7 * DAY
  if (retentionSeconds < 2 * DAY) return 3600
  return DAY
}

export interface BucketInput {
  orgID: string
  name: string
  description?: string
  retentionSeconds: number
  shardGroupSeconds?: number
  type?: 'user' | 'system'
}

export function createBucket(store: Store, input: BucketInput): Bucket {
  const type = input.type ?? 'user'
  const name = input.name.trim()
  if (name === '') throw invalid('bucket name is empty')
  if (name.startsWith('_') && type !== 'system') {
    throw invalid(`bucket name ${name} is invalid. Buckets may not start with underscore`)
  }
  if (name.includes('"')) throw invalid(`bucket name ${name} is invalid. Bucket names may not include quotation marks`)
  if (store.buckets.byName(input.orgID, name)) throw conflict(`bucket with name ${name} already exists`)
  const now = timestamp()
  const bucket: Bucket = {
    id: randomId(),
    orgID: input.orgID,
    type,
    name,
    description: input.description || null,
    retentionSeconds: input.retentionSeconds,
    shardGroupSeconds: input.shardGroupSeconds || defaultShardGroupSeconds(input.retentionSeconds),
    createdAt: now,
    updatedAt: now,
  }
  store.buckets.insert(bucket)
  return bucket
}

/** Creates an org with its `_monitoring` and `_tasks` system buckets; `ownerID` becomes its owner. */
export function createOrg(store: Store, input: { name: string; description?: string }, ownerID?: string): Org {
  const name = input.name.trim()
  if (name === '') throw invalid('org name is empty')
  if (store.orgs.byName(name)) throw conflict(`organization with name ${name} already exists`)
  const now = timestamp()
  const org: Org = { id: randomId(), name, description: input.description ?? '', createdAt: now, updatedAt: now }
  store.orgs.insert(org)
  if (ownerID) store.memberships.insert(ownerID, { resourceType: 'orgs', resourceID: org.id, role: 'owner' })
  createBucket(store, {
    orgID: org.id,
    name: '_monitoring',
    description: 'System bucket for monitoring logs',
    retentionSeconds: 7 * DAY,
    type: 'system',
  })
  createBucket(store, {
    orgID: org.id,
    name: '_tasks',
    description: 'System bucket for task logs',
    retentionSeconds: 3 * DAY,
    type: 'system',
  })
  return org
}

export function makeInstanceOwner(store: Store, userID: string): void {
  store.memberships.insert(userID, { resourceType: 'instance', resourceID: INSTANCE_ID, role: 'owner' })
}

export interface AuthorizationInput {
  orgID: string
  userID: string
  permissions: Permission[]
  description?: string
  status?: Status
  /** Only setup may choose the token value. */
  token?: string
}

/** Stores a new authorization (only the token's hash) and returns it with the plaintext token. */
export function insertAuthorization(store: Store, input: AuthorizationInput): { authorization: Authorization; token: string } {
  const token = input.token ?? newToken()
  const tokenHash = hashToken(token)
  if (store.authorizations.tokenHashExists(tokenHash)) throw conflict('token already exists')
  const now = timestamp()
  const authorization: Authorization = {
    id: snowflakeId(),
    status: input.status ?? 'active',
    description: input.description ?? '',
    orgID: input.orgID,
    userID: input.userID,
    permissions: input.permissions,
    createdAt: now,
    updatedAt: now,
  }
  store.authorizations.insert(authorization, tokenHash)
  return { authorization, token }
}

/** Name lookups for authorization responses: three queries, whatever the number of tokens. */
export function loadNames(store: Store): Names {
  return {
    users: new Map(store.users.all().map((u) => [u.id, u.name])),
    orgs: new Map(store.orgs.all().map((o) => [o.id, o.name])),
    buckets: store.buckets.names(),
  }
}
