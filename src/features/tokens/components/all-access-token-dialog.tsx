import { useQuery } from '@tanstack/react-query'
import { useId, useRef, useState } from 'react'
import { useForm } from 'react-hook-form'
import type { Authorization } from '@/api/contract'
import { errorMessage } from '@/api/http'
import { Button } from '@/components/ui/button'
import { DialogBody, DialogContent, DialogFooter } from '@/components/ui/dialog'
import { TextField } from '@/components/ui/field'
import { LoadError } from '@/components/ui/load-error'
import { toast } from '@/components/ui/toast'
import { resourceQueries } from '../api/token-queries'
import { useCreateToken } from '../api/use-create-token'
import { buildAllAccessPermissions } from '../lib/permissions'
import type { GenerateDialogProps } from './generate-token-dialogs'
import { TokenCreatedContent } from './token-created'

export function AllAccessTokenDialog({ org, me, onClose, returnFocusTo }: GenerateDialogProps) {
  // The types come from the server, so a newer InfluxDB's new resource types are included.
  const resources = useQuery(resourceQueries.types())
  const create = useCreateToken()
  const [created, setCreated] = useState<Authorization | null>(null)
  const submitting = useRef(false)
  const formId = useId()
  const { register, handleSubmit } = useForm<{ description: string }>({ defaultValues: { description: '' } })

  async function onSubmit({ description }: { description: string }) {
    if (submitting.current || !resources.data) return
    submitting.current = true
    try {
      const auth = await create.mutateAsync({
        orgID: org.id,
        description: description.trim(),
        permissions: buildAllAccessPermissions(resources.data, org.id, me.id),
      })
      toast.success('Token was created successfully')
      setCreated(auth)
    } catch {
      // Shown in the dialog from the mutation's state; the description stays as typed.
    } finally {
      submitting.current = false
    }
  }

  if (created) return <TokenCreatedContent auth={created} onClose={onClose} returnFocusTo={returnFocusTo} />

  return (
    <DialogContent title="Generate All-Access Token" onRequestClose={onClose} returnFocusTo={returnFocusTo}>
      <form id={formId} onSubmit={handleSubmit(onSubmit)} noValidate className="contents">
        <DialogBody className="flex flex-col gap-4">
          <p className="rounded-md border border-warning/40 bg-warning/10 px-3 py-2 text-sm">
            This token will be able to <strong>create, update, delete, read and write</strong> anything in the organization{' '}
            <strong>{org.name}</strong>. Give it only to people and programs you trust with all of it.
          </p>
          <TextField label="Description" placeholder="Describe this new token" autoFocus autoComplete="off" {...register('description')} />
          {resources.isError && <LoadError error={resources.error} onRetry={() => resources.refetch()} />}
          {create.isError && (
            <p role="alert" className="rounded-md border border-danger/40 bg-danger/5 px-3 py-2 text-sm text-danger">
              Failed to create token: {errorMessage(create.error)}
            </p>
          )}
        </DialogBody>
        <DialogFooter>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={!resources.isSuccess} pending={create.isPending}>
            {create.isPending ? 'Saving…' : 'Save'}
          </Button>
        </DialogFooter>
      </form>
    </DialogContent>
  )
}
