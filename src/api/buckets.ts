import { settleAll } from '@/lib/settle-all'
import type { Bucket, Buckets } from './contract'
import { apiRequest } from './http'

/** InfluxDB's largest page for `GET /api/v2/buckets`. */
export const BUCKET_PAGE_SIZE = 100
/** Pages in flight at once after the first one: enough to hide latency without flooding the server. */
const CONCURRENT_PAGES = 6

function bucketPage(orgID: string, offset: number, signal?: AbortSignal, token?: string): Promise<Buckets> {
  const query = new URLSearchParams({ orgID, limit: String(BUCKET_PAGE_SIZE), offset: String(offset) })
  return apiRequest(`/api/v2/buckets?${query}`, { signal, ...tokenAuth(token) })
}

/** A bucket as lists keep it: what the pickers, the summaries and the Bucket filter read. */
export type ListedBucket = Pick<Bucket, 'id' | 'orgID' | 'type' | 'name'>

/**
 * Every bucket of the org, however many pages it takes (InfluxDB serves at most 100 a page).
 * After the first page, a few workers each take the next offset until a page says it is the last.
 */
export async function listAllBuckets(orgID: string, signal?: AbortSignal): Promise<ListedBucket[]> {
  const first = await bucketPage(orgID, 0, signal)
  const pages: Bucket[][] = [first.buckets]
  let nextOffset = BUCKET_PAGE_SIZE
  let done = !first.links.next
  async function worker() {
    while (!done) {
      const offset = nextOffset
      nextOffset += BUCKET_PAGE_SIZE
      const page = await bucketPage(orgID, offset, signal)
      pages[offset / BUCKET_PAGE_SIZE] = page.buckets
      if (!page.links.next || page.buckets.length === 0) done = true
    }
  }
  await Promise.all(Array.from({ length: CONCURRENT_PAGES }, worker))
  return compact(pages.flat())
}

/**
 * Each bucket once, with only what the app reads: an org of 10,000 buckets would otherwise hold
 * some 70,000 link, date and description strings nobody reads.
 */
function compact(buckets: Bucket[]): ListedBucket[] {
  const seen = new Set<string>()
  const result: ListedBucket[] = []
  for (const b of buckets) {
    if (seen.has(b.id)) continue
    seen.add(b.id)
    result.push({ id: b.id, orgID: b.orgID, type: b.type, name: b.name })
  }
  return result
}

/**
 * The IDs of the org's buckets that `token` may read, as the token itself lists them: the server
 * leaves out what it may not read. It cuts pages before leaving buckets out, so a short page says
 * nothing about the next one: every page of an org of `count` buckets is asked for.
 */
export async function readableBucketIDs(orgID: string, token: string, count: number): Promise<Set<string>> {
  const offsets = Array.from({ length: Math.max(1, Math.ceil(count / BUCKET_PAGE_SIZE)) }, (_, page) => page * BUCKET_PAGE_SIZE)
  const pages = await settleAll(offsets, CONCURRENT_PAGES, (offset) => bucketPage(orgID, offset, undefined, token))
  const ids = new Set<string>()
  for (const page of pages) {
    if (page.status === 'rejected') throw page.reason
    for (const bucket of page.value.buckets) ids.add(bucket.id)
  }
  return ids
}

function tokenAuth(token?: string) {
  return token ? { headers: { Authorization: `Token ${token}` }, auth: 'explicit' as const } : {}
}
