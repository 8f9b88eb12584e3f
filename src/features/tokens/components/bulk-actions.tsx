import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { deleteAuthorization, updateAuthorization } from '@/api/authorizations'
import type { Authorization } from '@/api/contract'
import { errorMessage } from '@/api/http'
import { Button } from '@/components/ui/button'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import { toast } from '@/components/ui/toast'
import { settleAll } from '@/lib/settle-all'
import { tokenQueries } from '../api/token-queries'
import { tokenName } from './token-row'

export type BulkKind = 'delete' | 'deactivate'
const PARALLEL_REQUESTS = 6

const plural = (n: number) => `${n} token${n === 1 ? '' : 's'}`

const COPY: Record<BulkKind, { verb: string; done: string; button: string }> = {
  delete: { verb: 'delete', done: 'deleted', button: 'Delete selected' },
  deactivate: { verb: 'deactivate', done: 'deactivated', button: 'Deactivate selected' },
}

/** "Delete selected" and "Deactivate selected", each after a confirmation that states the count. */
export interface BulkActionsProps {
  orgID: string
  selected: Authorization[]
  onDeleted: (ids: string[]) => void
  onClear: () => void
}

export function BulkActions({ orgID, selected, onDeleted, onClear }: BulkActionsProps) {
  const [confirming, setConfirming] = useState<BulkKind | null>(null)
  const count = selected.length
  return (
    <div role="toolbar" aria-label="Selected tokens" className="flex flex-wrap items-center gap-2 rounded-lg border border-accent/40 bg-accent/5 px-3 py-2 text-sm">
      <span className="font-medium">{count} selected</span>
      <Button size="sm" onClick={() => setConfirming('deactivate')}>
        {COPY.deactivate.button}
      </Button>
      <Button size="sm" variant="danger" onClick={() => setConfirming('delete')}>
        {COPY.delete.button}
      </Button>
      <Button size="sm" variant="ghost" onClick={onClear}>
        Clear selection
      </Button>
      <BulkConfirmDialog
        orgID={orgID}
        kind={confirming}
        targets={selected}
        onCancel={() => setConfirming(null)}
        onDone={(kind, succeeded) => {
          setConfirming(null)
          // Deleted tokens leave the selection; deactivated ones stay selected, ready for a next step.
          if (kind === 'delete') onDeleted(succeeded)
        }}
      />
    </div>
  )
}

export interface BulkConfirmDialogProps {
  orgID: string
  /** The action to confirm; null keeps the dialog closed. */
  kind: BulkKind | null
  targets: Authorization[]
  onCancel: () => void
  /** After every request has settled, with the IDs of the tokens it succeeded on. */
  onDone: (kind: BulkKind, succeeded: string[]) => void
  /** What the targets are, as the confirmation names them ("selected" by default). */
  what?: string
}

/** The named confirmation of a bulk action, then the requests, a few at a time, and their outcome. */
export function BulkConfirmDialog({ orgID, kind, targets, onCancel, onDone, what = 'selected' }: BulkConfirmDialogProps) {
  const queryClient = useQueryClient()
  const [running, setRunning] = useState(false)

  async function run(action: BulkKind) {
    setRunning(true)
    const results = await settleAll(targets, PARALLEL_REQUESTS, (auth): Promise<unknown> =>
      action === 'delete' ? deleteAuthorization(auth.id) : updateAuthorization(auth.id, { status: 'inactive' }),
    )
    await queryClient.invalidateQueries({ queryKey: tokenQueries.list(orgID).queryKey })
    const failed = targets.flatMap((auth, i) => {
      const result = results[i]
      return result?.status === 'rejected' ? [`${tokenName(auth)} (${errorMessage(result.reason)})`] : []
    })
    const succeeded = targets.filter((_, i) => results[i]?.status === 'fulfilled').map((auth) => auth.id)
    if (succeeded.length > 0) toast.success(`${plural(succeeded.length)} ${succeeded.length === 1 ? 'was' : 'were'} ${COPY[action].done} successfully`)
    if (failed.length > 0) toast.error(`Could not ${COPY[action].verb} ${failed.length} of ${plural(targets.length)}: ${failed.join(', ')}`)
    setRunning(false)
    onDone(action, succeeded)
  }

  const count = targets.length
  return (
    <ConfirmDialog
      open={kind !== null}
      title={kind === 'delete' ? `Delete ${plural(count)}?` : `Deactivate ${plural(count)}?`}
      confirmLabel={kind === 'delete' ? 'Delete' : 'Deactivate'}
      pending={running}
      onCancel={onCancel}
      onConfirm={() => kind && run(kind)}
    >
      {kind === 'delete' ? (
        <p>
          The {plural(count)} {what} will be deleted for good. Anything still using {count === 1 ? 'it' : 'them'} will be refused at once.
        </p>
      ) : (
        <p>
          The {plural(count)} {what} will stop working until {count === 1 ? 'it is' : 'they are'} activated again.
        </p>
      )}
    </ConfirmDialog>
  )
}
