import { afterEach, describe, expect, it, vi } from 'vitest'
import { listAllBuckets } from './buckets'

function serveBuckets(total: number) {
  const requested: number[] = []
  vi.stubGlobal('fetch', async (url: string) => {
    const params = new URL(url, 'http://x').searchParams
    const offset = Number(params.get('offset'))
    const limit = Number(params.get('limit'))
    requested.push(offset)
    const buckets = Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, i) => ({
      id: `b${offset + i}`,
      orgID: 'org',
      type: 'user',
      name: `bucket ${offset + i}`,
      description: 'kept by the server only',
      retentionRules: [{ type: 'expire', everySeconds: (i % 2) * 3600 }],
      createdAt: '2026-01-01T00:00:00Z',
      links: { self: `/api/v2/buckets/b${offset + i}`, members: `/api/v2/buckets/b${offset + i}/members` },
      labels: [],
    }))
    const links = { self: url, ...(buckets.length >= limit ? { next: `next` } : {}) }
    return new Response(JSON.stringify({ links, buckets }), { status: 200 })
  })
  return requested
}

afterEach(() => vi.unstubAllGlobals())

describe('listAllBuckets', () => {
  it('follows InfluxDB paging to the last page, keeping the server order', async () => {
    serveBuckets(1_234)
    const buckets = await listAllBuckets('org')
    expect(buckets).toHaveLength(1_234)
    expect(buckets.map((b) => b.id)).toEqual(Array.from({ length: 1_234 }, (_, i) => `b${i}`))
  })

  it('asks once for an org that fits on one page', async () => {
    const requested = serveBuckets(42)
    expect(await listAllBuckets('org')).toHaveLength(42)
    expect(requested).toEqual([0])
  })

  it('keeps only what the app reads: ID, org, type and name', async () => {
    serveBuckets(2)
    expect(await listAllBuckets('org')).toEqual([
      { id: 'b0', orgID: 'org', type: 'user', name: 'bucket 0' },
      { id: 'b1', orgID: 'org', type: 'user', name: 'bucket 1' },
    ])
  })

  it('stops at an exact multiple of the page size', async () => {
    serveBuckets(300)
    expect(await listAllBuckets('org')).toHaveLength(300)
  })
})
