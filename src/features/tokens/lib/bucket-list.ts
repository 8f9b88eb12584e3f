import type { ListedBucket } from '@/api/buckets'

const collator = new Intl.Collator('en-US', { numeric: true, sensitivity: 'base' })

/** By name, with the system buckets (`_monitoring`, `_tasks`) after every user bucket. */
export function sortBucketsForPicker(buckets: ListedBucket[]): ListedBucket[] {
  return [...buckets].sort((a, b) => {
    if (a.type !== b.type) return a.type === 'system' ? 1 : -1
    return collator.compare(a.name, b.name)
  })
}

/** Case-insensitive substring match on the name; an empty query keeps everything. */
export function filterBuckets(buckets: ListedBucket[], query: string): ListedBucket[] {
  const needle = query.trim().toLowerCase()
  if (!needle) return buckets
  return buckets.filter((bucket) => bucket.name.toLowerCase().includes(needle))
}

/** Adds (or removes) the shown buckets to (or from) a selection, keeping the rest of it. */
export function selectShown(selected: string[], shown: ListedBucket[], select: boolean): string[] {
  const shownIds = new Set(shown.map((b) => b.id))
  const kept = selected.filter((id) => !shownIds.has(id))
  return select ? [...kept, ...shown.map((b) => b.id)] : kept
}
