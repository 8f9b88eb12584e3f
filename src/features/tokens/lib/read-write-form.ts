import { z } from 'zod'
import type { ListedBucket } from '@/api/buckets'
import type { AuthorizationPostRequest } from '@/api/contract'
import { buildReadWritePermissions, type BucketAccess } from './permissions'

const bucketAccessSchema = z.object({
  mode: z.enum(['all', 'scoped']),
  bucketIDs: z.array(z.string()),
})

/** What the Read/Write dialog holds: a description and, per action, "All Buckets" or chosen bucket IDs. */
export const readWriteFormSchema = z.object({
  description: z.string(),
  read: bucketAccessSchema,
  write: bucketAccessSchema,
})
export type ReadWriteFormValues = z.infer<typeof readWriteFormSchema>
export type BucketAccessValues = ReadWriteFormValues['read']

export const emptyReadWriteForm: ReadWriteFormValues = {
  description: '',
  read: { mode: 'scoped', bucketIDs: [] },
  write: { mode: 'scoped', bucketIDs: [] },
}

function grants(access: BucketAccessValues): boolean {
  return access.mode === 'all' || access.bucketIDs.length > 0
}

/** Save needs at least one read or write permission; InfluxDB rejects a token without any. */
export function hasAnyPermission(values: ReadWriteFormValues): boolean {
  return grants(values.read) || grants(values.write)
}

function toAccess(access: BucketAccessValues, bucketsById: Map<string, ListedBucket>): BucketAccess {
  if (access.mode === 'all') return { all: true, buckets: [] }
  const buckets = access.bucketIDs.flatMap((id) => {
    const bucket = bucketsById.get(id)
    return bucket ? [{ id, name: bucket.name }] : []
  })
  return { all: false, buckets }
}

/** Form state to the `POST /api/v2/authorizations` body, as InfluxDB's own UI sends it. */
export function toReadWriteRequest(values: ReadWriteFormValues, orgID: string, buckets: ListedBucket[]): AuthorizationPostRequest {
  const bucketsById = new Map(buckets.map((b) => [b.id, b]))
  return {
    orgID,
    description: values.description.trim(),
    permissions: buildReadWritePermissions(orgID, toAccess(values.read, bucketsById), toAccess(values.write, bucketsById)),
  }
}
