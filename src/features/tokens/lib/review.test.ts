import { describe, expect, it } from 'vitest'
import { OSS_RESOURCE_TYPES, type Authorization, type User } from '@/api/contract'
import { buildAllAccessPermissions, buildOperatorPermissions } from '@/api/permission-sets'
import { reviewTokens, RULES, type FindingID, type ReviewInput } from './review'
import { B1, B2, B3, makeAuth, ME, ORG, OTHER_ORG, read, write } from './test-fixtures'

const GONE = '0c8d1e2f3a4b5999'
const IDLE = '0c8d1e2f3a4b5111'
const BOB = '0c8d1e2f3a4b5222'
const users: User[] = [
  { id: ME, name: 'alice', status: 'active' },
  { id: BOB, name: 'bob', status: 'active' },
  { id: IDLE, name: 'idle', status: 'inactive' },
]
// B3 was deleted: it is not among the org's buckets any more.
const buckets: ReviewInput['buckets'] = [
  { id: B1, orgID: ORG, type: 'user' },
  { id: B2, orgID: ORG, type: 'user' },
  { id: 'aaaaaaaaaaaaaaa1', orgID: ORG, type: 'system' },
]
const bucket = (id: string) => ({ type: 'buckets', orgID: ORG, id })
const operator = buildOperatorPermissions(OSS_RESOURCE_TYPES)
const allAccess = buildAllAccessPermissions(OSS_RESOURCE_TYPES, ORG, ME)

function review(auths: Authorization[], usersComplete = true) {
  return reviewTokens({ orgID: ORG, auths, buckets, users, usersComplete })
}

/** Each finding's token IDs, by finding. */
function found(auths: Authorization[], usersComplete = true): Partial<Record<FindingID, string[]>> {
  return Object.fromEntries(review(auths, usersComplete).findings.map((f) => [f.id, f.tokenIDs]))
}

