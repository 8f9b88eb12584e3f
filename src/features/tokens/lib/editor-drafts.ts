import { z } from 'zod'
import type { ListedBucket } from '@/api/buckets'
import type { BucketRef, CustomSelection } from './permissions'
import { readWriteSelectionSchema, type ReadWriteSelection } from './read-write-form'

/** The Read/Write editor's part of a draft, or null when it is missing or malformed. */
export function readWriteDraft(value: unknown): ReadWriteSelection | null {
  const parsed = readWriteSelectionSchema.safeParse(value)
  return parsed.success ? parsed.data : null
}

const bucketRefSchema = z.object({ id: z.string(), name: z.string() })
const customSelectionSchema = z.object({
  types: z.record(z.string(), z.object({ read: z.boolean(), write: z.boolean() })),
  bucketRead: z.array(bucketRefSchema),
  bucketWrite: z.array(bucketRefSchema),
})

/** The Custom editor's part of a draft, or null when it is missing or malformed. */
export function customDraft(value: unknown): CustomSelection | null {
  const parsed = customSelectionSchema.safeParse(value)
  return parsed.success ? parsed.data : null
}

type OrgBucket = Pick<ListedBucket, 'id' | 'name'>

/**
 * A link or a cloned token can name buckets the org does not have (another org's, a deleted one,
 * a hand-made link): the dialog would not show them, yet Save would send them. Keeps the org's
 * own, under the org's names for them, and counts the distinct others.
 */
export function keepOrgBuckets(lists: BucketRef[][], orgBuckets: readonly OrgBucket[]): { kept: BucketRef[][]; dropped: number } {
  const names = new Map(orgBuckets.map((b) => [b.id, b.name]))
  const dropped = new Set<string>()
  const kept = lists.map((list) =>
    list.flatMap((ref) => {
      const name = names.get(ref.id)
      if (name === undefined) dropped.add(ref.id)
      return name === undefined ? [] : [{ id: ref.id, name }]
    }),
  )
  return { kept, dropped: dropped.size }
}

export function checkCustomBuckets(selection: CustomSelection, orgBuckets: readonly OrgBucket[]): { selection: CustomSelection; dropped: number } {
  const { kept, dropped } = keepOrgBuckets([selection.bucketRead, selection.bucketWrite], orgBuckets)
  return { selection: { ...selection, bucketRead: kept[0] ?? [], bucketWrite: kept[1] ?? [] }, dropped }
}

export function checkReadWriteBuckets(values: ReadWriteSelection, orgBuckets: readonly OrgBucket[]): { values: ReadWriteSelection; dropped: number } {
  const refs = (ids: string[]) => ids.map((id) => ({ id, name: '' }))
  const { kept, dropped } = keepOrgBuckets([refs(values.read.bucketIDs), refs(values.write.bucketIDs)], orgBuckets)
  const ids = (list: BucketRef[] | undefined) => (list ?? []).map((b) => b.id)
  return {
    values: { read: { ...values.read, bucketIDs: ids(kept[0]) }, write: { ...values.write, bucketIDs: ids(kept[1]) } },
    dropped,
  }
}
