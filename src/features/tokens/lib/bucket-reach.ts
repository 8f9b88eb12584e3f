/** Which tokens can reach a bucket, by InfluxDB's permission matching (docs/influxdb-behaviour.md, Permission matching). */
import type { Action, Authorization, Permission } from '@/api/contract'

export type Reach = 'explicit' | 'wildcard' | null

export interface BucketReach {
  auth: Authorization
  read: Reach
  write: Reach
}

interface BucketTarget {
  id: string
  orgID: string
}

/**
 * How one permission matches a request on the bucket: by its id (the org is not compared), or as a
 * wildcard: buckets org-wide for its org, buckets with no org (operator), or `instance` (any type).
 */
function matchOf({ resource }: Permission, bucket: BucketTarget): Reach {
  if (resource.type === 'instance') return 'wildcard'
  if (resource.type !== 'buckets') return null
  if (resource.id !== undefined) return resource.id === bucket.id ? 'explicit' : null
  return resource.orgID === undefined || resource.orgID === bucket.orgID ? 'wildcard' : null
}

/** An explicit grant wins over a wildcard: it shows the bucket was chosen for this token. */
function reachFor(auth: Authorization, action: Action, bucket: BucketTarget): Reach {
  const matches = auth.permissions.filter((p) => p.action === action).map((p) => matchOf(p, bucket))
  if (matches.includes('explicit')) return 'explicit'
  return matches.includes('wildcard') ? 'wildcard' : null
}

/** Tokens that can read or write the bucket, in input order; inactive ones too (the UI marks them). */
export function tokensReachingBucket(auths: Authorization[], bucket: BucketTarget): BucketReach[] {
  return auths
    .map((auth) => ({ auth, read: reachFor(auth, 'read', bucket), write: reachFor(auth, 'write', bucket) }))
    .filter((reach) => reach.read !== null || reach.write !== null)
}

/** How a token reaches the bucket for one action, in the Bucket filter's Read and Write columns. */
export function reachWords(reach: Reach): string {
  if (reach === 'explicit') return 'this bucket'
  return reach === 'wildcard' ? 'all buckets' : 'no access'
}