describe('reviewTokens', () => {
  it('finds nothing in an org of well-described, distinct, scoped tokens', () => {
    const auths = [
      makeAuth({ id: 't1', description: 'telegraf', permissions: [write(bucket(B1))] }),
      makeAuth({ id: 't2', description: 'grafana', permissions: [read(bucket(B1)), read(bucket(B2))] }),
      makeAuth({ id: 't3', description: 'bob reads', userID: BOB, permissions: [read(bucket(B1))] }),
    ]
    expect(review(auths)).toEqual({ findings: [], unchecked: [] })
  })

  it('lists operator and all-access tokens, and those of them without a description', () => {
    const auths = [
      makeAuth({ id: 'op', description: "admin's Token", permissions: operator }),
      makeAuth({ id: 'aa', description: 'ci', permissions: allAccess }),
      makeAuth({ id: 'aa-blank', description: '  ', permissions: allAccess, userID: BOB }),
    ]
    expect(found(auths)).toEqual({ operator: ['op'], 'all-access': ['aa', 'aa-blank'], 'undescribed-privileged': ['aa-blank'] })
  })

  it('finds tokens of inactive users, and of deleted users only when every user is known', () => {
    const auths = [
      makeAuth({ id: 'idle', userID: IDLE, description: 'x', permissions: [read(bucket(B1))] }),
      makeAuth({ id: 'gone', userID: GONE, description: 'y', permissions: [read(bucket(B2))] }),
    ]
    expect(found(auths)).toEqual({ 'owner-inactive': ['idle'], 'owner-gone': ['gone'] })
    expect(found(auths, false)).toEqual({ 'owner-inactive': ['idle'] })
    expect(review(auths, false).unchecked).toEqual(['owner-gone'])
  })

  it('tells tokens naming a deleted bucket from tokens left with nothing usable', () => {
    const auths = [
      makeAuth({ id: 'partly', description: 'a', permissions: [read(bucket(B1)), read(bucket(B3))] }),
      makeAuth({ id: 'nothing', description: 'b', permissions: [read(bucket(B3)), write(bucket(B3))] }),
      makeAuth({ id: 'empty', description: 'c', permissions: [] }),
      // Another org's bucket is not in this org's list: it is not judged.
      makeAuth({ id: 'foreign', description: 'd', permissions: [read({ type: 'buckets', orgID: OTHER_ORG, id: B3 })] }),
      // An ID-less bucket permission names no bucket, so it cannot dangle.
      makeAuth({ id: 'wild', description: 'e', permissions: [read({ type: 'buckets', orgID: ORG })] }),
    ]
    expect(found(auths)).toEqual({ dangling: ['partly'], unusable: ['nothing', 'empty'] })
  })

  it('groups duplicates by owner and permission set, whatever the order of the permissions', () => {
    const auths = [
      makeAuth({ id: 'd1', description: 'a', permissions: [read(bucket(B1)), read(bucket(B2))] }),
      makeAuth({ id: 'd2', description: 'b', permissions: [read(bucket(B2)), read(bucket(B1)), read(bucket(B2))] }),
      makeAuth({ id: 'other-owner', description: 'c', userID: BOB, permissions: [read(bucket(B1)), read(bucket(B2))] }),
      makeAuth({ id: 'e1', description: 'd', permissions: [write(bucket(B1))] }),
      makeAuth({ id: 'e2', description: 'e', permissions: [write(bucket(B1))] }),
      makeAuth({ id: 'e3', description: 'f', permissions: [write(bucket(B1))] }),
    ]
    const duplicates = review(auths).findings.find((f) => f.id === 'duplicates')
    expect(duplicates?.groups).toEqual([
      ['d1', 'd2'],
      ['e1', 'e2', 'e3'],
    ])
    expect(duplicates?.tokenIDs).toEqual(['d1', 'd2', 'e1', 'e2', 'e3'])
  })

  it('finds tokens that write every bucket: by wildcard, instance or every user bucket by ID', () => {
    const auths = [
      makeAuth({ id: 'wild', description: 'a', permissions: [write({ type: 'buckets', orgID: ORG })] }),
      makeAuth({ id: 'global', description: 'b', permissions: [write({ type: 'buckets' })] }),
      makeAuth({ id: 'each', description: 'c', permissions: [write(bucket(B2)), write(bucket(B1))] }),
      makeAuth({ id: 'one', description: 'd', permissions: [write(bucket(B1)), read(bucket(B2))] }),
      makeAuth({ id: 'elsewhere', description: 'e', permissions: [write({ type: 'buckets', orgID: OTHER_ORG })] }),
      makeAuth({ id: 'aa', description: 'f', permissions: allAccess }),
    ]
    expect(found(auths)['writes-everywhere']).toEqual(['wild', 'global', 'each'])
  })

  it('reports an inactive token once, as inactive, whatever else it would be', () => {
    const auths = [
      makeAuth({ id: 'off-op', status: 'inactive', permissions: operator }),
      makeAuth({ id: 'off-idle', status: 'inactive', userID: IDLE, permissions: [read(bucket(B3))] }),
      makeAuth({ id: 'off-dup', status: 'inactive', permissions: operator }),
    ]
    expect(found(auths)).toEqual({ inactive: ['off-op', 'off-idle', 'off-dup'] })
  })

  it('gives every finding a title, a one-line risk and the bulk actions that fit it', () => {
    for (const rule of RULES) {
      expect(rule.title).not.toBe('')
      expect(rule.risk).toMatch(/^[^\n]{10,120}$/)
    }
    expect(RULES.find((r) => r.id === 'inactive')?.actions).toEqual(['delete'])
    expect(RULES.find((r) => r.id === 'operator')?.actions).toEqual([])
  })

  it('reviews 10,000 tokens well under a second', () => {
    const shared = [read(bucket(B1)), write(bucket(B2))]
    const auths = Array.from({ length: 10_000 }, (_, i) => {
      const id = `t${i}`
      if (i % 10 === 0) return makeAuth({ id, description: i % 20 ? 'ci' : '', permissions: buildAllAccessPermissions(OSS_RESOURCE_TYPES, ORG, ME) })
      if (i % 10 === 1) return makeAuth({ id, description: `r${i}`, permissions: [read(bucket(B3))] })
      if (i % 10 === 2) return makeAuth({ id, description: `i${i}`, status: 'inactive' })
      return makeAuth({ id, description: `d${i}`, userID: `u${i % 50}`, permissions: shared })
    })
    const started = performance.now()
    const result = review(auths)
    const elapsed = performance.now() - started
    const count = (id: FindingID) => result.findings.find((f) => f.id === id)?.tokenIDs.length
    expect(count('all-access')).toBe(1000)
    expect(count('undescribed-privileged')).toBe(500)
    expect(count('unusable')).toBe(1000)
    expect(count('inactive')).toBe(1000)
    expect(count('owner-gone')).toBe(7000)
    expect(count('duplicates')).toBe(9000)
    expect(elapsed).toBeLessThan(500)
  })
})
