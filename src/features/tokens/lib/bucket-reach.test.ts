import { describe, expect, it } from 'vitest'
import { OSS_RESOURCE_TYPES } from '@/api/contract'
import { reachWords, tokensReachingBucket } from './bucket-reach'
import { buildAllAccessPermissions, buildOperatorPermissions } from '@/api/permission-sets'
import { B1, B2, ME, ORG, OTHER_ORG, makeAuth, read, write } from './test-fixtures'

const bucket = { id: B1, orgID: ORG }
const one = (orgID: string, id: string) => ({ type: 'buckets', orgID, id })

describe('tokensReachingBucket', () => {
  it('tells explicit grants from wildcards and drops tokens that cannot reach the bucket', () => {
    const scoped = makeAuth({ id: 'a1', permissions: [read(one(ORG, B1)), write(one(ORG, B2))] })
    const orgWide = makeAuth({ id: 'a2', status: 'inactive', permissions: [write({ type: 'buckets', orgID: ORG })] })
    const allAccess = makeAuth({ id: 'a3', permissions: buildAllAccessPermissions(OSS_RESOURCE_TYPES, ORG, ME) })
    const operator = makeAuth({ id: 'a4', permissions: buildOperatorPermissions(OSS_RESOURCE_TYPES) })
    const setup = makeAuth({ id: 'a5', permissions: [read({ type: 'instance' }), write({ type: 'instance' })] })
    const otherOrg = makeAuth({ id: 'a6', permissions: [read({ type: 'buckets', orgID: OTHER_ORG }), write(one(ORG, B2))] })
    const notBuckets = makeAuth({ id: 'a7', permissions: [read({ type: 'dashboards', orgID: ORG }), write({ type: 'dashboards', id: B1 })] })
    const result = tokensReachingBucket([scoped, orgWide, allAccess, operator, setup, otherOrg, notBuckets], bucket)
    expect(result.map(({ auth, read, write }) => [auth.id, read, write])).toEqual([
      ['a1', 'explicit', null],
      ['a2', null, 'wildcard'],
      ['a3', 'wildcard', 'wildcard'],
      ['a4', 'wildcard', 'wildcard'],
      ['a5', 'wildcard', 'wildcard'],
    ])
    expect(result[1]?.auth).toBe(orgWide)
  })

  it('matches an id in any org and prefers it over a wildcard', () => {
    const both = makeAuth({ id: 'b1', permissions: [read({ type: 'buckets', orgID: ORG }), read(one(OTHER_ORG, B1))] })
    expect(tokensReachingBucket([both], bucket).map(({ read, write }) => [read, write])).toEqual([['explicit', null]])
  })
})

describe('reachWords', () => {
  it('says whether the grant names this bucket or covers all buckets, in plain words', () => {
    expect(reachWords('explicit')).toBe('this bucket')
    expect(reachWords('wildcard')).toBe('all buckets')
    expect(reachWords(null)).toBe('no access')
  })
})
