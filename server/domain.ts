import type { Permission } from './auth/permissions.ts'

export type Status = 'active' | 'inactive'

export interface User {
  id: string
  name: string
  status: Status
  createdAt: string
  updatedAt: string
}

export interface Org {
  id: string
  name: string
  description: string
  createdAt: string
  updatedAt: string
}

export interface Bucket {
  id: string
  orgID: string
  type: 'user' | 'system'
  name: string
  description: string | null
  retentionSeconds: number
  shardGroupSeconds: number
  createdAt: string
  updatedAt: string
}

export interface Authorization {
  id: string
  status: Status
  description: string
  orgID: string
  userID: string
  permissions: Permission[]
  createdAt: string
  updatedAt: string
}

/** An authorization row as the list reads it: permissions still as stored JSON text. */
export interface AuthorizationRecord {
  id: string
  status: Status
  description: string
  orgID: string
  userID: string
  permissions: string
  createdAt: string
  updatedAt: string
}

export type AuthorizationVersion = Pick<AuthorizationRecord, 'id' | 'orgID' | 'userID' | 'updatedAt'>

/** The Authorization of a record, parsing its permissions. */
export const parseAuthorization = (r: AuthorizationRecord): Authorization => ({ ...r, permissions: JSON.parse(r.permissions) as Permission[] })

export type MembershipResource = 'orgs' | 'buckets' | 'instance'
export type Role = 'owner' | 'member'

export interface Membership {
  resourceType: MembershipResource
  resourceID: string
  role: Role
}

/** The instance resource's ID, as InfluxDB uses for the setup user's ownership mapping. */
export const INSTANCE_ID = '0000000000000001'

export type FieldValue =
  | { type: 'float'; value: number }
  | { type: 'integer' | 'unsigned'; value: string }
  | { type: 'string'; value: string }
  | { type: 'boolean'; value: boolean }

export interface Point {
  measurement: string
  tags: Record<string, string>
  fields: Record<string, FieldValue>
  time: bigint
}

export interface Page {
  offset: number
  limit: number
  descending: boolean
  after?: string
}

export interface BucketFilter {
  id?: string
  orgID?: string
  name?: string
}

export interface AuthorizationFilter {
  id?: string
  orgID?: string
  userID?: string
}
