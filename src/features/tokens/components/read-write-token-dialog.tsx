import { zodResolver } from '@hookform/resolvers/zod'
import { useQuery } from '@tanstack/react-query'
import { useId, useMemo, useRef, useState } from 'react'
import { Controller, useForm, useWatch, type Control } from 'react-hook-form'
import type { Authorization, Bucket } from '@/api/contract'
import { errorMessage } from '@/api/http'
import { Button } from '@/components/ui/button'
import { DialogBody, DialogContent, DialogFooter } from '@/components/ui/dialog'
import { TextField } from '@/components/ui/field'
import { LoadError } from '@/components/ui/load-error'
import { toast } from '@/components/ui/toast'
import { cn } from '@/lib/cn'
import { bucketQueries } from '../api/token-queries'
import { useCreateToken } from '../api/use-create-token'
import { sortBucketsForPicker } from '../lib/bucket-list'
import {
  emptyReadWriteForm,
  hasAnyPermission,
  readWriteFormSchema,
  toReadWriteRequest,
  type ReadWriteFormValues,
} from '../lib/read-write-form'
import { BucketPicker } from './bucket-picker'
import type { GenerateDialogProps } from './generate-token-dialogs'
import { TokenCreatedContent } from './token-created'

export function ReadWriteTokenDialog({ org, onClose, returnFocusTo }: GenerateDialogProps) {
  const buckets = useQuery(bucketQueries.list(org.id))
  const sortedBuckets = useMemo(() => sortBucketsForPicker(buckets.data ?? []), [buckets.data])
  const create = useCreateToken()
  const [created, setCreated] = useState<Authorization | null>(null)
  const submitting = useRef(false)
  const formId = useId()
  const { register, handleSubmit, control } = useForm<ReadWriteFormValues>({
    resolver: zodResolver(readWriteFormSchema),
    defaultValues: emptyReadWriteForm,
  })
  const values = useWatch({ control }) as ReadWriteFormValues
  const canSave = buckets.isSuccess && hasAnyPermission(values)

  async function onSubmit(form: ReadWriteFormValues) {
    // One click, one token: a second submit while the first is in flight is ignored.
    if (submitting.current || !hasAnyPermission(form)) return
    submitting.current = true
    try {
      const auth = await create.mutateAsync(toReadWriteRequest(form, org.id, sortedBuckets))
      toast.success('Token was created successfully')
      setCreated(auth)
    } catch {
      // The error is shown in the dialog from the mutation's state; every input stays as it was.
    } finally {
      submitting.current = false
    }
  }

  if (created) return <TokenCreatedContent auth={created} onClose={onClose} returnFocusTo={returnFocusTo} />

  return (
    <DialogContent title="Generate Read/Write Token" className="max-w-4xl" onRequestClose={onClose} returnFocusTo={returnFocusTo}>
      <form id={formId} onSubmit={handleSubmit(onSubmit)} noValidate className="contents">
        <DialogBody className="flex flex-col gap-4">
          <TextField label="Description" placeholder="Describe this new token" autoFocus autoComplete="off" {...register('description')} />
          {buckets.isError ? (
            <LoadError error={buckets.error} onRetry={() => buckets.refetch()} />
          ) : (
            <div className="grid gap-4 md:grid-cols-2">
              <BucketAccessFieldset action="read" control={control} buckets={sortedBuckets} loading={buckets.isPending} />
              <BucketAccessFieldset action="write" control={control} buckets={sortedBuckets} loading={buckets.isPending} />
            </div>
          )}
          {create.isError && (
            <p role="alert" className="rounded-md border border-danger/40 bg-danger/5 px-3 py-2 text-sm text-danger">
              Failed to create token: {errorMessage(create.error)}
            </p>
          )}
        </DialogBody>
        <DialogFooter>
          {!canSave && !create.isPending && <p className="mr-auto text-xs text-muted">Choose at least one bucket to read or write.</p>}
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={!canSave} pending={create.isPending}>
            {create.isPending ? 'Saving…' : 'Save'}
          </Button>
        </DialogFooter>
      </form>
    </DialogContent>
  )
}

const COPY = {
  read: { title: 'Read', all: 'This token will be able to read from all existing buckets as well as from any bucket created in the future.' },
  write: { title: 'Write', all: 'This token will be able to write to all existing buckets as well as to any bucket created in the future.' },
} as const

function BucketAccessFieldset({
  action,
  control,
  buckets,
  loading,
}: {
  action: 'read' | 'write'
  control: Control<ReadWriteFormValues>
  buckets: Bucket[]
  loading: boolean
}) {
  const copy = COPY[action]
  return (
    <Controller
      control={control}
      name={action}
      render={({ field }) => (
        <fieldset className="flex min-w-0 flex-col gap-3 rounded-lg border border-border p-3">
          <legend className="px-1 text-sm font-semibold">{copy.title}</legend>
          <div className="inline-flex self-start rounded-md border border-border bg-sunken p-0.5 text-sm">
            {(['all', 'scoped'] as const).map((mode) => (
              <label
                key={mode}
                className={cn(
                  'cursor-pointer rounded px-3 py-1 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent',
                  field.value.mode === mode ? 'bg-raised font-medium shadow-sm' : 'text-muted',
                )}
              >
                <input
                  type="radio"
                  className="sr-only"
                  name={`${action}-mode`}
                  checked={field.value.mode === mode}
                  onChange={() => field.onChange({ ...field.value, mode })}
                />
                {mode === 'all' ? 'All Buckets' : 'Scoped'}
              </label>
            ))}
          </div>
          {field.value.mode === 'all' ? (
            <p className="rounded-md bg-sunken px-3 py-2 text-sm">{copy.all}</p>
          ) : loading ? (
            <div role="status" aria-label="Loading buckets" className="h-[318px] animate-pulse rounded-md bg-sunken" />
          ) : (
            <BucketPicker
              action={action}
              buckets={buckets}
              selected={field.value.bucketIDs}
              onChange={(bucketIDs) => field.onChange({ ...field.value, bucketIDs })}
            />
          )}
        </fieldset>
      )}
    />
  )
}
