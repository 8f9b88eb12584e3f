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

type BulkAction = 'delete' | 'deactivate' | 'activate'
/** The bulk actions that ask first. */
export type BulkKind = Exclude<BulkAction, 'activate'>
const PARALLEL_REQUESTS = 6

const plural = (n: number) => `${n} token${n === 1 ? '' : 's'}`

const COPY: Record<BulkAction, { verb: string; done: string; button: string }> = {
  delete: { verb: 'delete', done: 'deleted', button: 'Delete selected' },
  deactivate: { verb: 'deactivate', done: 'deactivated', button: 'Deactivate selected' },
  activate: { verb: 'activate', done: 'activated', button: 'Activate selected' },
}

/** The tokens an action would change: a status switch skips those already there. */
export function targetsOf(action: BulkAction, tokens: Authorization[]): Authorization[] {
  if (action === 'delete') return tokens
  const wanted = action === 'activate' ? 'inactive' : 'active'
  return tokens.filter((auth) => auth.status === wanted)
}

/** Runs an action over tokens a few requests at a time, then says what changed and what failed. */
function useBulkRun(orgID: string) {
  const queryClient = useQueryClient()
  const [running, setRunning] = useState(false)
  async function run(action: BulkAction, targets: Authorization[]): Promise<string[]> {
    setRunning(true)
    const results = await settleAll(targets, PARALLEL_REQUESTS, (auth): Promise<unknown> =>
      action === 'delete' ? deleteAuthorization(auth.id) : updateAuthorization(auth.id, { status: action === 'activate' ? 'active' : 'inactive' }),
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
    return succeeded
  }
  return { run, running }
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
  const [confirming, setConfirming] = useState<BulkKind | null>(null)
  const { run, running } = useBulkRun(orgID)
  const toActivate = targetsOf('activate', selected)
  const toDeactivate = targetsOf('deactivate', selected)
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
        <Button size="sm" disabled={running} onClick={() => void run('activate', toActivate)}>
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
      <BulkConfirmDialog
        orgID={orgID}
        kind={confirming}
        tokens={selected}
        known={known}
        onCancel={() => setConfirming(null)}
        onDone={(kind, succeeded) => {
          setConfirming(null)
          // Deleted tokens leave the selection; switched ones stay selected, ready for a next step.
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
  /** The tokens chosen; a deactivation leaves out those already inactive. */
  tokens: Authorization[]
  /** The org's tokens as listed, to tell whether the action removes the last active operator token. */
  known: Authorization[]
  onCancel: () => void
  /** After every request has settled, with the IDs of the tokens it succeeded on. */
  onDone: (kind: BulkKind, succeeded: string[]) => void
}

/** The confirmation of a bulk action, naming the tokens, then the requests and their outcome. */
export function BulkConfirmDialog({ orgID, kind, tokens, known, onCancel, onDone }: BulkConfirmDialogProps) {
  const { run, running } = useBulkRun(orgID)
  const targets = kind ? targetsOf(kind, tokens) : []
  const count = targets.length
  return (
    <TokenConfirmDialog
      open={kind !== null}
      title={kind === 'delete' ? `Delete ${plural(count)}?` : `Deactivate ${plural(count)}?`}
      confirmLabel={kind === 'delete' ? 'Delete' : 'Deactivate'}
      pending={running}
      lastOperator={kind !== null && losesLastOperator(known, targets)}
      onCancel={onCancel}
      onConfirm={() => kind && void run(kind, targets).then((succeeded) => onDone(kind, succeeded))}
    >
      {kind === 'delete' ? (
        <p>These will be deleted for good; anything still using them will be refused at once:</p>
      ) : (
        <p>These will stop working until they are activated again:</p>
      )}
      <NamedTokens auths={targets} />
    </TokenConfirmDialog>
  )
}
