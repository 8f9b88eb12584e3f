import type { Bucket, Buckets } from './contract'
import { apiRequest } from './http'

/** InfluxDB's largest page for `GET /api/v2/buckets`. */
export const BUCKET_PAGE_SIZE = 100
/** Pages requested at once after the first one: enough to hide latency without flooding the server. */
const CONCURRENT_PAGES = 6

function bucketPage(orgID: string, offset: number, signal?: AbortSignal): Promise<Buckets> {
  const query = new URLSearchParams({ orgID, limit: String(BUCKET_PAGE_SIZE), offset: String(offset) })
  return apiRequest(`/api/v2/buckets?${query}`, { signal })
}

/**
 * Every bucket of the org, however many pages it takes. InfluxDB pages before it filters by
 * permission, so a short page is not proof of the end: only an empty page or no `next` link is.
 */
export async function listAllBuckets(orgID: string, signal?: AbortSignal): Promise<Bucket[]> {
  const first = await bucketPage(orgID, 0, signal)
  const buckets = [...first.buckets]
  let more = Boolean(first.links.next)
  let offset = BUCKET_PAGE_SIZE
  while (more) {
    const offsets = Array.from({ length: CONCURRENT_PAGES }, (_, i) => offset + i * BUCKET_PAGE_SIZE)
    const pages = await Promise.all(offsets.map((o) => bucketPage(orgID, o, signal)))
    for (const page of pages) {
      buckets.push(...page.buckets)
      if (!page.links.next || page.buckets.length === 0) more = false
      if (!more) break
    }
    offset += CONCURRENT_PAGES * BUCKET_PAGE_SIZE
  }
  return dedupeById(buckets)
}

function dedupeById(buckets: Bucket[]): Bucket[] {
  const seen = new Set<string>()
  return buckets.filter((b) => (seen.has(b.id) ? false : (seen.add(b.id), true)))
}

export function getBucket(id: string, token?: string): Promise<Bucket> {
  return apiRequest(`/api/v2/buckets/${encodeURIComponent(id)}`, tokenAuth(token))
}

function tokenAuth(token?: string) {
  return token ? { headers: { Authorization: `Token ${token}` }, auth: 'explicit' as const } : {}
}
