import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { deleteAuthorization, updateAuthorization } from '@/api/authorizations'
import type { Authorization } from '@/api/contract'
import { errorMessage } from '@/api/http'
import { Button } from '@/components/ui/button'
import { toast } from '@/components/ui/toast'
import { settleAll } from '@/lib/settle-all'
import { tokenQueries } from '../api/token-queries'
import { losesLastOperator } from '../lib/operator-guard'
import { NamedTokens, TokenConfirmDialog } from './token-confirm-dialog'
import { tokenName } from './token-row'

type BulkKind = 'delete' | 'deactivate' | 'activate'
const PARALLEL_REQUESTS = 6

const plural = (n: number) => `${n} token${n === 1 ? '' : 's'}`

const COPY: Record<BulkKind, { verb: string; done: string; button: string }> = {
  delete: { verb: 'delete', done: 'deleted', button: 'Delete selected' },
  deactivate: { verb: 'deactivate', done: 'deactivated', button: 'Deactivate selected' },
  activate: { verb: 'activate', done: 'activated', button: 'Activate selected' },
}

/** The selected tokens an action would change: a status switch skips those already there. */
function targetsOf(kind: BulkKind, selected: Authorization[]): Authorization[] {
  if (kind === 'delete') return selected
  const wanted = kind === 'activate' ? 'inactive' : 'active'
  return selected.filter((auth) => auth.status === wanted)
}

export interface BulkActionsProps {
  orgID: string
  selected: Authorization[]
  /** The org's tokens as listed, to tell whether an action removes the last active operator token. */
  known: Authorization[]
  onDeleted: (ids: string[]) => void
  onClear: () => void
}

/**
 * A bar floating over the bottom of the page (so ticking a row never moves the rows), offering
 * only what would change something. Delete and deactivate ask first, naming the tokens.
 */
export function BulkActions({ orgID, selected, known, onDeleted, onClear }: BulkActionsProps) {
  const queryClient = useQueryClient()
  const [confirming, setConfirming] = useState<BulkKind | null>(null)
  const [running, setRunning] = useState(false)

  async function run(kind: BulkKind) {
    setRunning(true)
    const targets = targetsOf(kind, selected)
    const results = await settleAll(targets, PARALLEL_REQUESTS, (auth): Promise<unknown> =>
      kind === 'delete' ? deleteAuthorization(auth.id) : updateAuthorization(auth.id, { status: kind === 'activate' ? 'active' : 'inactive' }),
    )
    await queryClient.invalidateQueries({ queryKey: tokenQueries.list(orgID).queryKey })
    const failed = targets.flatMap((auth, i) => {
      const result = results[i]
      return result?.status === 'rejected' ? [`${tokenName(auth)} (${errorMessage(result.reason)})`] : []
    })
    const succeeded = targets.filter((_, i) => results[i]?.status === 'fulfilled').map((auth) => auth.id)
    if (succeeded.length > 0) toast.success(`${plural(succeeded.length)} ${succeeded.length === 1 ? 'was' : 'were'} ${COPY[kind].done} successfully`)
    if (failed.length > 0) toast.error(`Could not ${COPY[kind].verb} ${failed.length} of ${plural(targets.length)}: ${failed.join(', ')}`)
    setRunning(false)
    setConfirming(null)
    // Deleted tokens leave the selection; switched ones stay selected, ready for a next step.
    if (kind === 'delete') onDeleted(succeeded)
  }

  const toActivate = targetsOf('activate', selected)
  const toDeactivate = targetsOf('deactivate', selected)
  const targets = confirming ? targetsOf(confirming, selected) : []
  const count = targets.length
  return (
    <div
      role="toolbar"
      aria-label="Selected tokens"
      data-toasts-above
      className="fixed inset-x-0 bottom-4 z-30 mx-auto flex w-fit max-w-[calc(100vw-1.5rem)] flex-wrap items-center justify-center gap-2 rounded-lg border border-accent/40 bg-raised px-3 py-2 text-sm shadow-lg"
    >
      <span className="font-medium" role="status">
        {selected.length} selected
      </span>
      {toActivate.length > 0 && (
        <Button size="sm" disabled={running} onClick={() => void run('activate')}>
          {COPY.activate.button}
        </Button>
      )}
      {toDeactivate.length > 0 && (
        <Button size="sm" onClick={() => setConfirming('deactivate')}>
          {COPY.deactivate.button}
        </Button>
      )}
      <Button size="sm" variant="danger" onClick={() => setConfirming('delete')}>
        {COPY.delete.button}
      </Button>
      <Button size="sm" variant="ghost" onClick={onClear}>
        Clear selection
      </Button>
      <TokenConfirmDialog
        open={confirming !== null}
        title={confirming === 'delete' ? `Delete ${plural(count)}?` : `Deactivate ${plural(count)}?`}
        confirmLabel={confirming === 'delete' ? 'Delete' : 'Deactivate'}
        pending={running}
        lastOperator={confirming !== null && losesLastOperator(known, targets)}
        onCancel={() => setConfirming(null)}
        onConfirm={() => confirming && void run(confirming)}
      >
        {confirming === 'delete' ? (
          <p>These will be deleted for good; anything still using them will be refused at once:</p>
        ) : (
          <p>These will stop working until they are activated again:</p>
        )}
        <NamedTokens auths={targets} />
      </TokenConfirmDialog>
    </div>
  )
}
