/**
 * Wire types for the InfluxDB 2.x endpoints the UI uses, named after the components of the
 * official OSS OpenAPI contract (contracts/oss.yml) and narrowed to what a real server sends.
 * No React or DOM imports: pure types and constants. The permission and request types are
 * inferred from the schemas the embedded server validates with (authorization-schema.ts).
 */
import type { z } from 'zod'
import type {
  actionSchema,
  authorizationPostRequestSchema,
  authorizationStatusSchema,
  authorizationUpdateRequestSchema,
  permissionSchema,
  resourceSchema,
} from './authorization-schema'

/** `Permission.action` */
export type Action = z.infer<typeof actionSchema>

/** The resource types an OSS 2.x server accepts (`GET /api/v2/resources`), in the server's order. */
export const OSS_RESOURCE_TYPES = [
  'authorizations',
  'buckets',
  'dashboards',
  'orgs',
  'sources',
  'tasks',
  'telegrafs',
  'users',
  'variables',
  'scrapers',
  'secrets',
  'labels',
  'views',
  'documents',
  'notificationRules',
  'notificationEndpoints',
  'checks',
  'dbrp',
  'notebooks',
  'annotations',
  'remotes',
  'replications',
  'instance',
] as const

/** `Resource.type`: a string, since a newer server or InfluxDB Cloud may know more types. */
export type ResourceType = string

/** `Resource`: on input the server reads `type`, `id` and `orgID`; it adds `name` and `org` on output. */
export type Resource = z.infer<typeof resourceSchema>

/** `Permission` */
export type Permission = z.infer<typeof permissionSchema>

export type AuthorizationStatus = z.infer<typeof authorizationStatusSchema>

/** `AuthorizationPostRequest` */
export type AuthorizationPostRequest = z.infer<typeof authorizationPostRequestSchema>

/** `AuthorizationUpdateRequest` */
export type AuthorizationUpdateRequest = z.infer<typeof authorizationUpdateRequestSchema>

/** `Authorization`: `token` is the plaintext only in the 201 of a POST; `""` afterwards on 2.9+. */
export interface Authorization {
  id: string
  token: string
  status: AuthorizationStatus
  description: string
  orgID: string
  org: string
  userID: string
  user: string
  permissions: Permission[]
  createdAt: string
  updatedAt: string
  /** Optional as in the contract: the token list is kept without them (see normalise-authorizations.ts). */
  links?: { self: string; user: string }
}

/** `Links` */
export interface Links {
  self: string
  next?: string
  prev?: string
}

/** `Authorizations` */
export interface Authorizations {
  links: Links
  authorizations: Authorization[]
}

/** `RetentionRule` */
export interface RetentionRule {
  type: 'expire'
  everySeconds: number
  shardGroupDurationSeconds?: number
}

/** `Bucket` */
export interface Bucket {
  id: string
  orgID: string
  type: 'user' | 'system'
  name: string
  description?: string
  retentionRules: RetentionRule[]
  createdAt?: string
  updatedAt?: string
}

/** `Buckets` */
export interface Buckets {
  links: Links
  buckets: Bucket[]
}

/** `Organization` */
export interface Organization {
  id: string
  name: string
  description?: string
  createdAt?: string
  updatedAt?: string
}

/** `Organizations` */
export interface Organizations {
  links: Links
  orgs: Organization[]
}

/** `UserResponse` */
export interface User {
  id: string
  name: string
  status?: 'active' | 'inactive'
}

/** `Users` */
export interface Users {
  links: Links
  users: User[]
}

/** `IsOnboarding` */
export interface IsOnboarding {
  allowed: boolean
}

/** `OnboardingRequest` */
export interface OnboardingRequest {
  username: string
  password: string
  org: string
  bucket: string
  retentionPeriodSeconds?: number
}

/** `Error`: the OSS server emits only `code` and `message`. */
export interface ApiErrorBody {
  code: string
  message: string
}
