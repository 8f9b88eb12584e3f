import { z } from 'zod'
import type { ListedBucket } from '@/api/buckets'
import type { Permission } from '@/api/contract'
import { buildReadWritePermissions, type BucketAccess } from './permissions'

const bucketAccessSchema = z.object({
  mode: z.enum(['all', 'scoped']),
  bucketIDs: z.array(z.string()),
})

/** What the Read/Write editor holds: per action, "All Buckets" or chosen bucket IDs (the description is the frame's). */
export const readWriteSelectionSchema = z.object({
  read: bucketAccessSchema,
  write: bucketAccessSchema,
})
export type ReadWriteSelection = z.infer<typeof readWriteSelectionSchema>
export type BucketAccessValues = ReadWriteSelection['read']

export const emptyReadWriteSelection: ReadWriteSelection = {
  read: { mode: 'scoped', bucketIDs: [] },
  write: { mode: 'scoped', bucketIDs: [] },
}

function grants(access: BucketAccessValues): boolean {
  return access.mode === 'all' || access.bucketIDs.length > 0
}

/** Save needs at least one read or write permission; InfluxDB rejects a token without any. */
export function hasAnyPermission(selection: ReadWriteSelection): boolean {
  return grants(selection.read) || grants(selection.write)
}

function toAccess(access: BucketAccessValues, bucketsById: Map<string, ListedBucket>): BucketAccess {
  if (access.mode === 'all') return { all: true, buckets: [] }
  const buckets = access.bucketIDs.flatMap((id) => {
    const bucket = bucketsById.get(id)
    return bucket ? [{ id, name: bucket.name }] : []
  })
  return { all: false, buckets }
}

/** The selection as the permissions of a `POST /api/v2/authorizations` body, as InfluxDB's own UI sends them. */
export function readWritePermissions(selection: ReadWriteSelection, orgID: string, buckets: ListedBucket[]): Permission[] {
  const bucketsById = new Map(buckets.map((b) => [b.id, b]))
  return buildReadWritePermissions(orgID, toAccess(selection.read, bucketsById), toAccess(selection.write, bucketsById))
}
