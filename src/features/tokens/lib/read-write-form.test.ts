import { describe, expect, it } from 'vitest'
import type { Bucket } from '@/api/contract'
import { emptyReadWriteSelection, hasAnyPermission, readWritePermissions, type ReadWriteSelection } from './read-write-form'

const ORG = '9a1b2c3d4e5f6071'
const bucket = (id: string, name: string): Bucket => ({ id, name, orgID: ORG, type: 'user', retentionRules: [] })
const buckets = [bucket('b100000000000001', 'telemetry'), bucket('b100000000000002', 'billing')]

const selection = (patch: Partial<ReadWriteSelection>): ReadWriteSelection => ({ ...emptyReadWriteSelection, ...patch })

describe('hasAnyPermission', () => {
  it('is false for an untouched selection', () => {
    expect(hasAnyPermission(emptyReadWriteSelection)).toBe(false)
  })
  it('is true with a scoped bucket on either side or a wildcard', () => {
    expect(hasAnyPermission(selection({ write: { mode: 'scoped', bucketIDs: ['b100000000000001'] } }))).toBe(true)
    expect(hasAnyPermission(selection({ read: { mode: 'all', bucketIDs: [] } }))).toBe(true)
  })
})

describe('readWritePermissions', () => {
  it('sends scoped buckets with id, name and orgID, reads before writes', () => {
    const values = selection({
      read: { mode: 'scoped', bucketIDs: ['b100000000000001', 'b100000000000002'] },
      write: { mode: 'scoped', bucketIDs: ['b100000000000001'] },
    })
    expect(readWritePermissions(values, ORG, buckets)).toEqual([
      { action: 'read', resource: { type: 'buckets', orgID: ORG, id: 'b100000000000001', name: 'telemetry' } },
      { action: 'read', resource: { type: 'buckets', orgID: ORG, id: 'b100000000000002', name: 'billing' } },
      { action: 'write', resource: { type: 'buckets', orgID: ORG, id: 'b100000000000001', name: 'telemetry' } },
    ])
  })

  it('sends "All Buckets" as one permission without an id, ignoring earlier scoped choices', () => {
    const values = selection({ read: { mode: 'all', bucketIDs: ['b100000000000001'] } })
    expect(readWritePermissions(values, ORG, buckets)).toEqual([{ action: 'read', resource: { type: 'buckets', orgID: ORG } }])
  })

  it('drops a chosen bucket that no longer exists rather than sending it without a name', () => {
    const values = selection({ write: { mode: 'scoped', bucketIDs: ['b1000000000000ff', 'b100000000000002'] } })
    expect(readWritePermissions(values, ORG, buckets)).toEqual([
      { action: 'write', resource: { type: 'buckets', orgID: ORG, id: 'b100000000000002', name: 'billing' } },
    ])
  })
})
