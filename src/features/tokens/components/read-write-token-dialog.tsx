import { useQuery } from '@tanstack/react-query'
import { useCallback, useEffect, useMemo, useState } from 'react'
import type { ListedBucket } from '@/api/buckets'
import { LoadError } from '@/components/ui/load-error'
import { cn } from '@/lib/cn'
import { bucketQueries } from '../api/token-queries'
import { sortBucketsForPicker } from '../lib/bucket-list'
import { readWriteFromPermissions } from '../lib/permissions'
import { emptyReadWriteSelection, hasAnyPermission, readWritePermissions, type BucketAccessValues, type ReadWriteSelection } from '../lib/read-write-form'
import { BucketPicker } from './bucket-picker'
import { useDraftSync, useInitialDraft } from '../hooks/use-draft'
import { checkReadWriteBuckets, readWriteDraft } from '../lib/editor-drafts'
import { allOfType, grantPhrase } from '../lib/grant-phrase'
import { GenerateDialogFrame } from './generate-dialog-frame'
import { BucketsLoading, DroppedBucketsNotice } from './generate-parts'
import type { GenerateDialogProps } from './generate-token-dialogs'

function initialSelection(source: GenerateDialogProps['source']): ReadWriteSelection {
  if (!source) return emptyReadWriteSelection
  const { read, write } = readWriteFromPermissions(source.permissions)
  const side = (access: typeof read) => ({ mode: access.all ? ('all' as const) : ('scoped' as const), bucketIDs: access.buckets.map((b) => b.id) })
  return { read: side(read), write: side(write) }
}

export function ReadWriteTokenDialog(props: GenerateDialogProps) {
  const { org, source } = props
  const buckets = useQuery(bucketQueries.list(org.id))
  const sortedBuckets = useMemo(() => sortBucketsForPicker(buckets.data ?? []), [buckets.data])
  const draft = readWriteDraft(useInitialDraft().e)
  // The description and Save belong to the frame's form; this editor only holds the bucket choices.
  const [selection, setSelection] = useState<ReadWriteSelection>(() => draft ?? initialSelection(source))
  // Checked once, as soon as the org's buckets are known; until then Save stays disabled.
  const [droppedBuckets, setDroppedBuckets] = useState<number | null>(null)
  useEffect(() => {
    if (droppedBuckets !== null || !buckets.data) return
    const checked = checkReadWriteBuckets(selection, buckets.data)
    setSelection(checked.values)
    setDroppedBuckets(checked.dropped)
  }, [droppedBuckets, buckets.data, selection])
  useDraftSync({ e: selection })
  const permissions = useMemo(
    () => (hasAnyPermission(selection) ? readWritePermissions(selection, org.id, sortedBuckets) : []),
    [selection, org.id, sortedBuckets],
  )
  const permissionsFor = useCallback(() => permissions, [permissions])

  return (
    <GenerateDialogFrame
      {...props}
      title="Generate Read/Write Token"
      wide
      permissionsFor={permissionsFor}
      ready={buckets.isSuccess && droppedBuckets !== null}
      hint="Choose at least one bucket to read or write."
      warning={<DroppedBucketsNotice count={droppedBuckets} orgName={org.name} fromLink={draft !== null} />}
    >
      {buckets.isError ? (
        <LoadError error={buckets.error} onRetry={() => buckets.refetch()} />
      ) : (
        <div className="grid gap-4 md:grid-cols-2">
          <BucketAccessFieldset
            action="read"
            value={selection.read}
            onChange={(read) => setSelection((current) => ({ ...current, read }))}
            buckets={sortedBuckets}
            loading={buckets.isPending}
            orgName={org.name}
          />
          <BucketAccessFieldset
            action="write"
            value={selection.write}
            onChange={(write) => setSelection((current) => ({ ...current, write }))}
            buckets={sortedBuckets}
            loading={buckets.isPending}
            orgName={org.name}
          />
        </div>
      )}
    </GenerateDialogFrame>
  )
}

const TITLE = { read: 'Read', write: 'Write' } as const

function BucketAccessFieldset({
  action,
  value,
  onChange,
  buckets,
  loading,
  orgName,
}: {
  action: 'read' | 'write'
  value: BucketAccessValues
  onChange: (value: BucketAccessValues) => void
  buckets: ListedBucket[]
  loading: boolean
  orgName: string
}) {
  return (
    <fieldset className="flex min-w-0 flex-col gap-3 rounded-lg border border-border p-3">
      <legend className="px-1 text-sm font-semibold">{TITLE[action]}</legend>
      <div className="inline-flex self-start rounded-md border border-border bg-sunken p-0.5 text-sm">
        {(['all', 'scoped'] as const).map((mode) => (
          <label
            key={mode}
            className={cn(
              'relative cursor-pointer rounded px-3 py-1 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent',
              value.mode === mode ? 'bg-raised font-medium shadow-sm' : 'text-muted',
            )}
          >
            <input
              type="radio"
              className="absolute inset-0 cursor-pointer opacity-0"
              name={`${action}-mode`}
              checked={value.mode === mode}
              onChange={() => onChange({ ...value, mode })}
            />
            {mode === 'all' ? 'All Buckets' : 'Scoped'}
          </label>
        ))}
      </div>
      {value.mode === 'all' ? (
        <p className="rounded-md bg-sunken px-3 py-2 text-sm">This token will be able to {grantPhrase(action, 'buckets', allOfType('buckets', [orgName]))}.</p>
      ) : loading ? (
        <BucketsLoading />
      ) : (
        <BucketPicker
          action={action}
          buckets={buckets}
          selected={value.bucketIDs}
          onChange={(bucketIDs) => onChange({ ...value, bucketIDs })}
        />
      )}
    </fieldset>
  )
}
