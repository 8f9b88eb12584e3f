import { describe, expect, it } from 'vitest'
import {
  PermissionSet,
  RESOURCE_TYPES,
  allAccessPermissions,
  formatPermission,
  operatorPermissions,
  permission,
} from './permissions.ts'

const ORG = '1111111111111111'
const OTHER = '2222222222222222'
const B = '3333333333333333'

describe('permission matching', () => {
  it.each([
    ['instance matches any type', permission('read', 'instance'), permission('read', 'buckets', { id: B, orgID: ORG }), true],
    ['actions must match', permission('write', 'instance'), permission('read', 'buckets'), false],
    ['global type matches everything of that type', permission('read', 'buckets'), permission('read', 'buckets', { id: B, orgID: ORG }), true],
    ['org-wide matches the same org', permission('read', 'buckets', { orgID: ORG }), permission('read', 'buckets', { id: B, orgID: ORG }), true],
    ['org-wide does not match another org', permission('read', 'buckets', { orgID: ORG }), permission('read', 'buckets', { orgID: OTHER }), false],
    ['org-wide does not match an id-only request', permission('read', 'buckets', { orgID: ORG }), permission('read', 'buckets', { id: B }), false],
    ['org-wide does not match a global request', permission('read', 'buckets', { orgID: ORG }), permission('read', 'buckets'), false],
    ['id without org matches whatever the org', permission('read', 'buckets', { id: B }), permission('read', 'buckets', { id: B, orgID: ORG }), true],
    // Intentional difference from InfluxDB, which compares ids only (issue 12.1).
    ['id with org does not match the same id in another org', permission('read', 'buckets', { id: B, orgID: OTHER }), permission('read', 'buckets', { id: B, orgID: ORG }), false],
    ['id with org matches the same id in the same org', permission('read', 'buckets', { id: B, orgID: ORG }), permission('read', 'buckets', { id: B, orgID: ORG }), true],
    ['id with org does not match an id-only request', permission('write', 'users', { id: B, orgID: ORG }), permission('write', 'users', { id: B }), false],
    ['id does not match org-wide requests', permission('read', 'buckets', { id: B }), permission('read', 'buckets', { orgID: ORG }), false],
    ['types must match', permission('read', 'buckets'), permission('read', 'orgs', { id: ORG }), false],
  ])('%s', (_name, held, requested, expected) => {
    expect(new PermissionSet([held]).allows(requested)).toBe(expected)
  })

  it('formats permissions like InfluxDB', () => {
    expect(formatPermission(permission('write', 'buckets', { id: B, orgID: ORG }))).toBe(`write:orgs/${ORG}/buckets/${B}`)
    expect(formatPermission(permission('read', 'authorizations', { orgID: ORG }))).toBe(`read:orgs/${ORG}/authorizations`)
    expect(formatPermission(permission('read', 'users', { id: B }))).toBe(`read:users/${B}`)
    expect(formatPermission(permission('write', 'orgs'))).toBe('write:orgs')
  })

  it('builds the operator and all-access sets of the reference', () => {
    expect(RESOURCE_TYPES).toHaveLength(23)
    expect(operatorPermissions()).toHaveLength(44)
    const allAccess = allAccessPermissions(ORG, B)
    expect(allAccess).toHaveLength(43)
    expect(allAccess.filter((p) => p.resource.type === 'orgs')).toEqual([permission('read', 'orgs', { id: ORG })])
    expect(allAccess[0]!.resource.type).toBe('annotations')
  })
})
