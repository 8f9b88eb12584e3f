import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { authorizationPostJson, authorizationPostRequestSchema, authorizationUpdateRequestSchema } from './authorization-schema'
import { OSS_RESOURCE_TYPES } from './contract'
import { buildAllAccessPermissions, buildOperatorPermissions } from './permission-sets'

const ORG = '1111111111111111'
const ME = '2222222222222222'

/** The message the server answers with: the first issue's. */
function firstMessage(schema: z.ZodType, value: unknown): string | undefined {
  const result = schema.safeParse(value)
  return result.success ? undefined : result.error.issues[0]?.message
}

describe('authorization request schemas', () => {
  it('accept what the builders send, name included', () => {
    for (const permissions of [
      buildAllAccessPermissions(OSS_RESOURCE_TYPES, ORG, ME),
      buildOperatorPermissions(OSS_RESOURCE_TYPES),
      [{ action: 'read' as const, resource: { type: 'buckets', orgID: ORG, id: ME, name: 'telemetry' } }],
    ]) {
      expect(authorizationPostRequestSchema.safeParse({ orgID: ORG, description: 'd', permissions }).success).toBe(true)
    }
  })

  it('name the field of a decoding error as InfluxDB does', () => {
    expect(firstMessage(authorizationPostJson, [])).toBe('request body must be an object')
    expect(firstMessage(authorizationPostJson, { orgID: 5 })).toBe('orgID must be a string')
    expect(firstMessage(authorizationPostJson, { orgID: 'x' })).toBe('id must have a length of 16 bytes')
    expect(firstMessage(authorizationPostJson, { orgID: '0000000000000000' })).toBe('invalid ID')
    expect(firstMessage(authorizationPostJson, { description: '\ud800' })).toBe('description is not valid Unicode')
    expect(firstMessage(authorizationPostJson, { permissions: {} })).toBe('permissions must be an array')
    expect(firstMessage(authorizationPostJson, { permissions: [{}, null] })).toBe('permissions[1] must be an object')
    expect(firstMessage(authorizationPostJson, { permissions: [{ resource: [] }] })).toBe('resource must be an object')
    expect(firstMessage(authorizationPostJson, { permissions: [{ resource: { orgID: 1 } }] })).toBe('orgID must be a string')
  })

  it('report the first problem in InfluxDB order: fields in order, then permissions, org and status', () => {
    expect(firstMessage(authorizationPostJson, { permissions: 1, description: 7, orgID: 5 })).toBe('orgID must be a string')
    const rules = (body: unknown) => firstMessage(authorizationPostRequestSchema, authorizationPostJson.parse(body))
    expect(rules({ status: 'paused' })).toBe('authorization must include permissions')
    expect(rules({ permissions: [{ action: 'delete', resource: { type: 'flows' } }] })).toBe(
      'invalid resource type for permission: unknown resource type for permission',
    )
    expect(rules({ permissions: [{ action: 'delete', resource: { type: 'buckets' } }] })).toBe(
      'invalid action type for permission: unknown action for permission',
    )
    expect(rules({ status: 'paused', permissions: [{ action: 'read', resource: { type: 'buckets' } }] })).toBe('org id required: invalid ID')
    expect(rules({ orgID: ORG, status: 'paused', permissions: [{ action: 'read', resource: { type: 'buckets' } }] })).toBe(
      'invalid status: must be active or inactive',
    )
    expect(authorizationPostJson.parse({ orgID: ORG.toUpperCase(), status: '', permissions: null })).toEqual({ orgID: ORG, permissions: [] })
  })

  it('refuse an unknown status on update with InfluxDB’s message', () => {
    expect(firstMessage(authorizationUpdateRequestSchema, { status: '' })).toBe('unknown authorization status')
    expect(authorizationUpdateRequestSchema.parse({ status: 'inactive', description: 'x' })).toEqual({ status: 'inactive', description: 'x' })
  })
})
