import { useEffect, useRef } from 'react'
import { errorMessage } from '@/api/http'
import { Button } from '@/components/ui/button'

/**
 * The server's reason a token was not created, beside Save in the footer that never scrolls away,
 * and focused, so the click that failed is answered where the eyes (and the screen reader) are.
 */
export function CreateError({ error }: { error: unknown }) {
  const ref = useRef<HTMLParagraphElement>(null)
  useEffect(() => ref.current?.focus(), [error])
  return (
    <p
      ref={ref}
      role="alert"
      tabIndex={-1}
      className="w-full min-w-0 rounded-md sm:mr-auto sm:w-auto sm:flex-1 border border-danger/40 bg-danger/5 px-3 py-1.5 text-sm break-words text-danger"
    >
      Failed to create token: {errorMessage(error)}
    </p>
  )
}

export function SaveButton({ disabled, pending }: { disabled: boolean; pending: boolean }) {
  return (
    <Button type="submit" variant="primary" disabled={disabled} pending={pending}>
      {pending ? 'Saving…' : 'Save'}
    </Button>
  )
}

/**
 * Says that buckets named by the link or the cloned token were left out because the org does not
 * have them, so the dialog never sends a bucket it does not show.
 */
export function DroppedBucketsNotice({ count, orgName, fromLink }: { count: number | null; orgName: string; fromLink: boolean }) {
  if (!count) return null
  const buckets = count === 1 ? '1 bucket' : `${count} buckets`
  const origin = fromLink ? 'the link' : 'the original token'
  return (
    <p role="status" className="rounded-md border border-warning/40 bg-warning/10 px-3 py-2 text-sm">
      {buckets} named by {origin} {count === 1 ? 'was' : 'were'} left out: not {count === 1 ? 'a bucket' : 'buckets'} of {orgName}.
    </p>
  )
}

/** Stands where a bucket picker will be, at its height, until the org's buckets arrive. */
export function BucketsLoading() {
  return (
    <div role="status" className="flex h-[318px] items-center justify-center rounded-md bg-sunken text-sm text-muted">
      Loading buckets…
    </div>
  )
}
