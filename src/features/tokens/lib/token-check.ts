/** What "Try it" expects of a new token, and its verdict once the token has been tried. */
import type { ListedBucket } from '@/api/buckets'
import type { Authorization } from '@/api/contract'
import { tokensReachingBucket } from './bucket-reach'

export interface ExpectedAccess {
  bucket: ListedBucket
  read: boolean
  write: boolean
}

/** Per bucket, what the token's permissions let it do, by the server's matching rules. */
export function expectedAccess(auth: Authorization, buckets: ListedBucket[]): ExpectedAccess[] {
  return buckets.map((bucket) => {
    const [reach] = tokensReachingBucket([auth], bucket)
    return { bucket, read: reach?.read != null, write: reach?.write != null }
  })
}

export type Outcome = { allowed: true } | { allowed: false; reason: string }

export interface CheckResult {
  /** Bucket IDs the token listed: the ones it may read. */
  readable: ReadonlySet<string>
  /** The test write, when there was a bucket to write to. */
  write?: { bucket: ListedBucket; outcome: Outcome }
}

/** "Can read 2 and write 1 of 25 buckets — as intended", or what differs from the scope. */
export function verdict(expected: ExpectedAccess[], result: CheckResult): { text: string; asIntended: boolean } {
  const reads = expected.filter((e) => result.readable.has(e.bucket.id)).length
  const writes = expected.filter((e) => e.write).length
  const readsDiffer = expected.filter((e) => e.read !== result.readable.has(e.bucket.id)).length
  const can = `Can read ${reads} and write ${writes} of ${expected.length} ${expected.length === 1 ? 'bucket' : 'buckets'}`
  const problems = [
    ...(readsDiffer > 0 ? [`reads differ from the scope on ${readsDiffer} ${readsDiffer === 1 ? 'bucket' : 'buckets'}`] : []),
    ...(result.write && !result.write.outcome.allowed ? [`the test write to ${result.write.bucket.name} was refused: ${result.write.outcome.reason}`] : []),
  ]
  return problems.length === 0 ? { text: `${can} — as intended`, asIntended: true } : { text: `${can} — not as intended: ${problems.join('; ')}`, asIntended: false }
}
