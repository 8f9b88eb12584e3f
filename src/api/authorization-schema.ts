/**
 * The permission, resource and authorization request types of the contract, as zod schemas: the
 * app's types are inferred from them (type-only imports keep zod out of the app's entry chunk) and
 * the embedded server validates its requests with them, in InfluxDB's words and order.
 *
 * InfluxDB answers a request in two passes, and so does the server: first the JSON decoding (a
 * wrong JSON type or a malformed ID is `invalid json structure: …`, whichever field it is in), then
 * the request's own rules (permissions present and known, an org). The `…Json` schemas are the
 * first pass, the `…Request` schemas the second.
 */
import { z } from 'zod'
import { OSS_RESOURCE_TYPES } from './contract'
import { jsonArray, jsonId, jsonObject, jsonText } from './json-schema'

// --- The request's rules: the contract ---

export const actionSchema = z.enum(['read', 'write'], 'invalid action type for permission: unknown action for permission')

const UNKNOWN_TYPE = 'invalid resource type for permission: unknown resource type for permission'
const ossResourceTypes: ReadonlySet<string> = new Set(OSS_RESOURCE_TYPES)

/**
 * `Resource`. `type` stays a string in the app's types (a newer server or InfluxDB Cloud lists more
 * types); a request to this server must name one it knows. The server ignores `name` and `org` on
 * input and adds them on output.
 */
export const resourceSchema = z.object({
  type: z.string(UNKNOWN_TYPE).refine((type) => ossResourceTypes.has(type), UNKNOWN_TYPE),
  id: z.string().optional(),
  orgID: z.string().optional(),
  name: z.string().optional().catch(undefined),
  org: z.string().optional().catch(undefined),
})

/** `Permission`. The resource is checked before the action, as InfluxDB does. */
export const permissionSchema = z.object({ resource: resourceSchema, action: actionSchema })

export const authorizationStatusSchema = z.enum(['active', 'inactive'])

/** `AuthorizationPostRequest`, its rules in InfluxDB's order: permissions, then org, then status. */
export const authorizationPostRequestSchema = z.object({
  permissions: z.array(permissionSchema).min(1, 'authorization must include permissions'),
  orgID: z.string('org id required: invalid ID'),
  status: z.enum(authorizationStatusSchema.options, 'invalid status: must be active or inactive').optional(),
  userID: z.string().optional(),
  description: z.string().optional(),
})

/** `AuthorizationUpdateRequest`: only status and description can change. */
export const authorizationUpdateRequestSchema = z.object({
  status: z.enum(authorizationStatusSchema.options, 'unknown authorization status').optional(),
  description: z.string().optional(),
})

// --- JSON decoding: the first pass, for the server ---

/** Only `action`, `resource.type`, `resource.id` and `resource.orgID` are read. */
const permissionJson = jsonObject({
  action: z.unknown().optional(),
  resource: jsonObject({ type: z.unknown().optional(), id: jsonId, orgID: jsonId })
    .nullish()
    .transform((value) => value ?? {}),
})

export const authorizationPostJson = jsonObject({
  orgID: jsonId,
  userID: jsonId,
  description: jsonText,
  // InfluxDB reads an empty status as none (then `active`).
  status: jsonText.transform((value) => value || undefined),
  permissions: jsonArray(permissionJson).transform((value) => value ?? []),
})

export const authorizationUpdateJson = jsonObject({ description: jsonText, status: jsonText })
