import { describe, expect, it } from 'vitest'
import type { ListedBucket } from '@/api/buckets'
import { expectedAccess, verdict } from './token-check'
import { B1, B2, B3, makeAuth, ORG, read, write } from './test-fixtures'

const buckets: ListedBucket[] = [B1, B2, B3].map((id, i) => ({ id, orgID: ORG, type: 'user', name: `b${i + 1}` }))
const auth = makeAuth({ id: 'a', permissions: [read({ type: 'buckets', orgID: ORG, id: B1 }), read({ type: 'buckets', orgID: ORG, id: B2 }), write({ type: 'buckets', orgID: ORG, id: B2 })] })

describe('expectedAccess', () => {
  it('says per bucket what the scope allows', () => {
    expect(expectedAccess(auth, buckets).map((e) => [e.bucket.name, e.read, e.write])).toEqual([
      ['b1', true, false],
      ['b2', true, true],
      ['b3', false, false],
    ])
  })
})

describe('verdict', () => {
  const expected = expectedAccess(auth, buckets)
  const b2 = buckets[1] as ListedBucket
  it('counts reads as listed and writes by scope, as intended when both agree', () => {
    expect(verdict(expected, { readable: new Set([B1, B2]), write: { bucket: b2, outcome: { allowed: true } } })).toEqual({
      text: 'Can read 2 and write 1 of 3 buckets — as intended',
      asIntended: true,
    })
  })
  it('names what differs: a listing other than the scope, a refused write', () => {
    expect(verdict(expected, { readable: new Set([B1]), write: { bucket: b2, outcome: { allowed: false, reason: 'token is inactive' } } }).text).toBe(
      'Can read 1 and write 1 of 3 buckets — not as intended: reads differ from the scope on 1 bucket; the test write to b2 was refused: token is inactive',
    )
  })
})
