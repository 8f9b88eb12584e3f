import { describe, expect, it } from 'vitest'
import type { Bucket } from '@/api/contract'
import { emptyReadWriteForm, hasAnyPermission, toReadWriteRequest, type ReadWriteFormValues } from './read-write-form'

const ORG = '9a1b2c3d4e5f6071'
const bucket = (id: string, name: string): Bucket => ({ id, name, orgID: ORG, type: 'user', retentionRules: [] })
const buckets = [bucket('b100000000000001', 'telemetry'), bucket('b100000000000002', 'billing')]

const form = (patch: Partial<ReadWriteFormValues>): ReadWriteFormValues => ({ ...emptyReadWriteForm, ...patch })

describe('hasAnyPermission', () => {
  it('is false for an untouched form', () => {
    expect(hasAnyPermission(emptyReadWriteForm)).toBe(false)
  })
  it('is true with a scoped bucket on either side or a wildcard', () => {
    expect(hasAnyPermission(form({ write: { mode: 'scoped', bucketIDs: ['b100000000000001'] } }))).toBe(true)
    expect(hasAnyPermission(form({ read: { mode: 'all', bucketIDs: [] } }))).toBe(true)
  })
})

describe('toReadWriteRequest', () => {
  it('sends scoped buckets with id, name and orgID, reads before writes, and a trimmed description', () => {
    const values = form({
      description: '  ci writer ',
      read: { mode: 'scoped', bucketIDs: ['b100000000000001', 'b100000000000002'] },
      write: { mode: 'scoped', bucketIDs: ['b100000000000001'] },
    })
    expect(toReadWriteRequest(values, ORG, buckets)).toEqual({
      orgID: ORG,
      description: 'ci writer',
      permissions: [
        { action: 'read', resource: { type: 'buckets', orgID: ORG, id: 'b100000000000001', name: 'telemetry' } },
        { action: 'read', resource: { type: 'buckets', orgID: ORG, id: 'b100000000000002', name: 'billing' } },
        { action: 'write', resource: { type: 'buckets', orgID: ORG, id: 'b100000000000001', name: 'telemetry' } },
      ],
    })
  })

  it('sends "All Buckets" as one permission without an id, ignoring earlier scoped choices', () => {
    const values = form({ read: { mode: 'all', bucketIDs: ['b100000000000001'] } })
    expect(toReadWriteRequest(values, ORG, buckets).permissions).toEqual([{ action: 'read', resource: { type: 'buckets', orgID: ORG } }])
  })

  it('drops a chosen bucket that no longer exists rather than sending it without a name', () => {
    const values = form({ write: { mode: 'scoped', bucketIDs: ['b1000000000000ff', 'b100000000000002'] } })
    expect(toReadWriteRequest(values, ORG, buckets).permissions).toEqual([
      { action: 'write', resource: { type: 'buckets', orgID: ORG, id: 'b100000000000002', name: 'billing' } },
    ])
  })
})
