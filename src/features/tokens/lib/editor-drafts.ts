import { z } from 'zod'
import type { CustomSelection } from './permissions'
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
